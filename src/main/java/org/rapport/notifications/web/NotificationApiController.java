package org.rapport.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.rapport.identity.CurrentActor;
import org.rapport.notifications.internal.Notification;
import org.rapport.notifications.internal.NotificationCentre;
import org.rapport.web.Paging;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "What you were told in the notification centre")
class NotificationApiController {

	private final NotificationCentre centre;
	private final CurrentActor currentActor;
	private final MessageSource messages;

	NotificationApiController(NotificationCentre centre, CurrentActor currentActor, MessageSource messages) {
		this.centre = centre;
		this.currentActor = currentActor;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "Your notifications, newest first", description = "unread=true lists only those not read "
			+ "yet; text is in your language (Accept-Language), link the page it is about.")
	NotificationPage list(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Paging paging = Paging.of(page, size);
		List<Notification> rows = centre.list(currentActor.get().id(), unread, paging.page(), paging.size() + 1);
		boolean hasNext = rows.size() > paging.size();
		return new NotificationPage((hasNext ? rows.subList(0, paging.size()) : rows).stream().map(this::resource)
			.toList(), paging.page(), paging.size(), hasNext, centre.unreadCount(currentActor.get().id()));
	}

	@GetMapping("/unread")
	@Operation(summary = "How many notifications you have not read", description = "Counted up to 100.")
	Unread unread() {
		return new Unread(centre.unreadCount(currentActor.get().id()));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark a notification read", description = "One read already stays as it is; another "
			+ "user's answers 404.")
	NotificationResource read(@PathVariable UUID id) {
		return resource(centre.read(currentActor.get().id(), id));
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all your notifications read", description = "Answers how many were unread.")
	Read readAll() {
		return new Read(centre.readAll(currentActor.get().id()));
	}

	private NotificationResource resource(Notification n) {
		return new NotificationResource(n.getId(), n.getKind(), messages.getMessage(n.getMessageKey(),
				n.argumentArray(), n.getMessageKey(), LocaleContextHolder.getLocale()), n.getLink(), n.getSenderId(),
				n.getCreatedAt(), n.getReadAt());
	}

	/** A notification: its kind, its text in your language, the page it is about, who caused it and when. */
	record NotificationResource(UUID id, String kind, String text, String link, UUID senderId, Instant createdAt,
			Instant readAt) {
	}

	/** A page of notifications and how many are unread in all. */
	record NotificationPage(List<NotificationResource> items, int page, int size, boolean hasNext, long unread) {
	}

	record Unread(long unread) {
	}

	record Read(int read) {
	}
}
