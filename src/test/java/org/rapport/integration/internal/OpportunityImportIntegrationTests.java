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
class OpportunityImportIntegrationTests {

	@Autowired
	Imports imports;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void chineseFilesFindTheirAccountPipelineAndStageAndBadRowsAreRejectedByTheirLine() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String account = TestData.unique("华东贸易");
		String twin = TestData.unique("Twin");
		importFile(actor, "accounts", "客户名称\n" + account + "\n" + twin + "\n" + twin + "\n",
				DuplicateMode.CREATE, MatchBy.NAME);
		String deal = TestData.unique("年度框架协议");
		String file = "商机名称,客户,阶段,金额,币种,预计成交日期,赢率\n" + deal + "," + account + ",,\"¥120,000\",CNY,2026年9月30日,\n"
				+ deal + "-2," + account + ",Proposal,5000,EUR,2026/10/1,75%\n"
				+ "No account,Nobody " + TestData.unique("x") + ",,1,EUR,2026-01-01,\n"
				+ "Ambiguous," + twin + ",,1,EUR,2026-01-01,\n"
				+ "Unknown stage," + account + ",Dreaming,1,EUR,2026-01-01,\n"
				+ "Lost," + account + ",Closed lost,1,EUR,2026-01-01,\n"
				+ "Bad date," + account + ",,1,EUR,31.02.2026,\n"
				+ "Missing account,,,1,EUR,2026-01-01,\n";

		ImportJob job = importFile(actor, "opportunities", file, DuplicateMode.SKIP, MatchBy.NAME);

