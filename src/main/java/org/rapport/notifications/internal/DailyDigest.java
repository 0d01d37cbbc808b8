package org.rapport.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: to each user who asked for it, one e-mail listing what they have not read since the last one
 * (at most a day back), in their language; nothing when there is nothing. Each user's digest is queued in a
 * transaction of its own that also notes when it was sent, so that a run cut short and run again sends no user two.
 */
@Component
public class DailyDigest {

	private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

	/** How many notices a digest lists at most. */
	static final int SHOWN = 50;

	private final JdbcTemplate jdbc;
	private final NotificationRows rows;
	private final UserDirectory directory;
	private final MailQueue mail;
	private final MessageSource messages;
	private final MailProperties properties;
	private final Clock clock;
	private final TransactionTemplate transactions;

	DailyDigest(JdbcTemplate jdbc, NotificationRows rows, UserDirectory directory, MailQueue mail,
			MessageSource messages, MailProperties properties, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.directory = directory;
		this.mail = mail;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** Queues the digest of every user who asked for it; answers how many were queued. */
	public int sendAll() {
		Instant now = clock.instant();
		Instant dayAgo = now.minus(Duration.ofDays(1));
		List<UUID> users = jdbc.queryForList("select user_id from notification_digest where enabled = true "
				+ "and (last_sent_at is null or last_sent_at < ?)", UUID.class,
				now.minus(Duration.ofHours(20)).atOffset(ZoneOffset.UTC));
		int queued = 0;
		for (UUID user : users) {
			Boolean done = transactions.execute(status -> digestOf(new UserId(user), now, dayAgo));
			queued += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		log.info("Daily digest: {} e-mails queued", queued);
		return queued;
	}

	private boolean digestOf(UserId user, Instant now, Instant dayAgo) {
		OffsetDateTime last = jdbc.queryForObject("select last_sent_at from notification_digest where user_id = ?",
				OffsetDateTime.class, user.value());
		Instant since = last == null || last.toInstant().isBefore(dayAgo) ? dayAgo : last.toInstant();
		jdbc.update("update notification_digest set last_sent_at = ? where user_id = ?", now.atOffset(ZoneOffset.UTC),
				user.value());
		Actor actor = directory.actorOf(user).orElse(null);
		String address = directory.find(user).map(UserSummary::email).orElse(null);
		if (actor == null || address == null || address.isBlank()) {
			return false;
		}
		List<Notification> unread = rows.unreadSince(user.value(), since, PageRequest.of(0, SHOWN));
		if (unread.isEmpty()) {
			return false;
		}
		StringBuilder body = new StringBuilder();
		for (Notification notice : unread) {
			body.append("- ")
				.append(messages.getMessage(notice.getMessageKey(), notice.argumentArray(), notice.getMessageKey(),
						actor.locale()))
				.append(notice.getLink() == null ? "" : "\n  " + properties.baseUrl() + notice.getLink())
				.append('\n');
		}
		body.append('\n')
			.append(messages.getMessage("notification.mail.footer",
					new Object[] { properties.baseUrl() + "/notifications/settings" }, actor.locale()));
		mail.enqueue(address,
				messages.getMessage("notification.digest.subject", new Object[] { unread.size() }, actor.locale()),
				body.toString(), null);
		return true;
	}
}
