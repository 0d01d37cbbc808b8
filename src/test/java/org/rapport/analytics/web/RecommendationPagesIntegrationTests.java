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

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTestOnOwnData;
import org.rapport.TestData;
import org.rapport.analytics.internal.AnalyticsJobs;
import org.rapport.analytics.internal.ChurnHistories;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The recommendations' page runs them and shows their check to analysts and administrators; an account's page shows
 * its recommended products with the purchases behind them to whoever sees the account (404 to others), a product's
 * page the products bought with it, and the API answers the same.
 */
@RapportTestOnOwnData
@Import({ CommerceFixtures.class, ChurnHistories.class })
class RecommendationPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	AnalyticsJobs jobs;

	@Test
	void anAnalystRunsThemAndWhoeverSeesTheAccountSeesItsRecommendations() throws Exception {
		var team = data.team();
		User seller = data.user(team, Role.SALES);
		User analyst = data.user(team, Role.ANALYST);
		User stranger = data.user(data.team(), Role.SALES);
		Actor selling = data.actor(seller);
		Product a = fixtures.product("10", "EUR");
		Product b = fixtures.product("20", "EUR");
		Product c = fixtures.product("30", "EUR");
		LocalDate today = LocalDate.now();
		for (int i = 0; i < 3; i++) {
			AccountId both = fixtures.account(selling, "A then B");
			fixtures.confirmedOrder(selling, both, today.minusDays(50), a);
			fixtures.confirmedOrder(selling, both, today.minusDays(20), b);
			fixtures.confirmedOrder(selling, fixtures.account(selling, "B and C"), today.minusDays(40), b, c);
		}
		AccountId boughtA = fixtures.account(selling, "Bought A");
		fixtures.confirmedOrder(selling, boughtA, today.minusDays(5), a);

		mvc.perform(get("/analytics/recommendations").with(data.as(seller))).andExpect(status().isForbidden());
		mvc.perform(post("/analytics/recommendations/run").with(data.as(seller)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/analytics/recommendations/run").with(data.as(analyst)).with(csrf()))
			.andExpect(redirectedUrl("/analytics/recommendations"));
		mvc.perform(get("/analytics/recommendations").with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"recommendations-pending\"")))
			.andExpect(content().string(containsString("hx-get=\"/analytics/runs/RECOMMENDATIONS/progress\"")));
		jobs.sweep();
		mvc.perform(get("/analytics/runs/RECOMMENDATIONS/progress").with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The run is over.")))
			.andExpect(content().string(containsString("href=\"/analytics/recommendations\"")));
		mvc.perform(get("/analytics/recommendations").with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"recommendations-pending\""))))
			.andExpect(content().string(containsString("id=\"recommendations-quality\"")))
			.andExpect(content().string(containsString("id=\"recommendations-model-precision\"")))
			.andExpect(content().string(containsString("id=\"recommendations-popular-recall\"")))
			.andExpect(content().string(containsString("id=\"recommendations-runs\"")));

		// the account's page: B, because it bought A, linked to B's page
		mvc.perform(get("/analytics/accounts/{id}/recommendations", boughtA.value()).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"recommendations-list\"")))
			.andExpect(content().string(containsString("href=\"/products/" + b.getId() + "\"")))
			.andExpect(content().string(containsString("Because they bought " + a.getName())))
			.andExpect(content().string(not(containsString("href=\"/products/" + a.getId() + "\""))));
		mvc.perform(get("/analytics/accounts/{id}/recommendations", boughtA.value()).with(data.as(stranger)))
			.andExpect(status().isNotFound());
		AccountId newcomer = fixtures.account(selling, "Nothing bought");
		mvc.perform(get("/analytics/accounts/{id}/recommendations", newcomer.value()).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No recommendation yet")));

		// the product's page carries the panel, which lists B beside A
		mvc.perform(get("/products/{id}", a.getId()).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-get=\"/analytics/products/" + a.getId()
					+ "/bought-together\"")));
		mvc.perform(get("/analytics/products/{id}/bought-together", a.getId()).with(data.as(stranger)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"bought-together\"")))
			.andExpect(content().string(containsString("href=\"/products/" + b.getId() + "\"")))
			.andExpect(content().string(not(containsString("href=\"/products/" + c.getId() + "\""))));
		mvc.perform(get("/analytics/products/{id}/bought-together", UUID.randomUUID()).with(data.as(seller)))
			.andExpect(status().isNotFound());

		// the same through the API
		String sellerToken = data.bearer(seller);
		mvc.perform(get("/api/v1/analytics/accounts/{id}/recommendations", boughtA.value())
			.header("Authorization", sellerToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].rank").value(1))
			.andExpect(jsonPath("$[0].product.id").value(b.getId().toString()))
			.andExpect(jsonPath("$[0].product.name").value(b.getName()))
			.andExpect(jsonPath("$[0].score").isNumber())
			.andExpect(jsonPath("$[0].because[0].id").value(a.getId().toString()));
		mvc.perform(get("/api/v1/analytics/accounts/{id}/recommendations", boughtA.value())
			.header("Authorization", data.bearer(stranger))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/analytics/accounts/{id}/recommendations", "not-an-id")
			.header("Authorization", sellerToken))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		mvc.perform(get("/api/v1/analytics/products/{id}/bought-together", a.getId())
			.header("Authorization", sellerToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].product.id").value(b.getId().toString()))
			.andExpect(jsonPath("$[0].buyers").value(3))
			.andExpect(jsonPath("$[0].similarity").isNumber())
			.andExpect(jsonPath("$.length()").value(1));
		mvc.perform(get("/api/v1/analytics/products/{id}/bought-together", UUID.randomUUID())
			.header("Authorization", sellerToken)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/analytics/recommendations/runs").header("Authorization", sellerToken))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/analytics/recommendations/runs").header("Authorization", sellerToken))
			.andExpect(status().isForbidden());
		String analystToken = data.bearer(analyst);
		mvc.perform(get("/api/v1/analytics/recommendations/runs").header("Authorization", analystToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("DONE"))
			.andExpect(jsonPath("$[0].figures", containsString("\"precisionAtK\"")))
			.andExpect(jsonPath("$[0].figures", containsString("\"mostPopular\"")));
		mvc.perform(post("/api/v1/analytics/recommendations/runs").header("Authorization", analystToken))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("QUEUED"));
		jobs.sweep();
	}

}