		assertThat(job.status()).isEqualTo(Status.DONE);
		assertThat(job.createdRows()).isEqualTo(3);
		Map<String, Object> first = jdbc.queryForMap("select o.amount, o.currency, o.close_date, o.probability, "
				+ "s.name stage, p.name pipeline, a.name account from opportunity o join pipeline_stage s on s.id = "
				+ "o.stage_id join pipeline p on p.id = o.pipeline_id join account a on a.id = o.account_id "
				+ "where o.name = ?", deal);
		assertThat(first).containsEntry("currency", "CNY").containsEntry("stage", "Prospecting")
			.containsEntry("pipeline", "Sales").containsEntry("account", account).containsEntry("probability", 10)
			.containsEntry("close_date", Date.valueOf("2026-09-30"));
		assertThat((BigDecimal) first.get("amount")).isEqualByComparingTo("120000");
		assertThat(jdbc.queryForMap("select s.name stage, o.probability from opportunity o join pipeline_stage s "
				+ "on s.id = o.stage_id where o.name = ?", deal + "-2"))
			.containsEntry("stage", "Proposal").containsEntry("probability", 75);
		assertThat(jdbc.queryForObject("select count(*) from opportunity_stage_history h join opportunity o on "
				+ "o.id = h.opportunity_id where o.name = ? and h.left_at is null", Integer.class, deal)).isEqualTo(1);
		List<ImportJobs.RejectedRow> rejected = imports.rejected(actor, job.id(), 10);
		assertThat(rejected).extracting(ImportJobs.RejectedRow::line).containsExactly(4L, 5L, 6L, 8L, 9L);
		assertThat(rejected.get(0).reasons()).contains("Nobody");
		assertThat(rejected.get(1).reasons()).contains("several accounts");
		assertThat(rejected.get(2).reasons()).contains("Dreaming");
		assertThat(rejected.get(3).reasons()).contains("Close date");
		assertThat(rejected.get(4).reasons()).contains("Account: required");
	}

	@Test
	void aDealLostInTheOldSystemComesLostWithItsReasonOrANoticeAndAnOpenOneMovesThereOnlyWithAReason() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String account = TestData.unique("Lost Co");
		importFile(actor, "accounts", "Name\n" + account + "\n", DuplicateMode.CREATE, MatchBy.NAME);
		String tag = TestData.unique("lost");
		ImportJob created = importFile(actor, "opportunities", "External ID,Name,Account,Stage,Amount,Close Date,"
				+ "Lost Reason\n" + tag + "-1,Reasoned,"+ account + ",Closed Lost,100,2026-01-31,Price too high\n"
				+ tag + "-2,Silent," + account + ",Closed Lost,100,2026-01-31,\n"
				+ tag + "-3,Open," + account + ",Proposal,100,2026-06-30,\n", DuplicateMode.UPDATE,
				MatchBy.EXTERNAL_ID);

		assertThat(created.createdRows()).isEqualTo(3);
		assertThat(jdbc.queryForMap("select stage_kind, lost_reason from opportunity where external_id = ?",
				tag + "-1")).containsEntry("stage_kind", "LOST").containsEntry("lost_reason", "Price too high");
		assertThat(jdbc.queryForMap("select stage_kind, lost_reason from opportunity where external_id = ?",
				tag + "-2")).containsEntry("stage_kind", "LOST").containsEntry("lost_reason", null);
		assertThat(imports.notices(actor, created.id(), 10)).singleElement()
			.satisfies(row -> assertThat(row.line()).isEqualTo(3L))
			.satisfies(row -> assertThat(row.notices()).contains("Lost reason"));

		ImportJob moved = importFile(actor, "opportunities", "External ID,Name,Account,Stage,Amount,Close Date,"
				+ "Lost Reason\n" + tag + "-3,Open," + account + ",Closed Lost,100,2026-06-30,\n",
				DuplicateMode.UPDATE, MatchBy.EXTERNAL_ID);
		assertThat(moved.rejectedRows()).isEqualTo(1);
		assertThat(imports.rejected(actor, moved.id(), 10).get(0).reasons()).contains("reason");
		ImportJob withReason = importFile(actor, "opportunities", "External ID,Name,Account,Stage,Amount,Close Date,"
				+ "Lost Reason\n" + tag + "-3,Open," + account + ",Closed Lost,100,2026-06-30,No budget\n",
				DuplicateMode.UPDATE, MatchBy.EXTERNAL_ID);
		assertThat(withReason.updatedRows()).isEqualTo(1);
		assertThat(jdbc.queryForMap("select stage_kind, lost_reason from opportunity where external_id = ?",
				tag + "-3")).containsEntry("stage_kind", "LOST").containsEntry("lost_reason", "No budget");
	}

	@Test
	void theNamesOtherSystemsGiveTheirDefaultPipelineAndStagesFindOurs() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String account = TestData.unique("Pipeline Co");
		importFile(actor, "accounts", "Name\n" + account + "\n", DuplicateMode.CREATE, MatchBy.NAME);
		String deal = TestData.unique("Deal");
		String file = "Name,Account,Pipeline,Stage,Amount,Close Date\n"
				+ deal + "-hubspot," + account + ",Sales Pipeline,Closed won,100,2026-01-31\n"
				+ deal + "-salesforce," + account + ",,Proposal/Price Quote,100,2026-01-31\n"
				+ deal + "-odoo," + account + ",,Won,100,2026-01-31\n"
				+ deal + "-zoho," + account + ",Standard,Negotiation/Review,100,2026-01-31\n"
				+ deal + "-none," + account + ",Sales Pipeline,Value Proposition,100,2026-01-31\n";

		ImportJob job = importFile(actor, "opportunities", file, DuplicateMode.SKIP, MatchBy.NAME);

		assertThat(job.createdRows()).isEqualTo(4);
		assertThat(jdbc.queryForList("select o.name || '=' || p.name || '/' || s.name from opportunity o join "
				+ "pipeline_stage s on s.id = o.stage_id join pipeline p on p.id = o.pipeline_id where o.name like ? "
				+ "order by o.name", String.class, deal + "-%"))
			.containsExactly(deal + "-hubspot=Sales/Closed won", deal + "-odoo=Sales/Closed won",
					deal + "-salesforce=Sales/Proposal", deal + "-zoho=Sales/Negotiation");
		assertThat(imports.rejected(actor, job.id(), 10).get(0).reasons()).contains("Value Proposition");
	}

	@Test
	void opportunitiesMatchByNameAtTheSameAccountOrByExternalIdAndAMovedOneKeepsItsHistory() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String account = TestData.unique("Acme");
		String accountId = TestData.unique("ACC");
		importFile(actor, "accounts", "External ID,Account Name\n" + accountId + "," + account + "\n",
				DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);
		String deal = TestData.unique("Renewal");
		String header = "Opportunity Name,Account External ID,Stage,Amount,Close Date\n";
		importFile(actor, "opportunities", header + deal + "," + accountId + ",,100,2026-05-01\n",
				DuplicateMode.SKIP, MatchBy.NAME);

		ImportJob skipped = importFile(actor, "opportunities",
				header + deal.toUpperCase() + "," + accountId + ",Negotiation,200,2026-05-01\n", DuplicateMode.SKIP,
				MatchBy.NAME);
		assertThat(skipped.skippedRows()).isEqualTo(1);

		ImportJob updated = importFile(actor, "opportunities",
				header + deal + "," + accountId + ",Negotiation,200,2026-06-01\n", DuplicateMode.UPDATE, MatchBy.NAME);
		assertThat(updated.updatedRows()).isEqualTo(1);
		assertThat(jdbc.queryForMap("select s.name stage, o.probability, o.amount from opportunity o join "
				+ "pipeline_stage s on s.id = o.stage_id where o.name = ?", deal))
			.containsEntry("stage", "Negotiation").containsEntry("probability", 80);
		assertThat(jdbc.queryForList("select stage_name from opportunity_stage_history h join opportunity o on o.id = "
				+ "h.opportunity_id where o.name = ? order by h.entered_at, h.left_at nulls last", String.class, deal))
			.containsExactly("Prospecting", "Negotiation");

		String external = TestData.unique("CRM");
		importFile(actor, "opportunities", "External ID," + header.replace("\n", "") + "\n" + external + ","
				+ deal + "-x," + accountId + ",,1,2026-01-01\n", DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);
		ImportJob byId = importFile(actor, "opportunities", "External ID," + header.replace("\n", "") + "\n"
				+ external + "," + deal + "-y," + accountId + ",Closed won,1,2026-01-01\n", DuplicateMode.UPDATE,
				MatchBy.EXTERNAL_ID);
		assertThat(byId.updatedRows()).isEqualTo(1);
		assertThat(jdbc.queryForMap("select name, stage_kind, probability from opportunity where external_id = ?",
				external))
			.containsEntry("name", deal + "-y").containsEntry("stage_kind", "WON").containsEntry("probability", 100);
	}

	@Test
	void undoDeletesCreatedOpportunitiesWithTheirHistoryAndRestoresUpdatedOnes() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String account = TestData.unique("Undo Co");
		importFile(actor, "accounts", "Account Name\n" + account + "\n", DuplicateMode.SKIP, MatchBy.NAME);
		String deal = TestData.unique("Deal");
		String header = "Name,Account,Stage,Amount,Close Date\n";
		importFile(actor, "opportunities", header + deal + "," + account + ",,100,2026-05-01\n",
				DuplicateMode.SKIP, MatchBy.NAME);
		ImportJob job = importFile(actor, "opportunities", header + deal + "," + account
				+ ",Proposal,300,2026-05-01\n" + deal + "-new," + account + ",,5,2026-05-01\n", DuplicateMode.UPDATE,
				MatchBy.NAME);

		imports.undo(actor, job.id());

		assertThat(jdbc.queryForMap("select s.name stage, o.amount from opportunity o join pipeline_stage s on s.id = "
				+ "o.stage_id where o.name = ?", deal)).containsEntry("stage", "Prospecting");
		assertThat(jdbc.queryForObject("select count(*) from opportunity where name = ?", Integer.class,
				deal + "-new")).isZero();
	}

	private ImportJob importFile(Actor actor, String entity, String content, DuplicateMode mode,
			MatchBy matchBy) {
		return ImportRuns.run(imports, actor, entity, content, mode, matchBy);
	}
}
