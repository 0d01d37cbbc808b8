package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.MatchBy;
import org.rapport.integration.internal.ImportJob.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@RapportTest
class ContractImportIntegrationTests {

	@Autowired
	Imports imports;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void chineseFilesFindTheirAccountAreNumberedByRapportAndBadRowsAreRejectedByTheirLine() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String account = TestData.unique("华东贸易");
		String twin = TestData.unique("Twin");
		importFile(actor, "accounts", "客户名称\n" + account + "\n" + twin + "\n" + twin + "\n",
				DuplicateMode.CREATE, MatchBy.NAME);
		String running = TestData.unique("HT");
		String later = TestData.unique("HT");
		String file = "合同编号,客户,开始日期,结束日期,金额,币种,状态,自动续约,续约通知天数,备注\n"
				+ running + "," + account + ",2020年1月1日,2099年12月31日,\"¥120,000\",CNY,生效,是,30,年度框架\n"
				+ later + "," + account + ",2099/1/1,2099/12/31,5000,,,否,,\n"
				+ "X1,Nobody " + TestData.unique("x") + ",2026-01-01,2026-12-31,1,EUR,,,,\n"
				+ "X2," + twin + ",2026-01-01,2026-12-31,1,EUR,,,,\n"
				+ "X3," + account + ",2026-12-31,2026-01-01,1,EUR,,,,\n"
				+ "X4," + account + ",2099-01-01,2099-12-31,1,EUR,Active,,,\n"
				+ "X5," + account + ",31.02.2026,2026-12-31,1,EUR,,,,\n"
				+ "X6,,2026-01-01,2026-12-31,1,EUR,,,,\n";

		ImportJob job = importFile(actor, "contracts", file, DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);

		assertThat(job.status()).isEqualTo(Status.DONE);
		assertThat(job.createdRows()).isEqualTo(2);
		Map<String, Object> first = jdbc.queryForMap("select c.number, c.contract_value, c.currency, c.start_date, "
				+ "c.end_date, c.status, c.auto_renew, c.renewal_notice_days, c.description, a.name account from "
				+ "contract c join account a on a.id = c.account_id where c.external_id = ?", running);
		assertThat(first).containsEntry("currency", "CNY").containsEntry("status", "ACTIVE")
			.containsEntry("account", account).containsEntry("auto_renew", true)
			.containsEntry("renewal_notice_days", 30).containsEntry("description", "年度框架")
			.containsEntry("start_date", Date.valueOf("2020-01-01"))
			.containsEntry("end_date", Date.valueOf("2099-12-31"));
		assertThat((BigDecimal) first.get("contract_value")).isEqualByComparingTo("120000");
		Map<String, Object> second = jdbc.queryForMap("select number, status, currency, auto_renew from contract "
				+ "where external_id = ?", later);
		// a value that names no currency is in the one the file's values name (¥: yuan), not in the old default
		assertThat(second).containsEntry("status", "DRAFT").containsEntry("currency", "CNY")
			.containsEntry("auto_renew", false);
		String firstNumber = (String) first.get("number");
		String secondNumber = (String) second.get("number");
		assertThat(firstNumber).matches("CTR-\\d{6}");
		assertThat(secondNumber).matches("CTR-\\d{6}").isNotEqualTo(firstNumber);
		// the same sequence as contracts made one by one: the next one drawn comes after them
		long next = jdbc.queryForObject("select nextval('contract_number_seq')", Long.class);
		assertThat(next).isGreaterThan(Long.parseLong(secondNumber.substring(4)));

