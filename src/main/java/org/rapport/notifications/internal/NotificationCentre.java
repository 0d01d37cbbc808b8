package org.rapport.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.UserSummary;
import org.rapport.notifications.Delivery;
import org.rapport.notifications.Notice;
import org.rapport.notifications.NoticeKind;
import org.rapport.notifications.Notifications;
import org.rapport.notifications.OutgoingMail;
import org.rapport.shared.RecordNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification centre: takes notices, keeps them for their recipients as each chose per kind, lists and marks
 * them read, and queues their e-mails.
 */
@Service
@Transactional(readOnly = true)
public class NotificationCentre implements Notifications {

	private static final Logger log = LoggerFactory.getLogger(NotificationCentre.class);

	/** The most the bell counts; above it shows this many and a plus. */
	public static final int COUNT_LIMIT = 99;

	private final NotificationRows rows;
	private final Map<String, NoticeKind> kinds = new LinkedHashMap<>();
	private final UserDirectory directory;
	private final MailQueue mail;
	private final MessageSource messages;
	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final String baseUrl;

	NotificationCentre(NotificationRows rows, List<NoticeKind> kinds, UserDirectory directory, MailQueue mail,
			MessageSource messages, JdbcTemplate jdbc, Clock clock, MailProperties properties) {
		this.rows = rows;
		kinds.forEach(kind -> {
			if (this.kinds.putIfAbsent(kind.code(), kind) != null) {
				throw new IllegalStateException("Two kinds of notice are called " + kind.code());
			}
		});
		this.directory = directory;
		this.mail = mail;
		this.messages = messages;
		this.jdbc = jdbc;
		this.clock = clock;
		this.baseUrl = properties.baseUrl();
	}

	@Override
	@Transactional
	public void notify(Notice notice) {
		notifyAll(List.of(notice));
	}

	@Override
	@Transactional
	public void notifyAll(List<Notice> notices) {
		Instant now = clock.instant();
		List<Notification> inApp = new java.util.ArrayList<>();
		List<MailQueue.Plain> mails = new java.util.ArrayList<>();
		// the same few users are told many things at once: each is read once
		Map<UserId, Optional<Actor>> actors = new java.util.HashMap<>();
		Map<UserId, Optional<String>> addresses = new java.util.HashMap<>();
		for (Notice notice : notices) {
			if (notice.sender() != null && notice.sender().equals(notice.recipient())) {
				continue;
			}
			NoticeKind kind = kinds.get(notice.kind());
			if (kind == null) {
				throw new IllegalArgumentException("No kind of notice " + notice.kind() + " is declared");
			}
			Optional<Actor> recipient = actors.computeIfAbsent(notice.recipient(), directory::actorOf);
			if (recipient.isEmpty()) {
				continue;
			}
			Delivery delivery = deliveryOf(notice.recipient(), kind);
			if (delivery.inApp()) {
				inApp.add(new Notification(notice, now));
			}
			if (delivery.byEmail()) {
				String address = addresses
					.computeIfAbsent(notice.recipient(), id -> directory.find(id).map(UserSummary::email))
					.orElse(null);
				if (address == null || address.isBlank()) {
					log.debug("No e-mail address for user {}: notice {} only in the centre", notice.recipient(),
							kind.code());
					continue;
				}
				Locale locale = recipient.get().locale();
				String text = messages.getMessage(notice.messageKey(), notice.arguments().toArray(), notice.messageKey(),
						locale);
				String body = text + (notice.link() == null ? "" : "\n\n" + baseUrl + notice.link()) + "\n\n"
						+ messages.getMessage("notification.mail.footer",
								new Object[] { baseUrl + "/notifications/settings" }, locale);
				mails.add(new MailQueue.Plain(address,
						messages.getMessage("notification.mail.subject", new Object[] { text }, locale), body));
			}
		}
		rows.saveAll(inApp);
		mail.enqueueAll(mails);
	}

