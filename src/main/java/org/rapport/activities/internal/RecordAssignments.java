package org.rapport.activities.internal;

import java.util.List;
import java.util.Optional;
import org.rapport.identity.Actor;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.notifications.Delivery;
import org.rapport.notifications.NoticeKind;
import org.rapport.notifications.Notifications;
import org.rapport.shared.RecordAssigned;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a user that someone gave them an account, contact, lead or opportunity, with a link to it, as the module
 * that owns the record announces it after the change; nothing when they took it themselves. A notice names the
 * record by its title as its module tells it, in the new owner's view.
 */
@Component
class RecordAssignments {

	static final String ASSIGNED = "record.assigned";

	private final Notifications notifications;
	private final UserDirectory directory;
	private final AboutRecords about;

	RecordAssignments(Notifications notifications, UserDirectory directory, AboutRecords about) {
		this.notifications = notifications;
		this.directory = directory;
		this.about = about;
	}

	@ApplicationModuleListener
	void on(RecordAssigned assigned) {
		if (assigned.owner().equals(assigned.by()) || !AboutRecords.TYPES.contains(assigned.record().type())) {
			return;
		}
		Optional<Actor> owner = directory.actorOf(new UserId(assigned.owner()));
		String title = about.titles(List.of(assigned.record())).get(assigned.record());
		if (owner.isEmpty() || title == null) {
			return;
		}
		UserId by = assigned.by() == null ? null : new UserId(assigned.by());
		String byName = by == null ? "" : directory.displayNames(List.of(by)).getOrDefault(by, "");
		notifications.notify(new org.rapport.notifications.Notice(owner.get().id(), ASSIGNED,
				"notice.record.assigned." + assigned.record().type(), List.of(byName, title),
				AboutRecords.path(assigned.record()), by));
	}

	/** The kind of notice, which users choose how to get. */
	@Configuration(proxyBeanMethods = false)
	static class Kind {

		@Bean
		NoticeKind recordAssigned() {
			return new NoticeKind(ASSIGNED, "notice.kind.record.assigned", Delivery.BOTH);
		}
	}
}