		List<ImportJobs.RejectedRow> rejected = imports.rejected(actor, job.id(), 10);
		assertThat(rejected).extracting(ImportJobs.RejectedRow::line).containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
		assertThat(rejected.get(0).reasons()).contains("Nobody");
		assertThat(rejected.get(1).reasons()).contains("several accounts");
		assertThat(rejected.get(2).reasons()).contains("before the start");
		assertThat(rejected.get(3).reasons()).contains("starts later");
		assertThat(rejected.get(4).reasons()).contains("Start date");
		assertThat(rejected.get(5).reasons()).contains("Account: required");
	}

	@Test
	void contractsMatchByExternalIdOnlyToBeSkippedOrUpdated() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String account = TestData.unique("Acme");
		String accountId = TestData.unique("ACC");
		importFile(actor, "accounts", "External ID,Account Name\n" + accountId + "," + account + "\n",
				DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);
		String external = TestData.unique("CRM");
		String header = "External ID,Account External ID,Start Date,End Date,Value,Auto-renew\n";
		importFile(actor, "contracts", header + external + "," + accountId + ",2099-01-01,2099-12-31,100,no\n",
				DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);
		String number = jdbc.queryForObject("select number from contract where external_id = ?", String.class,
				external);

		ImportJob skipped = importFile(actor, "contracts",
				header + external + "," + accountId + ",2099-01-01,2099-12-31,200,yes\n", DuplicateMode.SKIP,
				MatchBy.EXTERNAL_ID);
		assertThat(skipped.skippedRows()).isEqualTo(1);
		assertThat((BigDecimal) jdbc.queryForObject("select contract_value from contract where external_id = ?",
				BigDecimal.class, external)).isEqualByComparingTo("100");

		ImportJob updated = importFile(actor, "contracts",
				header + external + "," + accountId + ",2099-02-01,2099-12-31,200,yes\n", DuplicateMode.UPDATE,
				MatchBy.EXTERNAL_ID);
		assertThat(updated.updatedRows()).isEqualTo(1);
		assertThat(jdbc.queryForMap("select number, contract_value, start_date, auto_renew, version from contract "
				+ "where external_id = ?", external))
			.containsEntry("number", number).containsEntry("start_date", Date.valueOf("2099-02-01"))
			.containsEntry("auto_renew", true).containsEntry("version", 1L);
		assertThat(jdbc.queryForObject("select count(*) from contract where external_id = ?", Integer.class,
				external)).isEqualTo(1);

		// an ended contract no longer changes, by import no more than by its form
		jdbc.update("update contract set status = 'TERMINATED' where external_id = ?", external);
		ImportJob refused = importFile(actor, "contracts",
				header + external + "," + accountId + ",2099-03-01,2099-12-31,300,yes\n", DuplicateMode.UPDATE,
				MatchBy.EXTERNAL_ID);
		assertThat(refused.rejectedRows()).isEqualTo(1);
		assertThat((BigDecimal) jdbc.queryForObject("select contract_value from contract where external_id = ?",
				BigDecimal.class, external)).isEqualByComparingTo("200");
	}

	@Test
	void undoDeletesCreatedContractsAndRestoresUpdatedOnes() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String account = TestData.unique("Undo Co");
		importFile(actor, "accounts", "Account Name\n" + account + "\n", DuplicateMode.SKIP, MatchBy.NAME);
		String external = TestData.unique("C");
		String header = "External ID,Account,Start Date,End Date,Value\n";
		importFile(actor, "contracts", header + external + "," + account + ",2099-01-01,2099-12-31,100\n",
				DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);
		ImportJob job = importFile(actor, "contracts", header + external + "," + account
				+ ",2099-01-01,2099-12-31,300\n" + external + "-new," + account + ",2099-01-01,2099-12-31,5\n",
				DuplicateMode.UPDATE, MatchBy.EXTERNAL_ID);
		assertThat(job.createdRows()).isEqualTo(1);
		assertThat(job.updatedRows()).isEqualTo(1);

		imports.undo(actor, job.id());

		assertThat((BigDecimal) jdbc.queryForObject("select contract_value from contract where external_id = ?",
				BigDecimal.class, external)).isEqualByComparingTo("100");
		assertThat(jdbc.queryForObject("select count(*) from contract where external_id = ?", Integer.class,
				external + "-new")).isZero();
	}

	private ImportJob importFile(Actor actor, String entity, String content, DuplicateMode mode,
			MatchBy matchBy) {
		return ImportRuns.run(imports, actor, entity, content, mode, matchBy);
	}
}
