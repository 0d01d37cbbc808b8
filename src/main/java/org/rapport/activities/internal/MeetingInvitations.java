package org.rapport.activities.internal;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationStatus;
import biweekly.property.Attendee;
import biweekly.property.Organizer;
import biweekly.property.Status;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rapport.activities.ActivityKind;
import org.rapport.identity.Actor;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.UserSummary;
import org.rapport.notifications.Notifications;
import org.rapport.notifications.OutgoingMail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Invites a meeting's participants by e-mail with an iCalendar {@code REQUEST} that their calendar programs take in,
 * sends it again when the meeting changes (its {@code SEQUENCE} is the meeting's version) and a {@code CANCEL} when
 * it is cancelled or deleted, or to a participant taken off. A series goes as one event that repeats (its RRULE,
 * with the {@code VTIMEZONE} of its zone), an occurrence changed or cancelled apart as that event on its
 * {@code RECURRENCE-ID}. Users read it in their language and time zone,
 * contacts in English and UTC. The organiser is the meeting's owner, who needs an e-mail address for invitations to
 * go out; participants without one are left out. The e-mails leave after the change commits.
 */
@Component
class MeetingInvitations {

	private final Notifications notifications;
	private final UserDirectory directory;
	private final AboutRecords about;
	private final MessageSource messages;
	private final Clock clock;

	MeetingInvitations(Notifications notifications, UserDirectory directory, AboutRecords about,
			MessageSource messages, Clock clock) {
		this.notifications = notifications;
		this.directory = directory;
		this.about = about;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * After a meeting was planned or changed: a {@code REQUEST} to each participant, and a {@code CANCEL} to those in
	 * {@code before} who no longer take part.
	 */
	void planned(Actor actor, Activity meeting, Collection<Participant> before) {
		if (meeting.getKind() != ActivityKind.MEETING) {
			return;
		}
		if (meeting.getStatus() == ActivityStatus.CANCELLED) {
			cancelled(actor, meeting, meeting.getParticipants());
			return;
		}
		Optional<Guest> organiser = organiser(meeting);
		if (organiser.isEmpty()) {
			return;
		}
		List<Guest> guests = guests(actor, meeting, meeting.getParticipants());
		List<Participant> gone = before.stream().filter(p -> !meeting.getParticipants().contains(p)).toList();
		send(meeting, organiser.get(), guests, "REQUEST");
		send(meeting, organiser.get(), guests(actor, meeting, gone), "CANCEL");
	}

	/** After a meeting was cancelled or deleted: a {@code CANCEL} to each of its participants. */
	void cancelled(Actor actor, Activity meeting, Collection<Participant> participants) {
		if (meeting.getKind() != ActivityKind.MEETING) {
			return;
		}
		organiser(meeting).ifPresent(organiser -> send(meeting, organiser, guests(actor, meeting, participants),
				"CANCEL"));
	}

	private void send(Activity meeting, Guest organiser, List<Guest> guests, String method) {
		for (Guest guest : guests) {
			String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
				.withLocale(guest.locale())
				.withZone(guest.zone())
				.format(meeting.getStartsAt());
			String key = method.equals("CANCEL") ? "invitation.cancelled" : "invitation.request";
			String subject = messages.getMessage(key + ".subject", new Object[] { meeting.getSubject(), when },
					guest.locale());
			String body = messages.getMessage(key + ".body", new Object[] { organiser.name(), meeting.getSubject(), when,
					meeting.getLocation() == null ? "\u2014" : meeting.getLocation() }, guest.locale());
			notifications.mail(new OutgoingMail(guest.email(), subject, body,
					calendar(meeting, organiser, guests, method)));
		}
	}

	private String calendar(Activity meeting, Guest organiser, List<Guest> guests, String method) {
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//Rapport//Rapport CRM//EN");
		calendar.setMethod(method);
		VEvent event = new VEvent();
		// an occurrence changed apart from its series is that series' event on that date
		event.setUid((meeting.getSeriesId() != null ? meeting.getSeriesId() : meeting.getId()) + "@rapport");
		if (meeting.getSeriesId() != null) {
			event.setRecurrenceId(Date.from(meeting.getOriginalStart()));
		}
		if (meeting.isSeries()) {
			// a series repeats on the wall clock of its zone, which goes along so that every program keeps it
			calendar.getTimezoneInfo().setDefaultTimezone(IcalZones.assignment(meeting.zone(), meeting.getStartsAt()));
			event.setRecurrenceRule(IcalZones.recurrence(meeting.recurrence(), meeting.zone()));
		}
		event.setSequence((int) Math.min(Integer.MAX_VALUE, meeting.getVersion()));
		event.setDateTimeStamp(Date.from(clock.instant()));
		event.setSummary(meeting.getSubject());
		event.setLocation(meeting.getLocation());
		event.setDateStart(Date.from(meeting.getStartsAt()));
		event.setDateEnd(Date.from(meeting.getEndsAt()));
		event.setStatus(method.equals("CANCEL") ? Status.cancelled() : Status.confirmed());
		Organizer organizer = new Organizer(organiser.name(), organiser.email());
		event.setOrganizer(organizer);
		for (Guest guest : guests) {
			Attendee attendee = new Attendee(guest.name(), guest.email());
			attendee.setParticipationStatus(ParticipationStatus.NEEDS_ACTION);
			attendee.setRsvp(true);
			event.addAttendee(attendee);
		}
		calendar.addEvent(event);
		return Biweekly.write(calendar).go();
	}

	private Optional<Guest> organiser(Activity meeting) {
		return directory.find(new UserId(meeting.getOwnerId()))
			.filter(user -> user.email() != null && !user.email().isBlank())
			.map(user -> new Guest(user.displayName(), user.email(), Locale.ENGLISH, ZoneId.of("UTC")));
	}

	/** The participants with an address, but for the organiser, each with their language and time zone. */
	private List<Guest> guests(Actor actor, Activity meeting, Collection<Participant> participants) {
		List<Guest> guests = new ArrayList<>();
		for (Participant participant : participants) {
			if (participant.isUser()) {
				if (participant.id().equals(meeting.getOwnerId())) {
					continue;
				}
				Optional<UserSummary> user = directory.find(new UserId(participant.id()));
				Optional<Actor> person = directory.actorOf(new UserId(participant.id()));
				if (user.isPresent() && person.isPresent() && user.get().email() != null && !user.get().email().isBlank()) {
					guests.add(new Guest(user.get().displayName(), user.get().email(), person.get().locale(),
							person.get().zone()));
				}
			}
			else {
				about.contact(actor, participant.id())
					.filter(contact -> contact.email() != null && !contact.email().isBlank())
					.ifPresent(contact -> guests.add(new Guest(contact.fullName(), contact.email(), Locale.ENGLISH,
							ZoneId.of("UTC"))));
			}
		}
		return guests;
	}

	/** Someone an invitation goes to, or its organiser. */
	private record Guest(String name, String email, Locale locale, ZoneId zone) {
	}
}
