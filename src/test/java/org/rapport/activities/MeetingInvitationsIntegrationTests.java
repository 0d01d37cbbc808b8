package org.rapport.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import com.icegreen.greenmail.util.GreenMail;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.ContactId;
import org.rapport.customers.Customers;
import org.rapport.customers.NewContact;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.notifications.TestSmtp;
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
 * A meeting invites its participants by e-mail with an iCalendar REQUEST, sends a CANCEL to one taken off and to all
 * when it is cancelled; the invitations pass a real SMTP server (GreenMail) with their calendar part.
 */
@RapportTest
@Import(CommerceFixtures.class)
class MeetingInvitationsIntegrationTests {

	private static final TestSmtp SMTP = new TestSmtp();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		SMTP.register(registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	Customers customers;

	@Autowired
	MailSender sender;

	@Autowired
	JdbcTemplate jdbc;

	GreenMail smtp;
	User organiser;
	User colleague;
	String token;
	AccountId account;
	ContactId buyer;
	String buyerEmail;

	@BeforeEach
	void setUp() {
		jdbc.update("update mail_message set status = 'FAILED' where status = 'PENDING'");
		TeamId team = data.team();
		organiser = data.userWithEmail(team, Locale.ENGLISH, Role.SALES);
		colleague = data.userWithEmail(team, Locale.SIMPLIFIED_CHINESE, Role.SALES);
		token = data.bearer(organiser);
		account = fixtures.account(data.actor(organiser), TestData.unique("Invited"));
		buyerEmail = TestData.unique("buyer").toLowerCase(Locale.ROOT) + "@example.com";
		buyer = customers.addContact(data.actor(organiser), new NewContact(account, "Bea", "Buyer", null, buyerEmail,
				null, null, null));
		smtp = SMTP.start();
	}

	@AfterEach
	void stop() {
		smtp.stop();
	}

	private String calendarTo(String address, String method) {
		List<String> calendars = jdbc.queryForList("select calendar from mail_message where recipient = ? "
				+ "order by created_at, id", String.class, address);
		return calendars.stream().filter(text -> text.contains("METHOD:" + method)).reduce((a, b) -> b).orElse(null);
	}

	@Test
	void participantsAreInvitedWithARequestAndTheOneTakenOffAndThenAllGetACancel() throws Exception {
		Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
		String created = mvc.perform(post("/api/v1/activities").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "MEETING", "subject": "Contract talk", "about": "account:%s", "startsAt": "%s",
					 "endsAt": "%s", "location": "Room 7", "participants": ["user:%s", "contact:%s"]}
					""".formatted(account.value(), start, start.plus(Duration.ofHours(1)), colleague.getId(),
					buyer.value())))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(created, "$.id");

		String request = calendarTo(buyerEmail, "REQUEST");
		assertThat(request).isNotNull();
		ICalendar invitation = Biweekly.parse(request).first();
		assertThat(invitation.validate(ICalVersion.V2_0).isEmpty()).as(invitation.validate(ICalVersion.V2_0).toString())
			.isTrue();
		assertThat(invitation.getMethod().getValue()).isEqualTo("REQUEST");
		var event = invitation.getEvents().get(0);
		assertThat(event.getUid().getValue()).isEqualTo(id + "@rapport");
		assertThat(event.getOrganizer().getEmail()).isEqualTo(organiser.getUsername() + "@example.com");
		assertThat(event.getAttendees()).extracting(attendee -> attendee.getEmail())
			.containsExactlyInAnyOrder(buyerEmail, colleague.getUsername() + "@example.com");
		assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(start);
		assertThat(calendarTo(colleague.getUsername() + "@example.com", "REQUEST")).isNotNull();
		assertThat(jdbc.queryForObject("select subject from mail_message where recipient = ?", String.class,
				colleague.getUsername() + "@example.com")).startsWith("邀请");

		// the e-mails leave right after the commit, or with the next run of the sender
		sender.sendDue();
		assertThat(smtp.waitForIncomingEmail(20_000, 2)).isTrue();
		assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(
				smtp.getReceivedMessagesForDomain(buyerEmail.substring(buyerEmail.indexOf('@') + 1))[0]))
			.contains("text/calendar").contains("METHOD:REQUEST");

		// the buyer is taken off: a CANCEL to them, a new REQUEST to the colleague
		mvc.perform(put("/api/v1/activities/{id}", id).header("Authorization", token).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"subject": "Contract talk", "startsAt": "%s", "endsAt": "%s", "location": "Room 7",
					 "participants": ["user:%s"]}
					""".formatted(start, start.plus(Duration.ofHours(1)), colleague.getId())))
			.andExpect(status().isOk());
		assertThat(calendarTo(buyerEmail, "CANCEL")).contains("STATUS:CANCELLED");

