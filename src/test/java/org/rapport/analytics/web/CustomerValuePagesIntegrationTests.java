package org.rapport.analytics.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTestOnOwnData;
import org.rapport.TestData;
import org.rapport.analytics.internal.AnalyticsJobs;
import org.rapport.analytics.internal.ChurnHistories;
import org.rapport.analytics.internal.ClvSettingsStore;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderDetails;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The customer-value page runs the model and shows its fit to analysts and administrators, lets administrators alone
 * change its settings (a refused value shown at its field), and each account's value shows on its page to whoever
 * sees the account.
 */
@RapportTestOnOwnData
@Import({ CommerceFixtures.class, ChurnHistories.class })
class CustomerValuePagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	OrderBook orders;

	@Autowired
	AnalyticsJobs jobs;

	@Autowired
	ClvSettingsStore settings;

	@Test
	void anAnalystRunsTheModelAndEveryoneWhoSeesAnAccountSeesItsValue() throws Exception {
		var team = data.team();
		User seller = data.user(team, Role.SALES);
		User analyst = data.user(team, Role.ANALYST);
		Actor selling = data.actor(seller);
		Product product = fixtures.product("25", "EUR");
		LocalDate today = LocalDate.now();
		AccountId regular = null;
		for (int a = 0; a < 12; a++) {
			AccountId account = fixtures.account(selling, "Value page");
			for (int month = 1; month <= 2 + a % 4; month++) {
				order(selling, account, today.minusDays(month * (20 + a * 7L)), product);
			}
			regular = regular == null ? account : regular;
		}
		mvc.perform(get("/analytics/value").with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"value-run\"")))
			.andExpect(content().string(containsString("Administrators change these settings.")));
		mvc.perform(post("/analytics/value/run").with(data.as(analyst)).with(csrf()))
			.andExpect(redirectedUrl("/analytics/value"));
		mvc.perform(get("/analytics/value").with(data.as(analyst)))
			.andExpect(content().string(containsString("id=\"value-pending\"")))
			.andExpect(content().string(containsString("hx-get=\"/analytics/runs/CUSTOMER_VALUE/progress\"")));
		mvc.perform(get("/analytics/runs/CUSTOMER_VALUE/progress").with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-trigger=\"every 5s\"")));
		jobs.sweep();
		// the progress stops asking and links to the results
		mvc.perform(get("/analytics/runs/CUSTOMER_VALUE/progress").with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The run is over.")))
			.andExpect(content().string(containsString("hx-trigger=\"none\"")))
			.andExpect(content().string(containsString("href=\"/analytics/value\"")));
		mvc.perform(get("/analytics/runs/CUSTOMER_VALUE/progress").with(data.as(seller)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/analytics/runs/NO_SUCH/progress").with(data.as(analyst)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/analytics/value").with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"value-parameters\"")))
			.andExpect(content().string(not(containsString("id=\"value-pending\""))));

		mvc.perform(get("/analytics/accounts/{id}/value", regular.value()).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"value-predicted\"")))
			.andExpect(content().string(containsString("id=\"value-historic\"")));
		User stranger = data.user(data.team(), Role.SALES);
		mvc.perform(get("/analytics/accounts/{id}/value", regular.value()).with(data.as(stranger)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/analytics/value").with(data.as(seller))).andExpect(status().isForbidden());

		// the same through the API
		String sellerToken = data.bearer(seller);
		mvc.perform(get("/api/v1/analytics/accounts/{id}/value", regular.value()).header("Authorization", sellerToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.purchases").isNumber())
			.andExpect(jsonPath("$.predictedValue").isNumber())
			.andExpect(jsonPath("$.currency").value("EUR"));
		mvc.perform(get("/api/v1/analytics/accounts/{id}/value", regular.value())
			.header("Authorization", data.bearer(stranger))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/analytics/customer-value/runs").header("Authorization", sellerToken))
			.andExpect(status().isForbidden());
		String analystToken = data.bearer(analyst);
		mvc.perform(get("/api/v1/analytics/customer-value/runs").header("Authorization", analystToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("DONE"))
			.andExpect(jsonPath("$[0].figures", containsString("bgnbd")));
		mvc.perform(post("/api/v1/analytics/customer-value/runs").header("Authorization", analystToken))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("QUEUED"));
		jobs.sweep();
	}

	@Test
	void theListOfValuedAccountsShowsAnAnalystOnlyTheirTeamsAccountsAndFollowsAHandOver() throws Exception {
		var east = data.team();
		var west = data.team();
		User eastSeller = data.user(east, Role.SALES);
		User westSeller = data.user(west, Role.SALES);
		User eastAnalyst = data.user(east, Role.ANALYST);
		Product product = fixtures.product("40", "EUR");
		LocalDate today = LocalDate.now();
		AccountId eastAccount = fixtures.account(data.actor(eastSeller), "East valued");
		AccountId westAccount = fixtures.account(data.actor(westSeller), "West valued");
		for (int n = 1; n <= 3; n++) {
			order(data.actor(eastSeller), eastAccount, today.minusDays(n * 30L), product);
			order(data.actor(westSeller), westAccount, today.minusDays(n * 25L), product);
		}
		mvc.perform(post("/analytics/value/run").with(data.as(eastAnalyst)).with(csrf()));
		jobs.sweep();

		String analystToken = data.bearer(eastAnalyst);
		mvc.perform(get("/api/v1/analytics/customer-value/accounts").param("size", "200")
			.header("Authorization", analystToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].accountId").value(org.hamcrest.Matchers.contains(eastAccount.value().toString())))
			.andExpect(jsonPath("$.items[0].predictedValue").isNumber())
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/analytics/value/accounts").with(data.as(eastAnalyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(eastAccount.value().toString())))
			.andExpect(content().string(not(containsString(westAccount.value().toString()))));
		String csv = mvc.perform(get("/analytics/value/accounts/export").with(data.as(eastAnalyst)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		org.assertj.core.api.Assertions.assertThat(csv).contains(eastAccount.value().toString())
			.doesNotContain(westAccount.value().toString());
		mvc.perform(get("/api/v1/analytics/customer-value/accounts").header("Authorization", data.bearer(eastSeller)))
			.andExpect(status().isForbidden());

		// an administrator gives the west account to the east seller: the east analyst sees its value from then on
		String admin = data.bearer(data.user(null, Role.ADMIN));
		String etag = mvc.perform(get("/api/v1/accounts/{id}", westAccount.value()).header("Authorization", admin))
			.andReturn().getResponse().getHeader("ETag");
		String name = customersNames(westAccount);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/accounts/{id}", westAccount.value())
			.header("Authorization", admin)
			.header("If-Match", etag)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"ownerId\": \"" + eastSeller.getId() + "\"}"))
			.andExpect(status().isOk());
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> mvc
			.perform(get("/api/v1/analytics/customer-value/accounts").param("size", "200")
				.header("Authorization", analystToken))
			.andExpect(jsonPath("$.total").value(2)));
	}

	@Autowired
	org.rapport.customers.Customers customers;

	private String customersNames(AccountId account) {
		return customers.accountNames(List.of(account)).get(account);
	}

	@Test
	void onlyAnAdministratorChangesTheSettingsAndARefusedValueShowsAtItsField() throws Exception {
		User admin = data.user(data.team(), Role.ADMIN);
		User analyst = data.user(data.team(), Role.ANALYST);
		long version = settings.current().version();
		mvc.perform(post("/analytics/value/settings").with(data.as(admin)).with(csrf())
			.param("discountPercent", "12.5")
			.param("periodUnit", "week")
			.param("horizon", "0")
			.param("holdout", "26")
			.param("version", String.valueOf(version)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("value=\"12.5\"")))
			.andExpect(content().string(containsString("The horizon is 1 to 520 periods")));
		mvc.perform(post("/analytics/value/settings").with(data.as(analyst)).with(csrf())
			.param("discountPercent", "12.5")
			.param("periodUnit", "week")
			.param("horizon", "52")
			.param("holdout", "26")
			.param("version", String.valueOf(version)))
			.andExpect(status().isForbidden());
		try {
			mvc.perform(post("/analytics/value/settings").with(data.as(admin)).with(csrf())
				.param("discountPercent", "12.5")
				.param("periodUnit", "week")
				.param("horizon", "52")
				.param("holdout", "26")
				.param("version", String.valueOf(version)))
				.andExpect(redirectedUrl("/analytics/value"));
			org.assertj.core.api.Assertions.assertThat(settings.current().discountRate())
				.isEqualByComparingTo(new BigDecimal("0.125"));
			// a second save of the version read before is refused, not applied over the first
			mvc.perform(post("/analytics/value/settings").with(data.as(admin)).with(csrf())
				.param("discountPercent", "20")
				.param("periodUnit", "week")
				.param("horizon", "52")
				.param("holdout", "26")
				.param("version", String.valueOf(version)))
				.andExpect(status().isUnprocessableContent());
		}
		finally {
			var now = settings.current();
			settings.change(new org.rapport.analytics.internal.ClvSettings(new BigDecimal("0.1"), now.unit(), 52, 26,
					now.version()));
		}
	}

	private void order(Actor seller, AccountId account, LocalDate day, Product product) {
		SalesOrder order = orders.create(seller, new OrderDetails(account.value(), day, null, null,
				List.of(new OrderDetails.LineDetails(product.getId(), BigDecimal.ONE, null))));
		orders.confirm(seller, order.getId(), order.getVersion());
	}
}
