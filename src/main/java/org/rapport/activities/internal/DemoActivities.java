package org.rapport.activities.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.rapport.activities.ActivityKind;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountSummary;
import org.rapport.customers.Customers;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserSummary;
import org.rapport.identity.VisibilityScope;
import org.rapport.shared.RecordRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A realistic week for each demo user on the accounts they own: overdue, today's and coming tasks, meetings with
 * teammates and the customer's contacts, a repeating stand-up and a weekly task, calls and e-mails logged in the last days and notes, so that "My work" and the timelines are alive on
 * first start.
 */
@Component
@Profile("demo")
@Order(4)
class DemoActivities implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoActivities.class);

	private static final String[] TASKS = { "Send the revised proposal", "Prepare the renewal offer",
			"Check the signed order form", "Book the onboarding workshop", "Follow up on the pilot feedback",
			"Update the stakeholder map", "Send the reference case study", "Confirm the budget with finance" };

	private static final String[] MEETINGS = { "Quarterly business review", "Kick-off for the pilot",
			"Demo of the analytics add-on", "Contract negotiation", "Onboarding planning" };

	private static final String[] CALLS = { "Discovery call", "Called about the open invoice",
			"Follow-up on the proposal", "Checked in after go-live" };

	private static final String[][] NOTES = {
			{ "Visit on site", "<p>Met the <b>operations team</b>. They want the analytics add-on before the summer.</p>" },
			{ "Budget", "<p>Budget approved for <b>20 seats</b>; the order comes after the legal review.</p>" },
			{ "Competitor", "<p>They also look at another CRM. Price matters less than <i>data import</i>.</p>" } };

	private final ActivityBook activities;
	private final Activities rows;
	private final Customers customers;
	private final UserDirectory directory;
	private final Clock clock;

	DemoActivities(ActivityBook activities, Activities rows, Customers customers, UserDirectory directory,
			Clock clock) {
		this.activities = activities;
		this.rows = rows;
		this.customers = customers;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (rows.count() > 0) {
			return;
		}
		List<UserSummary> users = directory.activeUsers();
		Actor everything = users.isEmpty() ? null
				: new Actor(users.get(0).id(), "Demo", null, Set.of(Role.ADMIN), VisibilityScope.ALL, null, null);
		if (everything == null) {
			return;
		}
		List<AccountSummary> accounts = customers.accountsNamed(everything, "", 300);
		if (accounts.isEmpty()) {
			return;
		}
		Random random = new Random(13);
		int count = 0;
		for (UserSummary user : users) {
			List<AccountSummary> own = accounts.stream().filter(a -> a.owner().equals(user.id())).toList();
			List<AccountSummary> theirs = own.isEmpty() ? accounts : own;
			Actor actor = new Actor(user.id(), user.displayName(), user.team(), Set.of(Role.SALES),
					own.isEmpty() ? VisibilityScope.ALL : VisibilityScope.TEAM, ZoneId.of("UTC"), null);
			List<UserSummary> teammates = users.stream()
				.filter(u -> u.team() != null && u.team().equals(user.team()) && !u.id().equals(user.id()))
				.toList();
			count += weekOf(actor, theirs, teammates, random);
		}
		log.info("Demo activities created: {}", count);
	}

	private int weekOf(Actor actor, List<AccountSummary> accounts, List<UserSummary> teammates, Random random) {
		Instant now = clock.instant();
		Instant today = LocalDate.now(clock).atStartOfDay(ZoneId.of("UTC")).toInstant();
		int count = 0;
		// two overdue, two today, three in the next days, one done
		int[] dueInHours = { -30, -52, 10, 15, 24 + 11, 72 + 9, 120 + 14 };
		for (int hours : dueInHours) {
			create(actor, ActivityKind.TASK, TASKS[random.nextInt(TASKS.length)], pick(accounts, random), null,
					today.plus(Duration.ofHours(hours)), null, null, List.of(), null);
			count++;
		}
		Activity done = create(actor, ActivityKind.TASK, "Send the welcome pack", pick(accounts, random), null,
				now.minus(Duration.ofDays(2)), null, null, List.of(), null);
		activities.complete(actor, done.getId(), done.getVersion());
		count++;
		for (int day = 0; day < 3; day++) {
			Instant start = today.plus(Duration.ofDays(day * 2L + 1)).plus(Duration.ofHours(9 + random.nextInt(7)));
			List<RecordRef> people = new ArrayList<>();
			if (!teammates.isEmpty()) {
				people.add(new RecordRef(Participant.USER, teammates.get(random.nextInt(teammates.size())).id().value()));
			}
			AccountSummary with = pick(accounts, random);
			Activity meeting = create(actor, ActivityKind.MEETING, MEETINGS[random.nextInt(MEETINGS.length)], with,
					null, null, start, start.plus(Duration.ofMinutes(60)), people, "Video call");
			// someone of the customer's takes part too; added here, so that no invitation goes to a made-up address
			customers.contactsOf(actor, with.id(), 1).forEach(contact -> meeting.getParticipantSet()
				.add(new Participant(Participant.CONTACT, contact.id().value())));
			rows.save(meeting);
			count++;
		}
		// a stand-up every Monday and Thursday, and the forecast to update each Friday for twelve weeks
		Instant monday = LocalDate.now(clock).with(java.time.temporal.TemporalAdjusters.previousOrSame(
				java.time.DayOfWeek.MONDAY)).atTime(9, 30).atZone(ZoneId.of("UTC")).toInstant();
		List<RecordRef> team = teammates.stream().limit(2)
			.map(mate -> new RecordRef(Participant.USER, mate.id().value()))
			.toList();
		activities.create(actor, new ActivityDetails(ActivityKind.MEETING, "Pipeline stand-up",
				new RecordRef(AccountId.TYPE, pick(accounts, random).id().value()), null, null, null, monday,
				monday.plus(Duration.ofMinutes(15)), false, "Video call", team, null, null, null, null, null, null,
				null, null, null, Recurrence.every(Recurrence.Frequency.WEEKLY).on(java.time.DayOfWeek.MONDAY,
						java.time.DayOfWeek.THURSDAY)), Map.of());
		Instant friday = LocalDate.now(clock).with(java.time.temporal.TemporalAdjusters.nextOrSame(
				java.time.DayOfWeek.FRIDAY)).atTime(16, 0).atZone(ZoneId.of("UTC")).toInstant();
		activities.create(actor, new ActivityDetails(ActivityKind.TASK, "Update the forecast",
				new RecordRef(AccountId.TYPE, pick(accounts, random).id().value()), null, Priority.HIGH, friday, null,
				null, false, null, List.of(), null, null, null, null, null, null, null, null, null,
				Recurrence.every(Recurrence.Frequency.WEEKLY).times(12)), Map.of());
		count += 2;
		for (int day = 1; day <= 3; day++) {
			Instant at = today.minus(Duration.ofDays(day)).plus(Duration.ofHours(10 + random.nextInt(6)));
			create(actor, ActivityKind.CALL, CALLS[random.nextInt(CALLS.length)], pick(accounts, random),
					"Spoke about the next steps.", null, at, null, List.of(), null);
			count++;
		}
		String[] note = NOTES[random.nextInt(NOTES.length)];
		String mention = teammates.isEmpty() ? ""
				: "<p>@" + teammates.get(random.nextInt(teammates.size())).username() + " can you take a look?</p>";
		create(actor, ActivityKind.NOTE, note[0], pick(accounts, random), note[1] + mention, null, null, null,
				List.of(), null);
		create(actor, ActivityKind.EMAIL, "Proposal sent", pick(accounts, random),
				"Please find our proposal attached.", null, now.minus(Duration.ofDays(1)), null, List.of(), null);
		return count + 2;
	}

	private Activity create(Actor actor, ActivityKind kind, String subject, AccountSummary account, String body,
			Instant due, Instant start, Instant end, List<RecordRef> participants, String location) {
		RecordRef about = new RecordRef(AccountId.TYPE, account.id().value());
		boolean call = kind == ActivityKind.CALL;
		boolean email = kind == ActivityKind.EMAIL;
		return activities.create(actor, new ActivityDetails(kind, subject, about, null,
				kind == ActivityKind.TASK ? Priority.NORMAL : null, due, start, end, false, location,
				new ArrayList<>(participants), call || email ? Direction.OUTBOUND : null, call ? 15 : null,
				call ? CallOutcome.CONNECTED : null, email ? actor.displayName() : null,
				email ? "purchasing@example.com" : null, body,
				null, null), Map.of());
	}

	private static AccountSummary pick(List<AccountSummary> accounts, Random random) {
		return accounts.get(random.nextInt(accounts.size()));
	}
}
