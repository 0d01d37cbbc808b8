package org.rapport.sales.opportunities.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.sales.StageKind;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.Products;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.sales.opportunities.internal.OpportunityDraft;
import org.rapport.sales.opportunities.internal.OpportunityService;
import org.rapport.sales.opportunities.internal.Pipeline;
import org.rapport.sales.opportunities.internal.PipelineService;
import org.rapport.sales.opportunities.internal.Stage;
import org.rapport.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

@RapportTest
class OpportunityPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	Customers customers;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	PipelineService pipelines;

	@Autowired
	Products products;

	@Autowired
	JdbcTemplate jdbc;

	TeamId team;
	User seller;
	AccountId account;
	Pipeline pipeline;

	@BeforeEach
	void setUp() {
		team = data.team();
		seller = data.user(team, Role.SALES);
		account = customers.openAccount(data.actor(seller),
				new NewAccount(TestData.unique("Buyer"), AccountType.COMPANY, null, null, null, null, null));
		pipeline = pipelines.defaultPipeline();
	}

	@Test
	void anOpportunityIsCreatedThroughTheFormWithProductLines() throws Exception {
		Product product = products.save(new Product(TestData.unique("SKU"), "Seat", null, Money.of("50", "EUR"), null,
				true, seller.userId(), null));
		String name = TestData.unique("Form deal");
		String location = mvc.perform(post("/opportunities").with(csrf()).with(data.as(seller))
			.param("accountId", account.value().toString())
			.param("name", name)
			.param("amount", "0")
			.param("currency", "EUR")
			.param("closeDate", "2027-06-30")
			.param("lines[0].productId", product.getId().toString())
			.param("lines[0].quantity", "4")
			.param("lines[1].productId", ""))
			.andExpect(redirectedUrlPattern("/opportunities/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("€200.00")))
			.andExpect(content().string(containsString("Seat (")))
			.andExpect(content().string(containsString(pipeline.firstOpenStage().getName())));
	}

	@Test
	void aFormWithoutNameOrAccountShowsTheFieldErrors() throws Exception {
		mvc.perform(post("/opportunities").with(csrf()).with(data.as(seller)).param("amount", "-5").param("currency", "E"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "name", "accountId", "amount", "currency", "closeDate"));
	}

	@Test
	void aBoardColumnPagePastAnyOffsetAnswersNoCardsRatherThanAnError() throws Exception {
		Opportunity deal = deal("Far page deal");

		mvc.perform(get("/opportunities/board/column").param("stage", deal.getStageId().toString())
			.param("page", String.valueOf(Integer.MAX_VALUE))
			.with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Far page deal"))));
	}

	@Test
	void theBoardShowsAColumnPerStageAndDroppingACardMovesIt() throws Exception {
		Opportunity deal = deal("Board deal");
		Stage proposal = pipeline.getStages().get(3);
		Stage lost = pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.LOST).findFirst().orElseThrow();

		mvc.perform(get("/opportunities/board").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(proposal.getName())));
		mvc.perform(get("/opportunities/board/column").param("stage", deal.getStageId().toString()).with(data.as(seller)))
			.andExpect(content().string(containsString("Board deal")));

		mvc.perform(post("/opportunities/board/" + deal.getId() + "/move").with(csrf()).with(data.as(seller))
			.param("stageId", proposal.getId().toString()).param("version", String.valueOf(deal.getVersion())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.columns['" + proposal.getId() + "'].count").isNumber());
		mvc.perform(post("/opportunities/board/" + deal.getId() + "/move").with(csrf()).with(data.as(seller))
			.param("stageId", lost.getId().toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("lostReason"));
		mvc.perform(post("/opportunities/board/" + deal.getId() + "/move").with(csrf()).with(data.as(seller))
			.param("stageId", lost.getId().toString()).param("version", "0"))
			.andExpect(status().isConflict());
		assertThat(opportunities.get(data.actor(seller), deal.getId()).getStageId()).isEqualTo(proposal.getId());
	}

	@Test
	void anotherTeamCannotMoveACardItDoesNotSee() throws Exception {
		Opportunity deal = deal("Private deal");
		User stranger = data.user(data.team(), Role.SALES);
		mvc.perform(post("/opportunities/board/" + deal.getId() + "/move").with(csrf()).with(data.as(stranger))
			.param("stageId", pipeline.getStages().get(1).getId().toString()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/opportunities/board/column").param("stage", deal.getStageId().toString()).with(data.as(stranger)))
			.andExpect(content().string(not(containsString("Private deal"))));
	}

	@Test
	void theForecastShowsOpenWeightedAndWonAmountsBesideTheQuota() throws Exception {
		// a deal won ahead of its close date closes, and counts, in the month it is won
		YearMonth month = YearMonth.now(java.time.ZoneOffset.UTC);
		User manager = data.user(team, Role.MANAGER, Role.SALES);
		opportunities.create(data.actor(seller), draft("Forecast open", "1000", month.plusMonths(2).atDay(10), null));
		Stage won = pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.WON).findFirst().orElseThrow();
		opportunities.create(data.actor(seller), draft("Forecast won", "300", month.plusMonths(2).atDay(12), won));
		mvc.perform(post("/forecast/quotas").with(csrf()).with(data.as(seller)).param("user", seller.getId().toString())
			.param("month", month.toString()).param("amount", "600").param("currency", "EUR"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/forecast/quotas").with(csrf()).with(data.as(manager)).param("user", seller.getId().toString())
			.param("month", month.toString()).param("amount", "600").param("currency", "EUR"))
			.andExpect(redirectedUrlPattern("/forecast*"));

		int probability = pipeline.firstOpenStage().getProbability();
		mvc.perform(get("/forecast").param("from", month.toString()).param("months", "3").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(seller.getDisplayName())))
			.andExpect(content().string(containsString("€1,000.00")))
			.andExpect(content().string(containsString("€" + probability * 10 + ".00")))
			.andExpect(content().string(containsString("€300.00")))
			.andExpect(content().string(containsString("€600.00")))
			.andExpect(content().string(containsString("50%")));
	}

	@Test
	void theQuotaFormPreselectsNoSellerAndOffersTheManagersTeamOnly() throws Exception {
		User manager = data.user(team, Role.MANAGER);
		User otherAdministrator = data.user(data.team(), Role.ADMIN);
		String page = mvc.perform(get("/forecast").with(data.as(manager)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String select = page.substring(page.indexOf("<select class=\"form-select form-select-sm\" id=\"quota-user\""));
		select = select.substring(0, select.indexOf("</select>"));
		assertThat(select).contains("required")
			.containsPattern("^[^>]*>\\s*<option value=\"\" selected>Choose a seller</option>")
			.contains(seller.getId().toString(), manager.getId().toString())
			.doesNotContain(otherAdministrator.getId().toString());

		mvc.perform(post("/forecast/quotas").with(csrf()).with(data.as(manager)).param("user", "")
			.param("month", YearMonth.now().toString()).param("amount", "600").param("currency", "EUR"))
			.andExpect(redirectedUrlPattern("/forecast*"))
			.andExpect(flash().attribute("failure", "validation.seller.required"));
	}

	@Test
	void aManagerSetsNoQuotaForASellerWhoseRecordsTheyDoNotSee() throws Exception {
		User manager = data.user(team, Role.MANAGER);
		User elsewhere = data.user(data.team(), Role.SALES);

		mvc.perform(post("/forecast/quotas").with(csrf()).with(data.as(manager)).param("user", elsewhere.getId()
			.toString()).param("month", YearMonth.now().toString()).param("amount", "600").param("currency", "EUR"))
			.andExpect(redirectedUrlPattern("/forecast*"))
			.andExpect(flash().attribute("failure", "validation.seller.otherTeam"));
		mvc.perform(post("/forecast/quotas").with(csrf()).with(data.as(manager)).param("user", seller.getId()
			.toString()).param("month", YearMonth.now().toString()).param("amount", "600").param("currency", "EUR"))
			.andExpect(flash().attribute("success", "flash.quota.saved"));
	}

	@Test
	void aMonthThatIsNoMonthIsRefusedWithAMessageInTheUsersLanguageAndSetsNoQuota() throws Exception {
		User manager = data.user(team, Role.MANAGER);
		mvc.perform(post("/forecast/quotas").with(csrf()).with(data.as(manager))
			.param("user", seller.getId().toString())
			.param("month", "2026-13").param("amount", "600").param("currency", "EUR"))
			.andExpect(redirectedUrl("/forecast"))
			.andExpect(flash().attribute("failure", "validation.month"));
		assertThat(jdbc.queryForObject("select count(*) from sales_quota where user_id = ?", Integer.class,
				seller.getId())).isZero();

		mvc.perform(get("/forecast").param("from", "next spring").with(data.as(manager)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("from", YearMonth.now()))
			.andExpect(content().string(containsString("Give the month as year and month, such as 2026-12.")));
		mvc.perform(get("/forecast").param("from", "next spring").with(data.as(manager))
			.sessionAttr(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请以年和月填写月份，例如 2026-12。")));
	}

	@Test
	void theCsvExportHoldsTheFilteredOpportunitiesTheUserMaySee() throws Exception {
		String tag = TestData.unique("Export deal");
		deal(tag + " one");
		deal(tag + " two");
		User stranger = data.user(data.team(), Role.SALES);
		String csv = mvc.perform(get("/opportunities/export.csv").param("q", tag).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines()).hasSize(3);
		assertThat(csv).contains(tag + " one").contains(tag + " two").contains("700.0");
		String hidden = mvc.perform(get("/opportunities/export.csv").param("q", tag).with(data.as(stranger)))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(hidden.lines()).hasSize(1);
	}

	@Test
	void thePipelinePageIsForAdministrators() throws Exception {
		mvc.perform(get("/admin/pipelines").with(data.as(seller))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/pipelines").with(data.as(data.user(null, Role.ADMIN))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(pipeline.getName())));
	}

	@Test
	void theAccountPageShowsItsOpportunitiesAndOpenPipeline() throws Exception {
		deal("Panel deal");
		mvc.perform(get("/sales/accounts/" + account.value() + "/opportunities").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Panel deal")))
			.andExpect(content().string(containsString("€700.00")));
		mvc.perform(get("/accounts/" + account.value()).with(data.as(seller)))
			.andExpect(content().string(containsString("/sales/accounts/" + account.value() + "/opportunities")));
	}

	private Opportunity deal(String name) {
		return opportunities.create(data.actor(seller), draft(name, "700", LocalDate.now().plusMonths(1), null));
	}

	private OpportunityDraft draft(String name, String amount, LocalDate close, Stage stage) {
		return new OpportunityDraft(account.value(), name, null, stage == null ? null : stage.getId(),
				new Money(new BigDecimal(amount), "EUR"), close, null, null, null, null, null, List.of());
	}
}
