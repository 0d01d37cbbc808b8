package org.rapport.customization;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A user's default view opens a list of another module (here the sales module's opportunities), so this takes the
 * whole application.
 */
@RapportTest
class DefaultViewIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void theDefaultViewOpensTheListButNeverAnExplicitAddress() throws Exception {
		TeamId team = data.team();
		User seller = data.user(team, Role.SALES);
		User teammate = data.user(team, Role.SALES);
		mvc.perform(post("/views").with(csrf()).with(data.as(seller))
			.param("list", "opportunities")
			.param("name", TestData.unique("Closing soon"))
			.param("query", "kind=OPEN&sort=closeDate,asc")
			.param("shared", "false")
			.param("makeDefault", "true"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/opportunities").with(data.as(seller)))
			.andExpect(redirectedUrl("/opportunities?kind=OPEN&sort=closeDate,asc"));
		mvc.perform(get("/opportunities?view=all").with(data.as(seller))).andExpect(status().isOk());
		mvc.perform(get("/opportunities").with(data.as(teammate))).andExpect(status().isOk());
	}
}
