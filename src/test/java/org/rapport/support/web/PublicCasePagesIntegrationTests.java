package org.rapport.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.ContactId;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.customers.NewContact;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public case form as a customer uses it without signing in: a known address opens a case for its contact, an
 * unknown one for a new contact, and the thanks page gives the case's number in the customer's language; a bad
 * address shows the form again with the field's message and the input kept; a robot that fills the honeypot is
 * thanked and opens nothing; too many posts from one address are told to wait and open nothing; a post without our
 * CSRF token is refused.
 */
@RapportTest
@Import(TestClock.Setup.class)
class PublicCasePagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	Customers customers;

	@Autowired
	JdbcTemplate jdbc;

	Actor agent;

	@BeforeEach
	void setUp() {
		agent = data.actor(data.user(data.team(), Role.SUPPORT));
	}

	@Test
	void theFormIsOpenToAnybodyWithLabelledFieldsAndAHiddenHoneypot() throws Exception {
		mvc.perform(get("/public/cases"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Contact customer service"),
					containsString("<label class=\"form-label\" for=\"email\">Your e-mail address</label>"),
					containsString("for=\"description\""), containsString("name=\"_csrf\""),
					containsString("name=\"website\" tabindex=\"-1\""))));
		mvc.perform(get("/public/cases").param("lang", "zh-CN"))
			.andExpect(content().string(allOf(containsString("lang=\"zh-CN\""), containsString("联系客户服务"))));
		mvc.perform(get("/public/cases").header("Accept-Language", "zh-CN,zh;q=0.9"))
			.andExpect(content().string(containsString("您的电子邮件地址")));
	}

	@Test
	void aKnownAddressOpensACaseForItsContactAndTheThanksGiveItsNumber() throws Exception {
		AccountId account = customers.openAccount(agent, new NewAccount(TestData.unique("Clinic"),
				AccountType.COMPANY, null, null, null, null, null));
		String address = TestData.unique("ada").toLowerCase() + "@clinic.example";
		ContactId contact = customers.addContact(agent, new NewContact(account, "Ada", "Byron", null, address, null,
				null));
		String subject = TestData.unique("Scanner");

		String number = (String) mvc.perform(send(address, "Ada Byron", subject, "It blinks red."))
			.andExpect(redirectedUrl("/public/cases/thanks"))
			.andReturn().getFlashMap().get("caseNumber");

		Map<String, Object> opened = jdbc.queryForMap(
				"select number, contact_id, account_id, channel, description from support_case where subject = ?",
				subject);
		assertThat(opened.get("number")).isEqualTo(number);
		assertThat(opened.get("contact_id")).isEqualTo(contact.value());
		assertThat(opened.get("account_id")).isEqualTo(account.value());
		assertThat(opened.get("channel")).isEqualTo("WEB");
		assertThat(opened.get("description")).isEqualTo("It blinks red.");
		mvc.perform(get("/public/cases/thanks").flashAttr("caseNumber", number))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your case number is " + number)));
		mvc.perform(get("/public/cases/thanks").param("lang", "zh-CN").flashAttr("caseNumber", number))
			.andExpect(content().string(containsString("您的工单编号是 " + number)));
	}

	@Test
	void anUnknownAddressOpensACaseForANewContactWithThatAddress() throws Exception {
		String address = TestData.unique("grace").toLowerCase() + "@navy.example";
		String subject = TestData.unique("Compiler");

		mvc.perform(send(address, "Grace Hopper", subject, "There is a moth in it."))
			.andExpect(redirectedUrl("/public/cases/thanks"))
			.andExpect(flash().attributeExists("caseNumber"));

		Map<String, Object> contact = jdbc.queryForMap("select c.email, c.last_name from support_case s "
				+ "join contact c on c.id = s.contact_id where s.subject = ?", subject);
		assertThat(contact.get("email")).isEqualTo(address);
		assertThat(contact.get("last_name")).isEqualTo("Hopper");
	}

	@Test
	void aBadAddressShowsTheFormAgainWithTheFieldsMessageAndTheInputKept() throws Exception {
		String subject = TestData.unique("Kept subject");

		mvc.perform(send("not-an-address", "Ada", subject, "Kept description"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("input", "email"))
			.andExpect(content().string(allOf(containsString("Please check the marked fields."),
					containsString("is-invalid"), containsString(subject), containsString("Kept description"),
					containsString("value=\"not-an-address\""))));
		mvc.perform(send("ada@clinic.example", "Ada", " ", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("input", "subject", "description"));

		assertThat(casesWith(subject)).isZero();
	}

	@Test
	void aRobotThatFillsTheHoneypotIsThankedAndOpensNothing() throws Exception {
		String subject = TestData.unique("Cheap pills");

		mvc.perform(send("robot@spam.example", "Robot", subject, "Buy now").param("website", "http://spam.example"))
			.andExpect(redirectedUrl("/public/cases/thanks"))
			.andExpect(flash().attributeCount(0));

		assertThat(casesWith(subject)).isZero();
	}

	@Test
	void tooManyPostsFromOneAddressAreToldToWaitAndOpenNothing() throws Exception {
		String address = address();
		for (int i = 0; i < 10; i++) {
			// robots' posts count too
			mvc.perform(send("robot@spam.example", "Robot", "Spam", "Spam", address).param("website", "x"))
				.andExpect(status().is3xxRedirection());
		}
		String subject = TestData.unique("One too many");

		mvc.perform(send("ada@clinic.example", "Ada", subject, "Please help", address))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(allOf(containsString("id=\"too-many\""),
					containsString("Too many requests from your address"), containsString(subject))));
		assertThat(casesWith(subject)).isZero();

		// another address is not held back
		mvc.perform(send("ada@clinic.example", "Ada", TestData.unique("Other"), "Please help"))
			.andExpect(redirectedUrl("/public/cases/thanks"));
	}

	@Test
	void aPostWithoutTheFormsCsrfTokenIsRefused() throws Exception {
		String subject = TestData.unique("Forged");

		mvc.perform(post("/public/cases").param("email", "ada@clinic.example").param("subject", subject)
			.param("description", "From another site"))
			.andExpect(status().isForbidden());

		assertThat(casesWith(subject)).isZero();
	}

	private MockHttpServletRequestBuilder send(String email, String name, String subject, String description) {
		return send(email, name, subject, description, address());
	}

	private MockHttpServletRequestBuilder send(String email, String name, String subject, String description,
			String clientAddress) {
		return post("/public/cases").with(csrf()).with(request -> {
			request.setRemoteAddr(clientAddress);
			return request;
		}).param("email", email).param("name", name).param("subject", subject).param("description", description);
	}

	/** A client address of its own for each test, so that no test uses up another's posts. */
	private static String address() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	private int casesWith(String subject) {
		return jdbc.queryForObject("select count(*) from support_case where subject = ?", Integer.class, subject);
	}
}
