package org.rapport.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.support.internal.CaseMailbox;
import org.rapport.support.internal.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The service mailbox's administration page: an administrator saves its settings, a blank password keeps the kept
 * one and the page never shows it, a bad field shows its message with the input kept, the test signs in and counts the
 * folder's messages or says why it cannot, and nobody but an administrator reaches the page.
 */
@RapportTest
@Import(TestClock.Setup.class)
class MailboxPagesIntegrationTests {

	static final String DESK = "desk@service.example";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CaseMailbox mailbox;

	User admin;
	User agent;
	TeamId team;

	@BeforeEach
	void setUp() {
		admin = data.user(null, Role.ADMIN);
		team = data.team();
		agent = data.user(team, Role.SUPPORT);
	}

	@AfterEach
	void tearDown() {
		mailbox.change(data.actor(admin), mailbox.settings().getVersion(), new Mailbox.Settings(false, null, 993,
				Mailbox.Security.SSL, null, null, "INBOX", null, null, null));
	}

	@Test
	void anAdministratorSavesTheSettingsAndTheKeptPasswordIsNeverShown() throws Exception {
		mvc.perform(get("/admin/support/mailbox").with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"mailbox-form\""),
					containsString("for=\"host\""), containsString("for=\"password\""),
					containsString("Not read yet"), containsString("href=\"/admin/support/mailbox\""))));

		mvc.perform(save(1143, "s3cret-Pa55", DESK)).andExpect(redirectedUrl("/admin/support/mailbox"));

		Mailbox saved = mailbox.settings();
		assertThat(saved.isEnabled()).isTrue();
		assertThat(saved.getHost()).isEqualTo("imap.service.example");
		assertThat(saved.getPort()).isEqualTo(1143);
		assertThat(saved.getSecurity()).isEqualTo(Mailbox.Security.STARTTLS);
		assertThat(saved.getAddress()).isEqualTo(DESK);
		assertThat(saved.getOwnerId()).isEqualTo(agent.getId());
		assertThat(saved.getQueueTeamId()).isEqualTo(team.value());
		assertThat(saved.hasPassword()).isTrue();
		mvc.perform(get("/admin/support/mailbox").with(data.as(admin)))
			.andExpect(content().string(allOf(containsString("value=\"imap.service.example\""),
					containsString("A password is kept and never shown"), not(containsString("s3cret-Pa55")))));

		// a blank password keeps the kept one
		mvc.perform(save(1143, "", DESK)).andExpect(redirectedUrl("/admin/support/mailbox"));
		assertThat(mailbox.settings().hasPassword()).isTrue();
	}

	@Test
	void aBadFieldShowsItsMessageWithTheInputKept() throws Exception {
		mvc.perform(save(70000, "secret", DESK))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "port"))
			.andExpect(content().string(allOf(containsString("A port is a number from 1 to 65535"),
					containsString("value=\"imap.service.example\""), not(containsString("value=\"secret\"")))));
		mvc.perform(save(993, "secret", "not-an-address"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "address"))
			.andExpect(content().string(containsString("value=\"not-an-address\"")));
		mvc.perform(save(admin, "many", "secret", DESK))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "port"));
		assertThat(mailbox.settings().getHost()).isNotEqualTo("imap.service.example");
	}

	@Test
	void theTestSaysWhyNothingAnswersAndCountsTheMessagesOfAServerThatDoes() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		mailbox.change(data.actor(admin), mailbox.settings().getVersion(), new Mailbox.Settings(true, "127.0.0.1",
				port, Mailbox.Security.NONE, "desk", "secret", "INBOX", DESK, agent.getId(), null));

		// nothing listens on the port any more
		mvc.perform(post("/admin/support/mailbox/test").with(data.as(admin)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"mailbox-test-failed\""),
					containsString("The mailbox cannot be reached: "), containsString("id=\"mailbox-form\""))));

		GreenMail imap = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
		imap.start();
		try {
			GreenMailUser desk = imap.setUser(DESK, "desk", "secret");
			desk.deliver(message("First"));
			desk.deliver(message("Second"));
			mvc.perform(post("/admin/support/mailbox/test").with(data.as(admin)).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("id=\"mailbox-test-ok\""),
						containsString("Connected: the folder holds 2 messages."))));
			mvc.perform(post("/admin/support/mailbox/test").with(data.as(admin)).with(csrf())
				.sessionAttr(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.SIMPLIFIED_CHINESE))
				.andExpect(content().string(containsString("连接成功：文件夹中有 2 封邮件。")));
		}
		finally {
			imap.stop();
		}
	}

	@Test
	void onlyAdministratorsReachTheMailbox() throws Exception {
		mvc.perform(get("/admin/support/mailbox").with(data.as(agent))).andExpect(status().isForbidden());
		mvc.perform(save(agent, "993", "secret", DESK)).andExpect(status().isForbidden());
		mvc.perform(post("/admin/support/mailbox/test").with(data.as(agent)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(mailbox.settings().isEnabled()).isFalse();
	}

	@Test
	void anAdministratorChoosesWhetherUnknownSendersBecomeContactsOrLeads() throws Exception {
		mvc.perform(get("/admin/support/mailbox").with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(checkedRadio("CONTACT"), containsString("for=\"unknownSenders2\""),
					containsString("a lead"))));
		assertThat(mailbox.settings().getUnknownSenders()).isEqualTo(Mailbox.UnknownSenders.CONTACT);

		mvc.perform(save(1143, "s3cret-Pa55", DESK).param("unknownSenders", "LEAD"))
			.andExpect(redirectedUrl("/admin/support/mailbox"));

		assertThat(mailbox.settings().getUnknownSenders()).isEqualTo(Mailbox.UnknownSenders.LEAD);
		mvc.perform(get("/admin/support/mailbox").with(data.as(admin)))
			.andExpect(content().string(checkedRadio("LEAD")));
	}

	/** The page holds the radio button of the choice, checked. */
	private static org.hamcrest.Matcher<String> checkedRadio(String choice) {
		return org.hamcrest.Matchers.matchesPattern("(?s).*<input[^>]*value=\"" + choice
				+ "\"[^>]*name=\"unknownSenders\"[^>]*checked[^>]*>.*");
	}

	private MockHttpServletRequestBuilder save(int port, String password, String address) {
		return save(admin, String.valueOf(port), password, address);
	}

	private MockHttpServletRequestBuilder save(User user, String port, String password, String address) {
		return post("/admin/support/mailbox").with(data.as(user)).with(csrf())
			.param("enabled", "true")
			.param("host", "imap.service.example")
			.param("port", port)
			.param("security", "STARTTLS")
			.param("username", "desk")
			.param("password", password)
			.param("folder", "INBOX")
			.param("address", address)
			.param("ownerId", agent.getId().toString())
			.param("queueTeamId", team.toString())
			.param("version", String.valueOf(mailbox.settings().getVersion()));
	}

	private static MimeMessage message(String subject) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom(new InternetAddress(TestData.unique("ada").toLowerCase() + "@clinic.example"));
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(DESK));
		message.setSubject(subject);
		message.setText("Hello");
		return message;
	}
}
