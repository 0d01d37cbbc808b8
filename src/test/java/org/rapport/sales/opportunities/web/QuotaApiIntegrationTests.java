package org.rapport.sales.opportunities.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.Locale;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.sales.opportunities.internal.ForecastService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * Managers set the quotas of their own team's sellers and administrators anyone's, over the API and on the forecast
 * page alike; a seller of another team is refused at the seller field, in the user's language, and nothing is kept.
 */
@RapportTest
class QuotaApiIntegrationTests {

	private static final YearMonth MONTH = YearMonth.of(2031, 5);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ForecastService forecasts;

	TeamId east;
	User eastSeller;
	User westSeller;
	User admin;

	@BeforeEach
	void teams() {
		east = data.team();
		TeamId west = data.team();
		eastSeller = data.user(east, Role.SALES);
		westSeller = data.user(west, Role.SALES);
		admin = data.user(null, Role.ADMIN);
	}

	@Test
	void aManagerSetsTheQuotaOfASellerOfTheirTeamButNotOfAnotherTeam() throws Exception {
		String manager = data.bearer(data.user(east, Role.MANAGER, Role.SALES));
		mvc.perform(post("/api/v1/quotas").header("Authorization", manager).contentType(MediaType.APPLICATION_JSON)
			.content(quota(eastSeller, "600")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.seller").value(eastSeller.getId().toString()))
			.andExpect(jsonPath("$.month").value(MONTH.toString()))
			.andExpect(jsonPath("$.amount").value(600))
			.andExpect(jsonPath("$.currency").value("EUR"));

		mvc.perform(post("/api/v1/quotas").header("Authorization", manager).contentType(MediaType.APPLICATION_JSON)
			.content(quota(westSeller, "900")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("seller"))
			.andExpect(jsonPath("$.errors[0].message").value("You set the quotas of your own team's sellers only."));
		assertThat(quotaOf(westSeller)).isFalse();

		mvc.perform(get("/api/v1/quotas").param("from", MONTH.toString()).header("Authorization", manager))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].seller").value(Matchers.contains(eastSeller.getId().toString())));
	}

	@Test
	void theRefusalSpeaksTheManagersLanguage() throws Exception {
		String manager = data.bearer(data.user(east, Locale.SIMPLIFIED_CHINESE, Role.MANAGER));
		mvc.perform(post("/api/v1/quotas").header("Authorization", manager).contentType(MediaType.APPLICATION_JSON)
			.content(quota(westSeller, "900")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("seller"))
			.andExpect(jsonPath("$.errors[0].message").value("您只能为本团队的销售人员设置配额。"));
		assertThat(quotaOf(westSeller)).isFalse();
	}

	@Test
	void anAdministratorSetsAnyonesQuotaButOnlyOfAnActiveUserAndASellerNone() throws Exception {
		String token = data.bearer(admin);
		mvc.perform(post("/api/v1/quotas").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(quota(westSeller, "900")))
			.andExpect(status().isOk());
		assertThat(quotaOf(westSeller)).isTrue();
		mvc.perform(post("/api/v1/quotas").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(quota(UUID.randomUUID(), "900")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("seller"));
		mvc.perform(post("/api/v1/quotas").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(quota(westSeller, "900").replace(MONTH.toString(), "2031-13")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("month"))
			.andExpect(jsonPath("$.errors[0].message").value("Give the month as year and month, such as 2026-12."));
		mvc.perform(post("/api/v1/quotas").header("Authorization", data.bearer(eastSeller))
			.contentType(MediaType.APPLICATION_JSON).content(quota(eastSeller, "900")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theForecastFormRefusesASellerOfAnotherTeamInTheManagersLanguage() throws Exception {
		User manager = data.user(east, Role.MANAGER, Role.SALES);
		MvcResult refused = mvc.perform(post("/forecast/quotas").with(csrf()).with(data.as(manager))
			.param("user", westSeller.getId().toString()).param("month", MONTH.toString())
			.param("amount", "900").param("currency", "EUR"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("failure", "validation.seller.otherTeam"))
			.andReturn();
		assertThat(quotaOf(westSeller)).isFalse();
		mvc.perform(get("/forecast").param("from", MONTH.toString()).with(data.as(manager))
			.flashAttrs(refused.getFlashMap())
			.sessionAttr(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("您只能为本团队的销售人员设置配额。")));

		mvc.perform(post("/forecast/quotas").with(csrf()).with(data.as(manager))
			.param("user", eastSeller.getId().toString()).param("month", MONTH.toString())
			.param("amount", "700").param("currency", "EUR"))
			.andExpect(flash().attribute("success", "flash.quota.saved"));
		assertThat(quotaOf(eastSeller)).isTrue();
	}

	private boolean quotaOf(User seller) {
		return forecasts.quotas(data.actor(admin), MONTH, MONTH)
			.stream()
			.anyMatch(quota -> quota.getUserId().equals(seller.getId()));
	}

	private static String quota(User seller, String amount) {
		return quota(seller.getId(), amount);
	}

	private static String quota(UUID seller, String amount) {
		return """
				{"seller": "%s", "month": "%s", "amount": %s, "currency": "EUR"}
				""".formatted(seller, MONTH, amount);
	}
}
