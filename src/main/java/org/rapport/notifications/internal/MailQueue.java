package org.rapport.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.rapport.shared.UuidV7;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The e-mails to send: one is queued in the transaction that decides it, so that it leaves only if that commits,
 * and {@link MailSender} sends it afterwards, outside any transaction.
 */
@Component
public class MailQueue {

	/** The longest subject, in characters; a longer one is cut. */
	static final int MAX_SUBJECT = 300;

	/** The longest References header kept, in characters. */
	static final int MAX_REFERENCES = 4000;

	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final ObjectProvider<MailSender> sender;

	MailQueue(JdbcTemplate jdbc, Clock clock, ObjectProvider<MailSender> sender) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.sender = sender;
	}

	/**
	 * Queues an e-mail to one address, with a plain text body and, for an invitation, an iCalendar part
	 * ({@code null} for none); answers its id.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID enqueue(String recipient, String subject, String body, String calendar) {
		return enqueue(recipient, subject, body, calendar, null);
	}

	/** Queues an e-mail with the headers that thread it in its conversation ({@code null} for none). */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID enqueue(String recipient, String subject, String body, String calendar,
			org.rapport.notifications.OutgoingMail.Thread thread) {
		UUID id = UuidV7.next();
		jdbc.update(INSERT, row(id, recipient, subject, body, calendar, thread, clock.instant()));
		sendAfterCommit();
		return id;
	}

	/** An e-mail with a plain text body alone. */
	public record Plain(String recipient, String subject, String body) {
	}

	/** Queues e-mails with a plain text body alone, written together. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueueAll(java.util.List<Plain> mails) {
		if (mails.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		jdbc.batchUpdate(INSERT, mails.stream()
			.map(plain -> row(UuidV7.next(), plain.recipient(), plain.subject(), plain.body(), null, null, now))
			.toList());
		sendAfterCommit();
	}

	private static final String INSERT = "insert into mail_message (id, recipient, subject, body, calendar, status, "
			+ "attempts, next_attempt_at, created_at, message_id, in_reply_to, mail_references, reply_to) "
			+ "values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?, ?)";

	private static Object[] row(UUID id, String recipient, String subject, String body, String calendar,
			org.rapport.notifications.OutgoingMail.Thread thread, Instant now) {
		String line = subject.replaceAll("[\\r\\n]+", " ").strip();
		return new Object[] { id, recipient.strip(),
				line.length() > MAX_SUBJECT ? line.substring(0, MAX_SUBJECT - 1) + "\u2026" : line, body, calendar,
				now.atOffset(java.time.ZoneOffset.UTC), now.atOffset(java.time.ZoneOffset.UTC),
				header(thread == null ? null : thread.messageId()), header(thread == null ? null : thread.inReplyTo()),
				references(thread), thread == null ? null : thread.replyTo() };
	}

	/** The sender goes to work once the transaction that queued the e-mails commits. */
	private void sendAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sender.getObject().soon();
				}
			});
		}
	}

	/**
	 * The References header: the conversation's Message-IDs, oldest first; where they are too many, the first and the
	 * latest, which mail clients thread by.
	 */
	static String references(org.rapport.notifications.OutgoingMail.Thread thread) {
		if (thread == null || thread.references().isEmpty()) {
			return null;
		}
		java.util.List<String> ids = new java.util.ArrayList<>(thread.references().stream()
			.map(MailQueue::header)
			.filter(java.util.Objects::nonNull)
			.toList());
		while (ids.size() > 1 && String.join(" ", ids).length() > MAX_REFERENCES) {
			ids.remove(1);
		}
		String joined = String.join(" ", ids);
		return joined.isEmpty() || joined.length() > MAX_REFERENCES ? null : joined;
	}

	private static String header(String value) {
		return value == null || value.isBlank() ? null : value.replaceAll("[\\r\\n]+", "").strip();
	}
}
