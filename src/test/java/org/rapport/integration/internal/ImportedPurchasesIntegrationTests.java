package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.MatchBy;
import org.rapport.integration.internal.ImportJob.Status;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.sales.catalogue.internal.ProductDetails;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.sales.opportunities.internal.OpportunityDraft;
import org.rapport.sales.opportunities.internal.OpportunityService;
import org.rapport.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Purchases that an import writes count as those made in the pages: an imported confirmed order moves its account's
 * lifecycle stage, and an opportunity with lines that an import moves to a won stage gets its confirmed order.
 */
@RapportTest
class ImportedPurchasesIntegrationTests {

	@Autowired
	Imports imports;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	ProductCatalogue catalogue;

	@Test
	void anImportedConfirmedOrderMakesItsProspectANewCustomer() {
		Actor actor = data.actor(data.user(data.team(), Role.MANAGER));
		String account = TestData.unique("Imported Buyer");
		importFile(actor, "accounts", "Account Name\n" + account + "\n", DuplicateMode.CREATE, MatchBy.NAME);
		Product product = product();
		UUID accountId = jdbc.queryForObject("select id from account where name = ?", UUID.class, account);
		assertThat(stage(accountId)).isEqualTo("PROSPECT");

		ImportJob job = importFile(actor, "orders", "Order ID,Account,Product,Quantity,Order Date,Status,"
				+ "Currency\n" + TestData.unique("PO") + "," + account + "," + product.getSku() + ",2,"
				+ LocalDate.now() + ",Confirmed,EUR\n", DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);

		assertThat(job.createdRows()).isEqualTo(1);
		assertThat(ImportRuns.eventually(() -> stage(accountId), "NEW")).isEqualTo("NEW");
	}

	@Test
	void theAccountsOfABatchFollowTheirOwnPurchases() {
		Actor actor = data.actor(data.user(data.team(), Role.MANAGER));
		String once = TestData.unique("Bought once");
		String twice = TestData.unique("Bought twice");
		String drafted = TestData.unique("Only a draft");
		importFile(actor, "accounts", "Account Name\n" + once + "\n" + twice + "\n" + drafted + "\n",
				DuplicateMode.CREATE, MatchBy.NAME);
		Product product = product();
		String day = LocalDate.now().toString();
		String header = "Order ID,Account,Product,Quantity,Order Date,Status,Currency\n";
		OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);

		importFile(actor, "orders", header
				+ TestData.unique("PO") + "," + once + "," + product.getSku() + ",1," + day + ",Confirmed,EUR\n"
				+ TestData.unique("PO") + "," + twice + "," + product.getSku() + ",1," + day + ",Confirmed,EUR\n"
				+ TestData.unique("PO") + "," + twice + "," + product.getSku() + ",2," + day + ",Confirmed,EUR\n"
				+ TestData.unique("PO") + "," + drafted + "," + product.getSku() + ",1," + day + ",Draft,EUR\n",
				DuplicateMode.SKIP, MatchBy.EXTERNAL_ID);

		assertThat(ImportRuns.eventually(() -> jdbc.queryForObject("select count(*) from event_publication "
				+ "where completion_date is null and publication_date >= ?", Integer.class, started), 0)).isZero();
		assertThat(stage(accountNamed(once))).isEqualTo("NEW");
		assertThat(stage(accountNamed(twice))).isEqualTo("EXISTING");
		assertThat(stage(accountNamed(drafted))).isEqualTo("PROSPECT");
	}

	private UUID accountNamed(String name) {
		return jdbc.queryForObject("select id from account where name = ?", UUID.class, name);
	}

	@Test
	void anOpportunityWithLinesThatAnImportWinsGetsItsConfirmedOrder() {
		Actor actor = data.actor(data.user(data.team(), Role.MANAGER));
		String account = TestData.unique("Winning Buyer");
		importFile(actor, "accounts", "Account Name\n" + account + "\n", DuplicateMode.CREATE, MatchBy.NAME);
		UUID accountId = jdbc.queryForObject("select id from account where name = ?", UUID.class, account);
		Product product = product();
		String name = TestData.unique("Imported win");
		Opportunity open = opportunities.create(actor, new OpportunityDraft(accountId, name, null, null,
				Money.of("300", "EUR"), LocalDate.now().plusMonths(1), null, null, null, null, null,
				List.of(new Opportunity.LineRequest(product.getId(), new BigDecimal("3"), new BigDecimal("100"),
						BigDecimal.ZERO))));
		String won = jdbc.queryForObject("select s.name from pipeline_stage s join opportunity o on "
				+ "o.pipeline_id = s.pipeline_id where o.id = ? and s.kind = 'WON' order by s.position limit 1",
				String.class, open.getId());

		OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
		ImportJob job = importFile(actor, "opportunities", "Name,Account,Stage,Amount,Currency,Close Date\n"
				+ name + "," + account + "," + won + ",300,EUR," + LocalDate.now() + "\n", DuplicateMode.UPDATE,
				MatchBy.NAME);

		assertThat(job.updatedRows()).isEqualTo(1);
		assertThat(ImportRuns.eventually(() -> jdbc.queryForObject("select count(*) from sales_order "
				+ "where opportunity_id = ? and status = 'CONFIRMED'", Integer.class, open.getId()), 1)).isEqualTo(1);
		// once every listener has run, the order placed for the won opportunity too: one deal, a first purchase
		assertThat(ImportRuns.eventually(() -> jdbc.queryForObject("select count(*) from event_publication "
				+ "where completion_date is null and publication_date >= ?", Integer.class, started), 0)).isZero();
		assertThat(stage(accountId)).isEqualTo("NEW");
	}

	private Product product() {
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		return catalogue.create(admin, new ProductDetails(TestData.unique("SKU"), TestData.unique("Product"), null,
				Money.of("100", "EUR"), "Test", true));
	}

	private String stage(UUID account) {
		return jdbc.queryForObject("select lifecycle_stage from account where id = ?", String.class, account);
	}

	private ImportJob importFile(Actor actor, String entity, String content, DuplicateMode mode,
			MatchBy matchBy) {
		ImportJob job = ImportRuns.run(imports, actor, entity, content, mode, matchBy);
		assertThat(job.status()).isEqualTo(Status.DONE);
		return job;
	}
}
