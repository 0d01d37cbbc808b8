package org.rapport.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.notifications.internal.DailyDigest;
import org.rapport.notifications.internal.MailSender;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A user is told in the notification centre and by e-mail (through GreenMail, a real SMTP server) when a teammate
 * gives them an activity or mentions them in a note, as they chose per kind; the e-mail leaves once, even when the
 * server first refuses it; the daily digest lists what they have not read.
 */
@RapportTest
@Import(CommerceFixtures.class)
class NotificationsIntegrationTests {

	private static final TestSmtp SMTP = new TestSmtp();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		SMTP.register(registry);
		registry.add("rapport.mail.from", () -> "rapport@example.com");
		registry.add("rapport.mail.base-url", () -> "https://crm.example.com");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	MailSender sender;

	@Autowired
	DailyDigest digest;

	@Autowired
	JdbcTemplate jdbc;

	GreenMail smtp;
	User author;
	User colleague;
	String authorToken;
	String colleagueToken;
	AccountId account;

	@BeforeEach
	void setUp() {
		// mail other tests queued is none of these tests' business
		jdbc.update("update mail_message set status = 'FAILED' where status = 'PENDING'");
		TeamId team = data.team();
		author = data.userWithEmail(team, Locale.ENGLISH, Role.SALES);
		colleague = data.userWithEmail(team, Locale.SIMPLIFIED_CHINESE, Role.SALES);
		authorToken = data.bearer(author);
		colleagueToken = data.bearer(colleague);
		account = fixtures.account(data.actor(author), TestData.unique("Told"));
	}

	@AfterEach
	void stopSmtp() {
		if (smtp != null) {
			smtp.stop();
		}
	}

	private void startSmtp() {
		smtp = SMTP.start();
	}

	private String giveTask(String subject) throws Exception {
		return mvc.perform(post("/api/v1/activities").header("Authorization", authorToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "TASK", "subject": "%s", "about": "account:%s", "ownerId": "%s"}
					""".formatted(subject, account.value(), colleague.getId())))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
	}

	@Test
	void aTaskGivenToAColleagueRingsTheirBellInTheirLanguageUntilTheyReadIt() throws Exception {
		giveTask("Call the buyer");
		mvc.perform(get("/notifications/bell").with(data.as(colleague)))
			.andExpect(content().string(containsString("id=\"notification-count\"")))
			.andExpect(content().string(containsString(">1<")));
		String list = mvc.perform(get("/api/v1/notifications").header("Authorization", colleagueToken)
			.header("Accept-Language", "zh-CN"))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.unread").value(1))
			.andExpect(jsonPath("$.items[0].kind").value("activity.assigned"))
			.andExpect(jsonPath("$.items[0].text").value(containsString("分配给了您")))
			.andReturn().getResponse().getContentAsString();
		String id = com.jayway.jsonpath.JsonPath.read(list, "$.items[0].id");
		// another user cannot read it, nor mark it read
		mvc.perform(post("/api/v1/notifications/{id}/read", id).header("Authorization", authorToken))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/notifications/{id}/read", id).header("Authorization", colleagueToken))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/notifications/unread").header("Authorization", colleagueToken))
			.andExpect(jsonPath("$.unread").value(0));
		// the author gave it: nothing for them
		mvc.perform(get("/api/v1/notifications/unread").header("Authorization", authorToken))
			.andExpect(jsonPath("$.unread").value(0));
	}

	@Test
	void aMentionInANoteTellsTheTeammateButNotSomeoneWhoMayNotSeeTheNote() throws Exception {
		User stranger = data.userWithEmail(data.team(), Locale.ENGLISH, Role.SALES);
		mvc.perform(post("/api/v1/activities").header("Authorization", authorToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "NOTE", "subject": "Pricing", "about": "account:%s",
					 "body": "<p>@%s please check, and @%s too; mail ann@example.com</p>"}
					""".formatted(account.value(), colleague.getUsername(), stranger.getUsername())))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/notifications").header("Authorization", colleagueToken))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].kind").value("activity.mention"));
		mvc.perform(get("/api/v1/notifications").header("Authorization", data.bearer(stranger)))
			.andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void theEmailLeavesOnceEvenWhenTheServerFirstRefusesIt() throws Exception {
		giveTask("Send the offer");
		// the commit may have started an attempt already: the e-mail is the colleague's one, whatever its status
		UUID queued = jdbc.queryForObject("select id from mail_message where recipient = ?", UUID.class,
				colleague.getUsername() + "@example.com");
		// no server listens yet: the e-mail waits for another attempt (the commit started one already, maybe)
		assertThat(sender.sendDue()).isZero();
		assertThat(settled(queued)).isEqualTo("PENDING");
		assertThat(jdbc.queryForObject("select attempts from mail_message where id = ?", Integer.class, queued))
			.isEqualTo(1);

		startSmtp();
		jdbc.update("update mail_message set next_attempt_at = created_at where id = ?", queued);
		assertThat(sender.sendDue()).isEqualTo(1);
		assertThat(sender.sendDue()).isZero();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).contains("Send the offer");
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(colleague.getUsername() + "@example.com");
		assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(received[0]))
			.contains("https://crm.example.com/activities/");
		assertThat(jdbc.queryForObject("select status from mail_message where id = ?", String.class, queued))
			.isEqualTo("SENT");
	}

	@Test
	void aKindTurnedOffTellsNothingAndTheDigestListsWhatIsUnread() throws Exception {
		mvc.perform(post("/notifications/settings").with(data.as(colleague)).with(csrf())
			.param("delivery.activity.assigned", "NONE").param("digest", "on"))
			.andExpect(status().is3xxRedirection());
		giveTask("Nobody is told");
		mvc.perform(get("/api/v1/notifications/unread").header("Authorization", colleagueToken))
			.andExpect(jsonPath("$.unread").value(0));

		mvc.perform(post("/notifications/settings").with(data.as(colleague)).with(csrf())
			.param("delivery.activity.assigned", "IN_APP").param("digest", "on"))
			.andExpect(status().is3xxRedirection());
		giveTask("Told in Rapport only");
		assertThat(jdbc.queryForObject("select count(*) from mail_message where recipient = ? and status = 'PENDING'",
				Long.class, colleague.getUsername() + "@example.com")).isZero();

		assertThat(digest.sendAll()).isGreaterThanOrEqualTo(1);
		// the colleague's only e-mail, whether or not an attempt to send it has begun
		String body = jdbc.queryForObject("select body from mail_message where recipient = ?", String.class,
				colleague.getUsername() + "@example.com");
		assertThat(body).contains("Told in Rapport only").doesNotContain("Nobody is told");
		// a second run the same day sends no second digest
		digest.sendAll();
		assertThat(jdbc.queryForObject("select count(*) from mail_message where recipient = ?", Long.class,
				colleague.getUsername() + "@example.com")).isEqualTo(1);
	}

	/** The e-mail's status once no attempt is under way. */
	private String settled(UUID id) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			String status = jdbc.queryForObject("select status from mail_message where id = ?", String.class, id);
			Integer attempts = jdbc.queryForObject("select attempts from mail_message where id = ?", Integer.class, id);
			if (!"SENDING".equals(status) && attempts > 0) {
				return status;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("E-mail " + id + " still being sent");
	}
}