	@Override
	@Transactional
	public void mail(OutgoingMail outgoing) {
		mail.enqueue(outgoing.to(), outgoing.subject(), outgoing.body(), outgoing.calendar(), outgoing.thread());
	}

	/**
	 * The user's choices as last read, kept for two seconds: a sweep tells the same few users many things at once.
	 * A user's own change clears them on this node.
	 */
	private final com.github.benmanes.caffeine.cache.Cache<String, Delivery> chosen = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder()
		.expireAfterWrite(java.time.Duration.ofSeconds(2))
		.maximumSize(10_000)
		.build();

	/** How the user gets the kind: as they chose, else the kind's default. */
	public Delivery deliveryOf(UserId user, NoticeKind kind) {
		return chosen.get(user.value() + " " + kind.code(), key -> {
			List<String> rows = jdbc.queryForList(
					"select delivery from notification_preference where user_id = ? and kind = ?", String.class,
					user.value(), kind.code());
			return rows.isEmpty() ? kind.defaultDelivery() : Delivery.valueOf(rows.get(0));
		});
	}

	/** The kinds of notice, in the order the modules declared them. */
	public List<NoticeKind> kinds() {
		return List.copyOf(kinds.values());
	}

	/** The user's choice for each kind. */
	public Map<String, Delivery> choicesOf(UserId user) {
		Map<String, Delivery> choices = new LinkedHashMap<>();
		kinds.values().forEach(kind -> choices.put(kind.code(), deliveryOf(user, kind)));
		return choices;
	}

	/** Keeps the user's choices; kinds not named stay as they are, unknown ones are ignored. */
	@Transactional
	public void choose(UserId user, Map<String, Delivery> choices, boolean digest) {
		choices.keySet().forEach(code -> chosen.invalidate(user.value() + " " + code));
		choices.forEach((code, delivery) -> {
			if (kinds.containsKey(code) && delivery != null) {
				int updated = jdbc.update("update notification_preference set delivery = ? where user_id = ? and kind = ?",
						delivery.name(), user.value(), code);
				if (updated == 0) {
					jdbc.update("insert into notification_preference (user_id, kind, delivery) values (?, ?, ?)",
							user.value(), code, delivery.name());
				}
			}
		});
		int updated = jdbc.update("update notification_digest set enabled = ? where user_id = ?", digest, user.value());
		if (updated == 0) {
			jdbc.update("insert into notification_digest (user_id, enabled) values (?, ?)", user.value(), digest);
		}
	}

	/** Whether the user gets the daily digest of what they have not read. */
	public boolean digestOf(UserId user) {
		List<Boolean> enabled = jdbc.queryForList("select enabled from notification_digest where user_id = ?",
				Boolean.class, user.value());
		return !enabled.isEmpty() && enabled.get(0);
	}

	/** The user's notices, newest first, a page of them; only the unread ones if asked. */
	public List<Notification> list(UserId user, boolean unreadOnly, int page, int size) {
		PageRequest request = PageRequest.of(Math.max(0, Math.min(page, 10_000)), Math.max(1, Math.min(size, 201)));
		return unreadOnly ? rows.unread(user.value(), request) : rows.latest(user.value(), request);
	}

	/** How many notices the user has not read, counted up to {@link #COUNT_LIMIT} and one more. */
	public long unreadCount(UserId user) {
		return rows.countUnread(user.value(), COUNT_LIMIT + 1);
	}

	/** Marks one of the user's notices read and answers it; another user's is not found. */
	@Transactional
	public Notification read(UserId user, UUID id) {
		Notification notification = rows.findById(id)
			.filter(found -> found.getRecipientId().equals(user.value()))
			.orElseThrow(() -> new RecordNotFound("notification.notFound", "No notification " + id, id));
		notification.read(clock.instant());
		return notification;
	}

	/** Marks every notice of the user read; answers how many were unread. */
	@Transactional
	public int readAll(UserId user) {
		return rows.readAll(user.value(), clock.instant());
	}
}
