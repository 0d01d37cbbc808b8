package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.identity.internal.UserAdministration;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.MatchBy;
import org.rapport.integration.internal.ImportJob.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files of another system keep its ids as the records' external ids, and later files refer to those records by
 * them: accounts first, then their contacts and opportunities, as a Salesforce Data Loader export comes.
 */
@RapportTest
class ExternalIdReferencesIntegrationTests {

	@Autowired
	Imports imports;

	@Autowired
	TestData data;

	@Autowired
	UserAdministration users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void salesforceAccountsThenTheirContactsAndOpportunitiesFindEachOtherByTheSalesforceIds() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String tag = TestData.unique("sf");
		String accounts = "Id,Name,BillingCity,Phone\n"
				+ "001" + tag + "A,Acme " + tag + ",Hamburg,+49 40 123\n"
				+ "001" + tag + "B,Acme " + tag + ",Berlin,+49 30 456\n";
		ImportJob accountJob = run(actor, "accounts", accounts,
				Map.of("Id", "externalId", "Name", "name", "BillingCity", "city", "Phone", "phone"),
				DuplicateMode.UPDATE, MatchBy.EXTERNAL_ID);
		assertThat(accountJob.createdRows()).isEqualTo(2);

		String contacts = "Id,FirstName,LastName,AccountId\n"
				+ "003" + tag + "1,Ada,Lovelace,001" + tag + "B\n"
				+ "003" + tag + "2,Grace,Hopper,001" + tag + "A\n"
				+ "003" + tag + "3,Nobody,Known,001" + tag + "Z\n";
		ImportJob contactJob = run(actor, "contacts", contacts,
				Map.of("Id", "externalId", "FirstName", "firstName", "LastName", "lastName", "AccountId", "account"),
				DuplicateMode.UPDATE, MatchBy.EXTERNAL_ID);
		assertThat(contactJob.createdRows()).isEqualTo(2);
		assertThat(contactJob.rejectedRows()).isEqualTo(1);
		assertThat(imports.rejected(actor, contactJob.id(), 10).get(0).reasons()).contains("001" + tag + "Z");
		assertThat(jdbc.queryForMap("select a.external_id account, a.billing_city city from contact c join account a "
				+ "on a.id = c.account_id where c.external_id = ?", "003" + tag + "1"))
			.containsEntry("account", "001" + tag + "B").containsEntry("city", "Berlin");
		assertThat(jdbc.queryForObject("select a.external_id from contact c join account a on a.id = c.account_id "
				+ "where c.external_id = ?", String.class, "003" + tag + "2")).isEqualTo("001" + tag + "A");

		String opportunities = "Id,Name,AccountId,StageName,Amount,CloseDate,Probability\n"
				+ "006" + tag + "1,Renewal,001" + tag + "A,Proposal,1200.50,2026-09-30,60\n";
		ImportJob opportunityJob = run(actor, "opportunities", opportunities,
				Map.of("Id", "externalId", "Name", "name", "AccountId", "account", "StageName", "stage", "Amount",
						"amount", "CloseDate", "closeDate", "Probability", "probability"),
				DuplicateMode.UPDATE, MatchBy.EXTERNAL_ID);
		assertThat(opportunityJob.createdRows()).isEqualTo(1);
		Map<String, Object> deal = jdbc.queryForMap("select a.external_id account, s.name stage, o.amount, "
				+ "o.close_date, o.probability from opportunity o join account a on a.id = o.account_id join "
				+ "pipeline_stage s on s.id = o.stage_id where o.external_id = ?", "006" + tag + "1");
		assertThat(deal).containsEntry("account", "001" + tag + "A").containsEntry("stage", "Proposal")
			.containsEntry("close_date", Date.valueOf("2026-09-30")).containsEntry("probability", 60);
		assertThat((BigDecimal) deal.get("amount")).isEqualByComparingTo("1200.50");

