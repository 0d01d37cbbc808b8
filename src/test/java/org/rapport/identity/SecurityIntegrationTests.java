package org.rapport.identity;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
class SecurityIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void pagesAskAStrangerToSignInFirst() throws Exception {
		mvc.perform(get("/accounts")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		mvc.perform(get("/login")).andExpect(status().isOk());
	}

	@Test
	void aUserSignsInWithTheirPasswordAndNotWithAnother() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		mvc.perform(formLogin().user(user.getUsername()).password(TestData.PASSWORD))
			.andExpect(authenticated().withUsername(user.getUsername()))
			.andExpect(redirectedUrl("/"));
		mvc.perform(formLogin().user(user.getUsername()).password("wrong-password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void deactivatingAUserEndsTheirOpenSessionAtItsNextRequest() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		MockHttpSession session = (MockHttpSession) mvc
			.perform(formLogin().user(user.getUsername()).password(TestData.PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession();
		mvc.perform(get("/accounts").session(session)).andExpect(status().isOk());

		data.deactivate(user);

		mvc.perform(get("/accounts").session(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void deactivatingAUserStopsTheirApiTokensAtOnce() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		String bearer = data.bearer(user);
		mvc.perform(get("/api/v1/accounts").header("Authorization", bearer)).andExpect(status().isOk());

		data.deactivate(user);

		mvc.perform(get("/api/v1/accounts").header("Authorization", bearer)).andExpect(status().isUnauthorized());
	}

	@Test
	void aNewPasswordFromAnAdministratorEndsTheUsersSessionsButChangingOnesOwnKeepsThisOne() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		MockHttpSession own = signIn(user);
		MockHttpSession other = signIn(user);
		mvc.perform(post("/profile/password").session(own).with(csrf())
			.param("current", TestData.PASSWORD)
			.param("next", "another-password-1")
			.param("repeat", "another-password-1")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/accounts").session(own)).andExpect(status().isOk());
		mvc.perform(get("/accounts").session(other)).andExpect(redirectedUrl("/login"));

		data.setPassword(user, "third-password-1");
		mvc.perform(get("/accounts").session(own)).andExpect(redirectedUrl("/login"));
	}

	private MockHttpSession signIn(User user) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user(user.getUsername()).password(TestData.PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession();
	}

	@Test
	void anInactiveUserCannotSignIn() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		data.deactivate(user);
		mvc.perform(formLogin().user(user.getUsername()).password(TestData.PASSWORD)).andExpect(unauthenticated());
	}

	@Test
	void aFormPostWithoutItsCsrfTokenIsRefused() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		mvc.perform(post("/accounts").param("name", "No Token").with(data.as(user))).andExpect(status().isForbidden());
		mvc.perform(post("/accounts").param("name", "").with(csrf()).with(data.as(user))).andExpect(status().isOk());
	}

	@Test
	void everyPageCarriesSecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	@Test
	void onlyAdministratorsReachTheUserAdministration() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		User admin = data.user(null, Role.ADMIN);
		mvc.perform(get("/admin/users").with(data.as(seller))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/users").with(data.as(admin))).andExpect(status().isOk());
	}

	@Test
	void aRevokedApiTokenStopsWorking() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		var issued = data.issue(user);
		mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer " + issued.secret()))
			.andExpect(status().isOk());
		data.revoke(user, issued);
		mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer " + issued.secret()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theApiKeepsNoSessionAndNeedsNoCsrfToken() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		mvc.perform(post("/api/v1/accounts").header("Authorization", data.bearer(user))
			.contentType("application/json")
			.content(TestData.accountJson("Scripted")))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Set-Cookie"));
	}
}
