package org.rapport.activities.internal;

import java.util.List;
import java.util.Set;
import org.rapport.activities.ActivityKind;
import org.rapport.identity.Actor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.notifications.Delivery;
import org.rapport.notifications.Notice;
import org.rapport.notifications.NoticeKind;
import org.rapport.notifications.Notifications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * What activities tell users: an activity someone else gave them, a mention of them in a note, a task that falls
 * due and a meeting about to start. The kinds are declared here; users choose on their settings page how they get
 * each.
 */
@Component
public class ActivityNotices {

	public static final String ASSIGNED = "activity.assigned";
	public static final String MENTIONED = "activity.mention";
	public static final String TASK_DUE = "activity.taskDue";
	public static final String MEETING_SOON = "activity.meetingSoon";

	private final Notifications notifications;
	private final UserDirectory directory;

	ActivityNotices(Notifications notifications, UserDirectory directory) {
		this.notifications = notifications;
		this.directory = directory;
	}

	/** Tells the owner that the actor gave them the activity; nothing when they gave it to themselves. */
	void assigned(Actor actor, Activity activity) {
		if (!actor.id().value().equals(activity.getOwnerId())) {
			notifications.notify(new Notice(new UserId(activity.getOwnerId()), ASSIGNED, "notice.activity.assigned",
					List.of(actor.displayName(), activity.getSubject()), link(activity), actor.id()));
		}
	}

	/**
	 * Tells the users the note mentions, but for those mentioned before ({@code already}) and those who may not see
	 * the note.
	 */
	void mentioned(Actor actor, Activity activity, Set<String> already) {
		if (activity.getKind() != ActivityKind.NOTE) {
			return;
		}
		for (String name : Mentions.in(activity.getBody())) {
			if (already.contains(name)) {
				continue;
			}
			directory.findActiveByUsername(name)
				.flatMap(user -> directory.actorOf(user.id()))
				.filter(user -> user.canSee(new UserId(activity.getOwnerId()), team(activity.getTeamId())))
				.ifPresent(user -> notifications.notify(new Notice(user.id(), MENTIONED, "notice.activity.mention",
						List.of(actor.displayName(), activity.getSubject()), link(activity), actor.id())));
		}
	}

	/**
	 * The alert of a task that fell due, to its owner, or of a meeting about to start, to its owner and the users
	 * who take part, each with the start in their own time zone and language.
	 */
	void alert(Activity activity) {
		alert(activity, activity.start(), link(activity));
	}

	/** Alerts the occurrence of a series that starts then, linking to that occurrence. */
	void alert(Activity series, java.time.Instant start) {
		alert(series, start, link(series) + "?occurrence=" + start);
	}

	private void alert(Activity activity, java.time.Instant start, String link) {
		if (activity.getKind() == ActivityKind.TASK) {
			notifications.notify(new Notice(new UserId(activity.getOwnerId()), TASK_DUE, "notice.activity.taskDue",
					List.of(activity.getSubject()), link, null));
			return;
		}
		java.util.Set<java.util.UUID> people = new java.util.LinkedHashSet<>();
		people.add(activity.getOwnerId());
		activity.getParticipants().stream().filter(Participant::isUser).forEach(p -> people.add(p.id()));
		for (java.util.UUID person : people) {
			directory.actorOf(new UserId(person)).ifPresent(user -> notifications.notify(new Notice(user.id(),
					MEETING_SOON, "notice.activity.meetingSoon", List.of(activity.getSubject(),
							java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT)
								.withLocale(user.locale())
								.withZone(user.zone())
								.format(start)),
					link, null)));
		}
	}

	static String link(Activity activity) {
		return "/activities/" + activity.getId();
	}

	private static TeamId team(java.util.UUID team) {
		return team == null ? null : new TeamId(team);
	}

	/** The kinds of notice activities send. */
	@Configuration(proxyBeanMethods = false)
	static class Kinds {

		@Bean
		NoticeKind activityAssigned() {
			return new NoticeKind(ASSIGNED, "notice.kind.activity.assigned", Delivery.BOTH);
		}

		@Bean
		NoticeKind activityMentioned() {
			return new NoticeKind(MENTIONED, "notice.kind.activity.mention", Delivery.BOTH);
		}

		@Bean
		NoticeKind taskDue() {
			return new NoticeKind(TASK_DUE, "notice.kind.activity.taskDue", Delivery.IN_APP);
		}

		@Bean
		NoticeKind meetingSoon() {
			return new NoticeKind(MEETING_SOON, "notice.kind.activity.meetingSoon", Delivery.BOTH);
		}
	}
}
