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
		UUID id = UuidV7.next();
		Instant now = clock.instant();
		String line = subject.replaceAll("[\\r\\n]+", " ").strip();
		jdbc.update("insert into mail_message (id, recipient, subject, body, calendar, status, attempts, "
				+ "next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)", id, recipient.strip(),
				line.length() > MAX_SUBJECT ? line.substring(0, MAX_SUBJECT - 1) + "\u2026" : line, body, calendar,
				now.atOffset(java.time.ZoneOffset.UTC), now.atOffset(java.time.ZoneOffset.UTC));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sender.getObject().soon();
				}
			});
		}
		return id;
	}
}
