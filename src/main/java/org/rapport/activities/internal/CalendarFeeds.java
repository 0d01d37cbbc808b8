package org.rapport.activities.internal;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.component.VTodo;
import biweekly.property.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rapport.activities.ActivityKind;
import org.rapport.identity.Actor;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.shared.RecordRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's personal iCalendar feed, which Outlook, Google Calendar and Thunderbird subscribe to: a secret address
 * per user (only its SHA-256 is stored), reset at will, the old one stopping at once. The feed holds what the user's
 * calendar shows, as far as they may still see it: meetings and calls as events, tasks with a due time as to-dos,
 * from a month back to half a year ahead.
 */
@Service
@Transactional(readOnly = true)
public class CalendarFeeds {

	/** How far back the feed reaches. */
	static final Duration BACK = Duration.ofDays(31);

	/** How far ahead the feed reaches. */
	static final Duration AHEAD = Duration.ofDays(183);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;
	private final ActivityBook activities;
	private final AboutRecords about;
	private final UserDirectory directory;
	private final Clock clock;

	CalendarFeeds(JdbcTemplate jdbc, ActivityBook activities, AboutRecords about, UserDirectory directory,
			Clock clock) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.about = about;
		this.directory = directory;
		this.clock = clock;
	}

	/** Whether the user has a feed address. */
	public boolean hasFeed(UserId user) {
		return !jdbc.queryForList("select 1 from calendar_feed where user_id = ?", Integer.class, user.value())
			.isEmpty();
	}

	/** Gives the user a new secret, which the feed's address carries; any earlier address stops at once. */
	@Transactional
	public String reset(UserId user) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		java.time.OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		if (jdbc.update("update calendar_feed set secret_hash = ?, created_at = ? where user_id = ?", hash(secret), now,
				user.value()) == 0) {
			jdbc.update("insert into calendar_feed (user_id, secret_hash, created_at) values (?, ?, ?)", user.value(),
					hash(secret), now);
		}
		return secret;
	}

	/** Stops the user's feed. */
	@Transactional
	public void stop(UserId user) {
		jdbc.update("delete from calendar_feed where user_id = ?", user.value());
	}

	/** The feed of the user whose secret this is and who is still active, as iCalendar text. */
	public Optional<String> feed(String secret) {
		if (secret == null || secret.length() < 20 || secret.length() > 100) {
			return Optional.empty();
		}
		List<UUID> users = jdbc.queryForList("select user_id from calendar_feed where secret_hash = ?", UUID.class,
				hash(secret));
		return users.stream().findFirst().flatMap(user -> directory.actorOf(new UserId(user))).map(this::feedOf);
	}

	/** The feed of the actor's calendar, as iCalendar text. */
	public String feedOf(Actor actor) {
		Instant now = clock.instant();
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//Rapport//Rapport CRM//EN");
		calendar.setMethod("PUBLISH");
		calendar.setExperimentalProperty("X-WR-CALNAME", "Rapport \u00b7 " + actor.displayName());
		calendar.setExperimentalProperty("X-WR-TIMEZONE", actor.zone().getId());
		List<Occurrence> shown = activities.calendar(actor, null, null, now.minus(BACK), now.plus(AHEAD));
		Map<RecordRef, String> titles = about.titles(shown.stream().map(o -> o.activity().about()).distinct()
			.toList());
		for (Occurrence occurrence : shown) {
			add(calendar, occurrence, titles.get(occurrence.activity().about()), actor.zone());
		}
		// date-times are written in UTC; no VTIMEZONE is needed, and none is fetched from the network
		return Biweekly.write(calendar).go();
	}

	/**
	 * The feed's UID of what it shows: an activity's id; for an occurrence of a series, the series' id and the
	 * occurrence's original start, which it keeps once it changes apart from the series, so that a subscribed
	 * calendar sees the change rather than a new entry.
	 */
	static String uid(Occurrence occurrence) {
		Activity a = occurrence.activity();
		if (occurrence.isInSeries()) {
			return a.getId() + "-" + occurrence.original().getEpochSecond() + "@rapport";
		}
		if (a.getSeriesId() != null) {
			return a.getSeriesId() + "-" + a.getOriginalStart().getEpochSecond() + "@rapport";
		}
		return a.getId() + "@rapport";
	}

	private static void add(ICalendar calendar, Occurrence occurrence, String aboutTitle, ZoneId zone) {
		Activity a = occurrence.activity();
		String description = aboutTitle == null ? null : aboutTitle;
		if (a.getKind() == ActivityKind.TASK) {
			VTodo entry = new VTodo();
			entry.setUid(uid(occurrence));
			entry.setDateTimeStamp(Date.from(a.getUpdatedAt()));
			entry.setSummary(a.getSubject());
			entry.setDescription(description);
			entry.setDateDue(Date.from(occurrence.start()));
			entry.setStatus(a.getStatus() == ActivityStatus.DONE ? Status.completed() : Status.needsAction());
			entry.setSequence((int) Math.min(Integer.MAX_VALUE, a.getVersion()));
			calendar.addTodo(entry);
			return;
		}
		VEvent event = new VEvent();
		event.setUid(uid(occurrence));
		event.setDateTimeStamp(Date.from(a.getUpdatedAt()));
		event.setSummary(a.getSubject());
		event.setDescription(description);
		event.setLocation(a.getLocation());
		event.setSequence((int) Math.min(Integer.MAX_VALUE, a.getVersion()));
		event.setStatus(a.getStatus() == ActivityStatus.CANCELLED ? Status.cancelled() : Status.confirmed());
		if (a.isAllDay()) {
			LocalDate first = occurrence.start().atZone(zone).toLocalDate();
			LocalDate last = occurrence.end().atZone(zone).toLocalDate();
			// a date without a time is written as the JVM's zone reads the instant: its midnight there is that date
			event.setDateStart(Date.from(first.atStartOfDay(ZoneId.systemDefault()).toInstant()), false);
			event.setDateEnd(Date.from(last.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()), false);
		}
		else {
			event.setDateStart(Date.from(occurrence.start()));
			Instant end = occurrence.end().isAfter(occurrence.start()) ? occurrence.end()
					: occurrence.start().plusSeconds(60L * 15);
			event.setDateEnd(Date.from(end));
		}
		calendar.addEvent(event);
	}

	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}
