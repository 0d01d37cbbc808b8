package org.rapport.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTestOnOwnData;
import org.rapport.TestData;
import org.rapport.analytics.internal.AccountChurn.AccountRisk;
import org.rapport.analytics.internal.AccountChurn.ChurnSettings;
import org.rapport.analytics.internal.AnalyticsRuns.Run;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.web.CommerceFixtures;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The churn run learns from accounts that faded and became lost in the window against steady buyers: its comparison
 * finds the pattern, a fading account not yet lost is riskier than a steady one, and each account's risk shows only to
 * those who see the account, in the panel, the API, the list and its export. Too few lost accounts fail the run with
 * the reason.
 */
@RapportTestOnOwnData
@Import({ CommerceFixtures.class, ChurnHistories.class })
class AccountChurnIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	ChurnHistories histories;

	@Autowired
	AccountChurn churn;

	@Autowired
	CustomerValues values;

	@Autowired
	AnalyticsJobs jobs;

	@Autowired
	AnalyticsRuns runs;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void fadingBuyersThatBecameLostTeachTheModelToFindTheNextOnes() throws Exception {
		TeamId team = data.team();
		User seller = data.user(team, Role.SALES);
		User analyst = data.user(team, Role.ANALYST);
		User otherAnalyst = data.user(data.team(), Role.ANALYST);
		User otherSeller = data.user(data.team(), Role.SALES);
		Actor selling = data.actor(seller);
		Product product = fixtures.product("100", "EUR");
		LocalDate today = ChurnHistories.today();

		List<AccountId> lost = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			// bought every few weeks, ever less often, stopped seven to nine months ago and became lost since
			lost.add(histories.lost(selling, product, "Fading", 200 + 5 * i, 40 + 3 * i));
		}
		List<AccountId> steady = new ArrayList<>();
		for (int i = 0; i < 14; i++) {
			steady.add(histories.steady(selling, product, "Steady", 3 + i, 30));
		}
		// the same fading, a window later: not lost yet
		AccountId fadingNow = histories.fading(selling, product, "Fading now", today.plusDays(180), 220);
		AccountId steadyNow = steady.get(0);

		Actor analysing = data.actor(analyst);
		values.runNow(analysing);
		UUID run = churn.runNow(analysing, ChurnSettings.DEFAULT);
		jobs.sweep();

		Run done = runs.latest(AnalyticsModel.CHURN, 1).get(0);
		assertThat(done.id()).isEqualTo(run);
		assertThat(done.status()).as(done.error()).isEqualTo("DONE");
		JsonNode figures = json.readTree(done.figures());
		assertThat(figures.path("windowDays").asInt()).isEqualTo(180);
		assertThat(figures.path("churned").asInt()).isGreaterThanOrEqualTo(12);
		assertThat(figures.path("rows").asInt()).isGreaterThanOrEqualTo(26);
		assertThat(figures.path("results")).hasSize(4);
		// on a few dozen rows a single tree may find no split (0.5); none is worse than chance, the kept one far better
		double best = 0;
		for (JsonNode result : figures.path("results")) {
			assertThat(result.path("auc").asDouble()).as(result.path("algorithm").asText()).isGreaterThanOrEqualTo(0.5);
			best = Math.max(best, result.path("auc").asDouble());
		}
		String kept = figures.path("kept").asText();
		assertThat(kept).isIn("logistic", "tree", "forest", "gbt");
		for (JsonNode result : figures.path("results")) {
			if (result.path("algorithm").asText().equals(kept)) {
				assertThat(result.path("auc").asDouble()).isEqualTo(best).isGreaterThan(0.75);
			}
		}
		assertThat(figures.path("importances").size()).isGreaterThan(0);

		AccountRisk risky = churn.of(fadingNow).orElseThrow();
		AccountRisk safe = churn.of(steadyNow).orElseThrow();
		assertThat(risky.risk()).isBetween(0.0, 1.0).isGreaterThan(safe.risk());
		assertThat(risky.factors()).hasSize(3).allSatisfy(factor -> assertThat(factor.feature()).isNotBlank());
		assertThat(churn.of(lost.get(0))).as("a lost account is not scored").isEmpty();
		// the risk weighs the account's predicted value
		BigDecimal predicted = values.of(steadyNow).orElseThrow().predictedValue();
		assertThat(safe.predictedValue()).isEqualByComparingTo(predicted);
		assertThat(safe.riskValue().setScale(2, RoundingMode.HALF_UP))
			.isEqualByComparingTo(predicted.multiply(BigDecimal.valueOf(safe.risk())).setScale(2, RoundingMode.HALF_UP));

		// the list, for the analyst of the team, riskiest value first; nothing of the team for another team's analyst
		var page = churn.atRisk(analysing, 0, 200);
		assertThat(page.items()).extracting(AccountRisk::account).contains(fadingNow, steadyNow);
		assertThat(page.items()).extracting(AccountRisk::riskValue)
			.isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(churn.atRisk(data.actor(otherAnalyst), 0, 200).items()).extracting(AccountRisk::account)
			.doesNotContain(fadingNow, steadyNow);
		assertThatThrownBy(() -> churn.atRisk(selling, 0, 25)).isInstanceOf(NotPermitted.class);
		assertThatThrownBy(() -> churn.atRisk(analysing, 0, 0)).isInstanceOf(InvalidField.class);

		mvc.perform(get("/api/v1/analytics/accounts/{id}/churn", fadingNow.value()).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.risk").value(risky.risk()))
			.andExpect(jsonPath("$.factors.length()").value(3));
		mvc.perform(get("/api/v1/analytics/accounts/{id}/churn", fadingNow.value()).with(data.as(otherSeller)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/analytics/accounts/{id}/churn", fadingNow.value()).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("id=\"churn-risk\"")));
		mvc.perform(get("/analytics/accounts/{id}/churn", fadingNow.value()).with(data.as(otherSeller)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/analytics/churn/at-risk?size=200").with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(fadingNow.value().toString())));
		mvc.perform(get("/api/v1/analytics/churn/at-risk?size=200").with(data.as(otherAnalyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(Matchers.containsString(fadingNow.value().toString()))));
		mvc.perform(get("/analytics/churn/at-risk.csv").with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(fadingNow.value().toString())));
		mvc.perform(get("/analytics/churn/at-risk.csv").with(data.as(otherAnalyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(Matchers.containsString(fadingNow.value().toString()))));
		mvc.perform(get("/analytics/churn/at-risk").with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("/accounts/" + fadingNow.value())));
		mvc.perform(get("/analytics/churn/at-risk").with(data.as(otherAnalyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(Matchers.containsString("/accounts/" + fadingNow.value()))));
		mvc.perform(get("/analytics/churn").with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("id=\"churn-comparison\"")))
			.andExpect(content().string(Matchers.containsString("id=\"churn-importance-chart\"")));
		mvc.perform(get("/analytics/churn").with(data.as(seller))).andExpect(status().isForbidden());
	}

	@Test
	void badInputIsRefusedNamingTheField() throws Exception {
		User analyst = data.user(data.team(), Role.ANALYST);
		mvc.perform(get("/api/v1/analytics/churn/at-risk?size=0").with(data.as(analyst)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		mvc.perform(get("/api/v1/analytics/churn/at-risk?page=-1").with(data.as(analyst)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		mvc.perform(post("/api/v1/analytics/churn/runs").with(data.as(analyst)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"windowDays\": 5}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("windowDays"));
		mvc.perform(post("/api/v1/analytics/churn/runs").with(data.as(analyst)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"customFields\": [\"no spaces please\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("customFields"));
		mvc.perform(post("/analytics/churn/run").with(data.as(analyst)).with(csrf())
			.param("windowDays", "9999")
			.param("customFields", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(Matchers.containsString("The window is 30 to 730 days.")));
		assertThatThrownBy(() -> churn.runNow(data.actor(data.user(data.team(), Role.SALES)), ChurnSettings.DEFAULT))
			.isInstanceOf(NotPermitted.class);
	}

	@Test
	void aRunWithTooFewLostAccountsFailsAndSaysWhyAndTheNightTakesItsSettingsAgain() {
		Actor analyst = data.actor(data.user(data.team(), Role.ANALYST));
		// nobody of this test became lost in the last month
		UUID run = churn.runNow(analyst, new ChurnSettings(30, List.of("seats")));
		jobs.sweep();
		Run failed = runs.latest(AnalyticsModel.CHURN, 5).stream().filter(r -> r.id().equals(run)).findFirst()
			.orElseThrow();
		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(failed.error()).contains("became lost in the 30 days before today", "at least 5 of each");
		assertThat(churn.settings()).isEqualTo(new ChurnSettings(30, List.of("seats")));
		jobs.nightly();
		Run nightly = runs.pending(AnalyticsModel.CHURN).orElseThrow();
		assertThat(nightly.requestedBy()).isNull();
		assertThat(nightly.parameters()).contains("\"windowDays\":30", "seats");
		jobs.sweep();
	}
}
