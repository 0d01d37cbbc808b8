package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.ImportRow;
import org.rapport.integration.MatchBy;
import org.rapport.integration.internal.ImportJob.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@RapportTest
class ImportIntegrationTests {

	@Autowired
	Imports imports;

	@Autowired
	ImportRunner runner;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void noCrashes() {
		runner.afterBatch(null);
	}

	@Test
	void readsBomSemicolonsChineseHeadersAndQuotedLineBreaksAndRejectsBadRowsByTheirLine() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String company = TestData.unique("华东贸易");
		importFile(actor, "accounts", "客户名称;网站\n" + company + ";huadong.example.cn\n", DuplicateMode.SKIP,
				MatchBy.NAME);
		String email = TestData.unique("li") + "@example.cn";
		String file = "\uFEFF名;姓;邮箱;公司;地址\n" + "伟;张;" + email + ";" + company + ";\"上海市\n浦东新区; 世纪大道 100 号\"\n"
				+ "Anna;\"O\"\"Neil\";not-an-email;;\n" + ";;nobody@example.com;;\n" + "Ming;Li;;Unknown Co " + UUID.randomUUID()
				+ ";\n";
		ImportJob job = importFile(actor, "contacts", file, DuplicateMode.SKIP, MatchBy.EMAIL);

		assertThat(job.status()).isEqualTo(Status.DONE);
		assertThat(job.createdRows()).isEqualTo(1);
		assertThat(job.rejectedRows()).isEqualTo(3);
		Map<String, Object> zhang = jdbc.queryForMap(
				"select c.first_name, c.last_name, c.street, a.name from contact c join account a on a.id = c.account_id "
						+ "where c.email = ?", email);
		assertThat(zhang).containsEntry("first_name", "伟").containsEntry("last_name", "张")
			.containsEntry("street", "上海市\n浦东新区; 世纪大道 100 号").containsEntry("name", company);
		List<ImportJobs.RejectedRow> rejected = imports.rejected(actor, job.id(), 10);
		assertThat(rejected).extracting(ImportJobs.RejectedRow::line).containsExactly(3L, 4L, 5L);
		assertThat(rejected.get(0).reasons()).contains("E-mail");
		assertThat(rejected.get(0).cells()).contains("O\"Neil");
		assertThat(rejected.get(1).reasons()).contains("Last name");
		assertThat(rejected.get(2).reasons()).contains("Unknown Co");
	}

	@Test
	void duplicatesAreSkippedUpdatedOrCreatedAsChosen() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String email = TestData.unique("dup") + "@example.com";
		importFile(actor, "contacts", "Last Name,Title,Email\nOld,Buyer," + email + "\n", DuplicateMode.SKIP,
				MatchBy.EMAIL);

		ImportJob skipped = importFile(actor, "contacts",
				"Last Name,Email\nNew," + email.toUpperCase() + "\n", DuplicateMode.SKIP, MatchBy.EMAIL);
		assertThat(skipped.skippedRows()).isEqualTo(1);
		assertThat(lastNames(email)).containsExactly("Old");

		ImportJob updated = importFile(actor, "contacts", "Last Name,Email\nNew," + email + "\n",
				DuplicateMode.UPDATE, MatchBy.EMAIL);
		assertThat(updated.updatedRows()).isEqualTo(1);
		assertThat(lastNames(email)).containsExactly("New");
		assertThat(jdbc.queryForObject("select title from contact where email = ?", String.class, email))
			.as("an empty or unmapped cell leaves the value").isEqualTo("Buyer");

		ImportJob created = importFile(actor, "contacts", "Last Name,Email\nThird," + email + "\n",
				DuplicateMode.CREATE, MatchBy.EMAIL);
		assertThat(created.createdRows()).isEqualTo(1);
		assertThat(lastNames(email)).containsExactlyInAnyOrder("New", "Third");
	}

	@Test
	void contactsFindTheirAccountByExternalIdAndReimportsMatchByIt() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String accountId = TestData.unique("ACC");
		importFile(actor, "accounts", "External ID,Account Name,Industry\n" + accountId + ",Acme,\n",
				DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);
		String contactId = TestData.unique("CON");
		String file = "External ID,Last Name,Account External ID\n" + contactId + ",Meyer," + accountId + "\n";
		importFile(actor, "contacts", file, DuplicateMode.UPDATE, MatchBy.EXTERNAL_ID);
		ImportJob again = importFile(actor, "contacts", file.replace("Meyer", "Meier"), DuplicateMode.UPDATE,
				MatchBy.EXTERNAL_ID);

		assertThat(again.updatedRows()).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from contact c join account a on a.id = c.account_id "
				+ "where c.external_id = ? and a.external_id = ? and c.last_name = 'Meier'", Integer.class, contactId,
				accountId)).isEqualTo(1);
	}

	@Test
	void aRunStoppedByACrashResumesAfterTheLastCommittedBatchWithoutDuplicates() throws Exception {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String tag = TestData.unique("crash");
		StringBuilder file = new StringBuilder("Last Name,Email\n");
		for (int i = 0; i < 2500; i++) {
			file.append("Row").append(i).append(',').append(tag).append('-').append(i).append("@example.com\n");
		}
		CountDownLatch crashed = new CountDownLatch(1);
		runner.afterBatch(batch -> {
			if (batch == 2) {
				crashed.countDown();
				throw new SimulatedCrash();
			}
		});
		ImportJob job = upload(actor, "contacts", file.toString(), DuplicateMode.SKIP, MatchBy.EMAIL);
		imports.start(actor, job.id());
		assertThat(crashed.await(30, TimeUnit.SECONDS)).isTrue();
		Thread.sleep(200);
		runner.afterBatch(null);
		// the node's lease watch may already have seen the run's node go silent
		assertThat(imports.job(actor, job.id()).status()).as("a crash leaves no clean finish")
			.isIn(Status.RUNNING, Status.INTERRUPTED);

		runner.markInterrupted();
		ImportJob interrupted = imports.job(actor, job.id());
		assertThat(interrupted.status()).isEqualTo(Status.INTERRUPTED);
		assertThat(interrupted.processedRows()).isEqualTo(2000);
		assertThat(interrupted.lastLine()).isEqualTo(2001);
		assertThat(contactsTagged(tag)).isEqualTo(2000);

		imports.resume(actor, job.id());
		ImportJob done = awaitFinished(actor, job.id());
		assertThat(done.status()).isEqualTo(Status.DONE);
		assertThat(done.createdRows()).isEqualTo(2500);
		assertThat(contactsTagged(tag)).isEqualTo(2500);
		assertThat(jdbc.queryForObject("select count(distinct email) from contact where email like ?", Integer.class,
				tag + "-%")).isEqualTo(2500);
	}

	@Test
	void undoDeletesWhatTheLastImportCreatedAndRestoresWhatItUpdated() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String email = TestData.unique("undo") + "@example.com";
		String other = TestData.unique("undo-new") + "@example.com";
		importFile(actor, "leads", "Last Name,Company,Email\nBefore,Old Co," + email + "\n",
				DuplicateMode.SKIP, MatchBy.EMAIL);
		ImportJob job = importFile(actor, "leads",
				"Last Name,Company,Email\nAfter,,"  + email + "\nFresh,New Co," + other + "\n", DuplicateMode.UPDATE,
				MatchBy.EMAIL);
		assertThat(job.updatedRows()).isEqualTo(1);
		assertThat(job.createdRows()).isEqualTo(1);
		assertThat(imports.isUndoable(actor, job)).isTrue();

		ImportJob undone = imports.undo(actor, job.id());

		assertThat(undone.status()).isEqualTo(Status.UNDONE);
		assertThat(jdbc.queryForObject("select last_name from lead where email = ?", String.class, email))
			.isEqualTo("Before");
		assertThat(jdbc.queryForObject("select count(*) from lead where email = ?", Integer.class, other)).isZero();
		assertThat(imports.isUndoable(actor, undone)).isFalse();
	}

	@Test
	void anImportedLifecycleStageMovesTheAccountByTheLifecycleRuleAndUndoMovesItBack() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String name = TestData.unique("Stage Co");
		importFile(actor, "accounts", "Account Name\n" + name + "\n", DuplicateMode.SKIP, MatchBy.NAME);
		UUID account = jdbc.queryForObject("select id from account where name = ?", UUID.class, name);
		ImportJob moved = importFile(actor, "accounts", "Account Name,Lifecycle Stage\n" + name + ",Existing\n",
				DuplicateMode.UPDATE, MatchBy.NAME);
		assertThat(moved.updatedRows()).isEqualTo(1);
		assertThat(jdbc.queryForObject("select lifecycle_stage from account where id = ?", String.class, account))
			.isEqualTo("EXISTING");
		assertThat(jdbc.queryForList("select from_stage || '>' || to_stage || ':' || reason from lifecycle_history "
				+ "where account_id = ?", String.class, account)).containsExactly("PROSPECT>EXISTING:Set by an import");
		imports.undo(actor, moved.id());
		assertThat(jdbc.queryForObject("select lifecycle_stage from account where id = ?", String.class, account))
			.isEqualTo("PROSPECT");
		assertThat(jdbc.queryForObject("select count(*) from lifecycle_history where account_id = ? and to_stage = "
				+ "'PROSPECT'", Integer.class, account)).isEqualTo(1);
	}

	@Test
	void undoIsRefusedOnceARecordChanged() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String email = TestData.unique("changed") + "@example.com";
		ImportJob job = importFile(actor, "contacts", "Last Name,Email\nOne," + email + "\n",
				DuplicateMode.SKIP, MatchBy.EMAIL);
		jdbc.update("update contact set version = version + 1, last_name = 'Edited' where email = ?", email);

		assertThatThrownBy(() -> imports.undo(actor, job.id())).isInstanceOf(Imports.UndoRefused.class)
			.hasMessage("import.undo.changed");
		assertThat(lastNames(email)).containsExactly("Edited");
	}

	@Test
	void anImportNeverUpdatesRecordsTheImporterMayNotSee() {
		Actor owner = data.actor(data.user(data.team(), Role.SALES));
		Actor stranger = data.actor(data.user(data.team(), Role.SALES));
		String email = TestData.unique("hidden") + "@example.com";
		importFile(owner, "contacts", "Last Name,Email\nOriginal," + email + "\n", DuplicateMode.SKIP,
				MatchBy.EMAIL);

		ImportJob job = importFile(stranger, "contacts", "Last Name,Email\nOverwritten," + email + "\n",
				DuplicateMode.UPDATE, MatchBy.EMAIL);

		assertThat(job.updatedRows()).isZero();
		assertThat(job.createdRows()).isEqualTo(1);
		assertThat(lastNames(email)).containsExactlyInAnyOrder("Original", "Overwritten");
	}

	@Test
	void anExternalIdHeldByARecordTheImporterMayNotSeeIsRefusedAsIfThereWereNone() {
		TeamId team = data.team();
		Actor owner = data.actor(data.user(team, Role.SALES));
		Actor colleague = data.actor(data.user(team, Role.SALES));
		Actor stranger = data.actor(data.user(data.team(), Role.SALES));
		String externalId = TestData.unique("EXT");
		importFile(owner, "accounts", "External ID,Account Name\n" + externalId + ",Hidden Co\n",
				DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);

		ImportJob probe = importFile(stranger, "accounts",
				"External ID,Account Name\n" + externalId + ",Probe Co\n", DuplicateMode.CREATE, MatchBy.EXTERNAL_ID);
		ImportJob seen = importFile(colleague, "accounts",
				"External ID,Account Name\n" + externalId + ",Twin Co\n", DuplicateMode.CREATE, MatchBy.EXTERNAL_ID);

		assertThat(imports.rejected(stranger, probe.id(), 10)).singleElement()
			.extracting(ImportJobs.RejectedRow::reasons)
			.asString()
			.contains("no record with external ID " + externalId + " that you may see")
			.doesNotContain("another record");
		assertThat(imports.rejected(colleague, seen.id(), 10)).singleElement()
			.extracting(ImportJobs.RejectedRow::reasons)
			.asString()
			.contains("belongs to another record");
	}

	@Test
	void aSellerImportsRecordsForSomeoneOfTheirTeamButNotForAnotherTeam() {
		TeamId team = data.team();
		User seller = data.user(team, Role.SALES);
		User teammate = data.user(team, Role.SALES);
		User stranger = data.user(data.team(), Role.SALES);
		String tag = TestData.unique("Owned");
		ImportJob job = importFile(data.actor(seller), "accounts", "Account Name,Owner\n" + tag
				+ " Ours," + teammate.getUsername() + "\n" + tag + " Theirs," + stranger.getUsername() + "\n",
				DuplicateMode.CREATE, MatchBy.NAME);

		assertThat(job.createdRows()).isEqualTo(1);
		assertThat(jdbc.queryForObject("select team_id from account where name = ?", UUID.class, tag + " Ours"))
			.isEqualTo(team.value());
		assertThat(imports.rejected(data.actor(seller), job.id(), 10)).singleElement()
			.extracting(ImportJobs.RejectedRow::reasons)
			.asString()
			.contains("only to yourself or to a user of your team");
	}

	@Test
	void thePreviewShowsRowsAsTheyWillBeStoredWithTheirErrors() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		ImportJob job = upload(actor, "leads", "Last Name,Rating,Do\nWang,hot,x\n,lukewarm,y\n",
				DuplicateMode.SKIP, MatchBy.EMAIL);
		List<ImportRow> rows = imports.preview(actor, job.id());
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).values()).containsEntry("lastName", "Wang").containsEntry("rating", "HOT");
		assertThat(rows.get(0).isValid()).isTrue();
		assertThat(rows.get(1).errors()).containsOnlyKeys("lastName");
		assertThat(rows.get(1).notices()).containsOnlyKeys("rating");
	}

	@Test
	void aLatin1FileIsReadInItsEncodingAndOneThatTheChosenEncodingDoesNotReadIsRefusedNamingTheLine() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String name = TestData.unique("M\u00fcller");
		byte[] latin1 = ("Last Name\n" + name + "\n").getBytes(StandardCharsets.ISO_8859_1);
		ImportJob job = imports.upload(actor, "contacts", "latin1.csv", new ByteArrayInputStream(latin1));
		assertThat(job.encoding()).isEqualTo(FileEncoding.WINDOWS_1252);
		assertThat(imports.preview(actor, job.id()).get(0).values()).containsEntry("lastName", name);

		assertThatThrownBy(() -> imports.upload(actor, "contacts", "latin1.csv", new ByteArrayInputStream(latin1),
				FileEncoding.UTF_8, null))
			.isInstanceOf(org.rapport.shared.InvalidField.class)
			.hasFieldOrPropertyWithValue("messageKey", "import.error.encoding")
			.satisfies(refused -> assertThat(((org.rapport.shared.InvalidField) refused).getArguments())
				.containsExactly(2L, "UTF-8"));
	}

	@Test
	void importedRecordsCarryTheKeysThatDuplicateDetectionMatchesOn() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String company = TestData.unique("Keyed Trading Co., Ltd.");
		String email = TestData.unique("Keyed") + "@Example.com";
		importFile(actor, "accounts", "Name,Website\n\"" + company + "\",https://www.keyed.example.com/about\n",
				DuplicateMode.SKIP, MatchBy.NAME);
		importFile(actor, "contacts", "First name,Last name,E-mail\nKey,Holder," + email + "\n",
				DuplicateMode.SKIP, MatchBy.EMAIL);
		importFile(actor, "leads", "First name,Last name,Company,E-mail\nLea,Keyes,\"" + company + "\"," + email
				+ "\n", DuplicateMode.SKIP, MatchBy.EMAIL);
		assertThat(jdbc.queryForMap("select name_key, domain_key from account where name = ?", company))
			.containsEntry("name_key", org.rapport.customers.MatchKeys.companyName(company))
			.containsEntry("domain_key", "keyed.example.com");
		assertThat(jdbc.queryForObject("select email_key from contact where email = ?", String.class, email))
			.isEqualTo(email.toLowerCase(java.util.Locale.ROOT));
		assertThat(jdbc.queryForMap("select email_key, person_key, company_key from lead where email = ?", email))
			.containsEntry("email_key", email.toLowerCase(java.util.Locale.ROOT))
			.containsEntry("company_key", org.rapport.customers.MatchKeys.companyName(company))
			.containsEntry("person_key", org.rapport.customers.MatchKeys.person("Lea", "Keyes"));
	}

	private ImportJob importFile(Actor actor, String entity, String content, DuplicateMode mode,
			MatchBy matchBy) {
		return ImportRuns.run(imports, actor, entity, content, mode, matchBy);
	}

	private ImportJob upload(Actor actor, String entity, String content, DuplicateMode mode, MatchBy matchBy) {
		return ImportRuns.upload(imports, actor, entity, content, mode, matchBy);
	}

	private ImportJob awaitFinished(Actor actor, UUID id) {
		return ImportRuns.awaitFinished(imports, actor, id);
	}

	private List<String> lastNames(String email) {
		return jdbc.queryForList("select last_name from contact where lower(email) = lower(?)", String.class, email);
	}

	private int contactsTagged(String tag) {
		return jdbc.queryForObject("select count(*) from contact where email like ?", Integer.class, tag + "-%");
	}

	/** Stops a run the way the application going down would: no clean finish, no failure recorded. */
	static final class SimulatedCrash extends Error {
	}
}