		mvc.perform(post("/api/v1/activities/{id}/cancel", id).header("Authorization", token)
			.header("If-Match", "\"1\""))
			.andExpect(status().isOk());
		ICalendar cancel = Biweekly.parse(calendarTo(colleague.getUsername() + "@example.com", "CANCEL")).first();
		assertThat(cancel.getEvents().get(0).getUid().getValue()).isEqualTo(id + "@rapport");
		assertThat(cancel.getEvents().get(0).getSequence().getValue()).isEqualTo(2);
	}

	@Autowired
	org.rapport.activities.internal.ActivityBook activities;

	@Test
	void aWeeklySeriesInvitesOnceWithItsRuleAndZoneAndAnOccurrenceMovedApartGoesOnItsRecurrenceId() {
		java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
		org.rapport.identity.Actor utc = data.actor(organiser);
		org.rapport.identity.Actor actor = new org.rapport.identity.Actor(utc.id(), utc.displayName(), utc.team(),
				utc.roles(), utc.scope(), berlin, utc.locale());
		// Mondays at 10:00 in Berlin, four times, across the change to summer time on 29 March
		int year = java.time.LocalDate.now().getYear() + 1;
		java.time.LocalDateTime first = java.time.LocalDate.of(year, 3, 31)
			.with(java.time.temporal.TemporalAdjusters.previous(java.time.DayOfWeek.SUNDAY))
			.minusDays(13)
			.atTime(10, 0);
		Instant start = first.atZone(berlin).toInstant();
		var series = activities.create(actor, new org.rapport.activities.internal.ActivityDetails(
				org.rapport.activities.ActivityKind.MEETING, "Weekly sync", new org.rapport.shared.RecordRef("account",
						account.value()), null, null, null, start, start.plus(Duration.ofMinutes(30)), false, null,
				List.of(new org.rapport.shared.RecordRef("contact", buyer.value())), null, null, null, null, null, null,
				null, null, -1, org.rapport.activities.internal.Recurrence.parse("FREQ=WEEKLY;COUNT=4", berlin)),
				java.util.Map.of());

		ICalendar invitation = Biweekly.parse(calendarTo(buyerEmail, "REQUEST")).first();
		assertThat(invitation.validate(ICalVersion.V2_0).isEmpty()).as(invitation.validate(ICalVersion.V2_0).toString())
			.isTrue();
		var event = invitation.getEvents().get(0);
		assertThat(event.getUid().getValue()).isEqualTo(series.getId() + "@rapport");
		assertThat(invitation.getTimezoneInfo().getComponents()).hasSize(1);
		// the calendar program expands the rule in the zone the invitation carries: the same four Mondays at 10:00
		var zone = invitation.getTimezoneInfo().getTimezone(event.getDateStart()).getTimeZone();
		var iterator = event.getDateIterator(zone);
		List<Instant> theirs = new java.util.ArrayList<>();
		while (iterator.hasNext()) {
			theirs.add(iterator.next().toInstant());
		}
		assertThat(theirs).containsExactlyElementsOf(series.occurrences(null, null, 10)).hasSize(4);
		assertThat(theirs).extracting(at -> at.atZone(berlin).toLocalTime()).containsOnly(java.time.LocalTime.of(10, 0));
		assertThat(theirs.get(0).atZone(berlin).getOffset()).isNotEqualTo(theirs.get(3).atZone(berlin).getOffset());

		Instant second = theirs.get(1);
		activities.rescheduleOccurrence(actor, series.getId(), second, series.getVersion(),
				second.plus(Duration.ofHours(2)), null);
		ICalendar moved = Biweekly.parse(calendarTo(buyerEmail, "REQUEST")).first();
		var occurrence = moved.getEvents().get(0);
		assertThat(occurrence.getUid().getValue()).isEqualTo(series.getId() + "@rapport");
		assertThat(occurrence.getRecurrenceId().getValue().toInstant()).isEqualTo(second);
		assertThat(occurrence.getDateStart().getValue().toInstant()).isEqualTo(second.plus(Duration.ofHours(2)));
		assertThat(occurrence.getRecurrenceRule()).isNull();
	}
}
