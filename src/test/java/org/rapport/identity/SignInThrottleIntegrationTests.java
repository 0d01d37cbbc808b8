package org.rapport.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportModuleTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@RapportModuleTest
class SignInThrottleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestClock clock;

	@BeforeEach
	void stopTheClock() {
		clock.stop();
	}

	@Test
	void afterFiveFailuresEachAttemptWaitsTwiceAsLongAndTheRightPasswordAfterTheWaitSignsIn() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		for (int i = 0; i < 5; i++) {
			failWith(user.getUsername(), "guess-" + i, from(TestData.unique("addr")));
		}
		// the first wait: one second
		signIn(user.getUsername(), TestData.PASSWORD, from(TestData.unique("addr"))).andExpect(unauthenticated());
		clock.advance(Duration.ofSeconds(1));
		failWith(user.getUsername(), "guess-6", from(TestData.unique("addr")));
		// the second wait: two seconds
		clock.advance(Duration.ofSeconds(1));
		signIn(user.getUsername(), TestData.PASSWORD, from(TestData.unique("addr"))).andExpect(unauthenticated());
		clock.advance(Duration.ofSeconds(1));
		signIn(user.getUsername(), TestData.PASSWORD, from(TestData.unique("addr")))
			.andExpect(authenticated().withUsername(user.getUsername()));
		// a sign-in forgets the account's failures
		failWith(user.getUsername(), "guess-7", from(TestData.unique("addr")));
		signIn(user.getUsername(), TestData.PASSWORD, from(TestData.unique("addr"))).andExpect(authenticated());
	}

	@Test
	void theWaitGrowsOnlyUpToItsCapSoNobodyIsLockedOut() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		for (int i = 0; i < 13; i++) {
			clock.advance(Duration.ofMinutes(1));
			failWith(user.getUsername(), "guess-" + i, from(TestData.unique("addr")));
		}
		clock.advance(Duration.ofMinutes(1));
		signIn(user.getUsername(), TestData.PASSWORD, from(TestData.unique("addr"))).andExpect(authenticated());
	}

	@Test
	void failuresFromOneAddressSlowDownThatAddressForEveryUserName() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		RequestPostProcessor attacker = from(TestData.unique("addr"));
		for (int i = 0; i < 5; i++) {
			failWith(TestData.unique("nobody"), "guess", attacker);
		}
		signIn(user.getUsername(), TestData.PASSWORD, attacker).andExpect(unauthenticated());
		signIn(user.getUsername(), TestData.PASSWORD, from(TestData.unique("addr"))).andExpect(authenticated());
		clock.advance(Duration.ofSeconds(1));
		signIn(user.getUsername(), TestData.PASSWORD, attacker).andExpect(authenticated());
	}

	@Test
	void unknownUsersWrongPasswordsInactiveUsersAndWaitingAttemptsAllReadTheSame() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		User inactive = data.user(data.team(), Role.SALES);
		data.deactivate(inactive);
		String wrongPassword = messageAfter(user.getUsername(), "wrong", from(TestData.unique("addr")));
		String unknownUser = messageAfter(TestData.unique("nobody"), "wrong", from(TestData.unique("addr")));
		String inactiveUser = messageAfter(inactive.getUsername(), TestData.PASSWORD, from(TestData.unique("addr")));
		for (int i = 0; i < 5; i++) {
			failWith(user.getUsername(), "guess-" + i, from(TestData.unique("addr")));
		}
		String waiting = messageAfter(user.getUsername(), TestData.PASSWORD, from(TestData.unique("addr")));
		org.assertj.core.api.Assertions.assertThat(java.util.List.of(unknownUser, inactiveUser, waiting))
			.containsOnly(wrongPassword);
		org.assertj.core.api.Assertions.assertThat(wrongPassword).contains("Wrong user name or password");
	}

	private String messageAfter(String username, String password, RequestPostProcessor address) throws Exception {
		MvcResult result = signIn(username, password, address).andExpect(unauthenticated()).andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
		return mvc.perform(get("/login?error").session(session))
			.andExpect(content().string(Matchers.containsString("login-error")))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("(?s).*<div[^>]*id=\"login-error\"[^>]*>([^<]*)</div>.*", "$1");
	}

	private void failWith(String username, String password, RequestPostProcessor address) throws Exception {
		signIn(username, password, address).andExpect(unauthenticated());
	}

	private org.springframework.test.web.servlet.ResultActions signIn(String username, String password,
			RequestPostProcessor address) throws Exception {
		var login = formLogin().user(username).password(password);
		return mvc.perform(context -> address.postProcessRequest(login.buildRequest(context)));
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