		ImportJob again = run(actor, "accounts", accounts,
				Map.of("Id", "externalId", "Name", "name", "BillingCity", "city", "Phone", "phone"),
				DuplicateMode.UPDATE, MatchBy.EXTERNAL_ID);
		assertThat(again.unchangedRows()).isEqualTo(2);
		assertThat(again.createdRows() + again.updatedRows()).isZero();
	}

	@Test
	void anAccountCellIsTriedAsAnIdThenAnExternalIdThenANameAndAnAmbiguousNameIsRefused() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String name = TestData.unique("Twin");
		String external = TestData.unique("EXT");
		run(actor, "accounts", "External ID,Name\n" + external + "," + name + "\n,"
				+ name + "\n", Map.of("External ID", "externalId", "Name", "name"), DuplicateMode.CREATE,
				MatchBy.EXTERNAL_ID);
		List<String> ids = jdbc.queryForList("select id from account where name = ? order by external_id nulls last",
				String.class, name);
		String unique = TestData.unique("Single");
		run(actor, "accounts", "Name\n" + unique + "\n", Map.of("Name", "name"), DuplicateMode.CREATE,
				MatchBy.NAME);

		String tag = TestData.unique("p");
		ImportJob job = run(actor, "contacts", "Last Name,Account\n"
				+ tag + "-byId," + ids.get(1) + "\n"
				+ tag + "-byExternal," + external + "\n"
				+ tag + "-byName," + unique + "\n"
				+ tag + "-ambiguous," + name + "\n",
				Map.of("Last Name", "lastName", "Account", "account"), DuplicateMode.CREATE, MatchBy.EXTERNAL_ID);

		assertThat(job.createdRows()).isEqualTo(3);
		assertThat(accountOf(tag + "-byId")).isEqualTo(ids.get(1));
		assertThat(accountOf(tag + "-byExternal")).isEqualTo(ids.get(0));
		assertThat(imports.rejected(actor, job.id(), 10).get(0).reasons()).contains("several accounts");
	}

	@Test
	void anOwnerIsFoundByLoginEmailOrDisplayNameAndASharedDisplayNameIsRefused() {
		TeamId team = data.team();
		Actor manager = data.actor(data.user(team, Role.MANAGER));
		String tag = TestData.unique("own").toLowerCase(Locale.ROOT);
		User mailed = users.createUser(new UserAdministration.NewUser(tag + "-a", "Ada " + tag, tag + "@example.com",
				"a-long-password", Set.of(Role.SALES), team, Locale.ENGLISH,
				ZoneId.of("UTC")));
		for (String login : List.of(tag + "-b", tag + "-c")) {
			users.createUser(new UserAdministration.NewUser(login, "Twin " + tag, null, "a-long-password",
					Set.of(Role.SALES), team, Locale.ENGLISH, ZoneId.of("UTC")));
		}

		ImportJob job = run(manager, "leads", "Last Name,Owner\n"
				+ tag + "-1," + tag.toUpperCase(Locale.ROOT) + "-A\n"
				+ tag + "-2," + tag + "@EXAMPLE.com\n"
				+ tag + "-3,ada " + tag + "\n"
				+ tag + "-4,Twin " + tag + "\n",
				Map.of("Last Name", "lastName", "Owner", "owner"), DuplicateMode.CREATE, MatchBy.EXTERNAL_ID);

		assertThat(job.createdRows()).isEqualTo(3);
		assertThat(jdbc.queryForList("select distinct owner_id from lead where last_name like ?", Object.class,
				tag + "-%")).containsExactly(mailed.getId());
		assertThat(imports.rejected(manager, job.id(), 10).get(0).reasons()).contains("several active users");
	}

	@Test
	void anOwnerOfTheOldSystemThatNoUserHereIsLeavesTheRecordToWhoImportsItWithANotice() {
		User importer = data.user(data.team(), Role.SALES);
		Actor actor = data.actor(importer);
		String tag = TestData.unique("sfo");
		ImportJob job = run(actor, "accounts", "Id,Name,OwnerId\n001" + tag + ",Nordwind " + tag
				+ ",0055g00000Kd1XyAAJ\n", Map.of("Id", "externalId", "Name", "name", "OwnerId", "owner"),
				DuplicateMode.UPDATE, MatchBy.EXTERNAL_ID);

		assertThat(job.createdRows()).isEqualTo(1);
		assertThat(job.rejectedRows()).isZero();
		assertThat(jdbc.queryForObject("select owner_id from account where external_id = ?", Object.class,
				"001" + tag)).isEqualTo(importer.getId());
		assertThat(imports.notices(actor, job.id(), 10)).singleElement()
			.satisfies(row -> assertThat(row.notices()).contains("0055g00000Kd1XyAAJ").contains("the record is yours"));
	}

	private String accountOf(String lastName) {
		return jdbc.queryForObject("select account_id from contact where last_name = ?", String.class, lastName);
	}

	/** Imports the file with its columns mapped by header as given, and answers the finished job. */
	private ImportJob run(Actor actor, String entity, String csv, Map<String, String> byHeader, DuplicateMode mode,
			MatchBy matchBy) {
		ImportJob job = imports.upload(actor, entity, "test.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		Map<Integer, String> mapping = new LinkedHashMap<>();
		for (int column = 0; column < job.headers().size(); column++) {
			String field = byHeader.get(job.headers().get(column));
			if (field != null) {
				mapping.put(column, field);
			}
		}
		imports.configure(actor, job.id(), mapping, mode, matchBy, null);
		imports.start(actor, job.id());
		ImportJob done = ImportRuns.awaitFinished(imports, actor, job.id());
		assertThat(done.status()).isEqualTo(Status.DONE);
		return done;
	}
}
