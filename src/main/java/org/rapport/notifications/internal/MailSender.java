package org.rapport.notifications.internal;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the queued e-mails through the SMTP server, each at most once: it claims an e-mail before talking to the
 * server and marks it sent after. An e-mail the server refused before taking it (no connection, a failed sign-in, a
 * temporary 4xx answer) goes back to the queue for a later attempt, waiting twice as long each time; any other
 * failure ends it, since the server may have taken it. No database transaction stays open while the server talks.
 * Runs on the scheduler (every {@code rapport.mail.send-every}) and right after a transaction that queued e-mail
 * commits; several nodes may run it at once, the claim decides.
 */
@Component("queuedMailSender")
public class MailSender {

	private static final Logger log = LoggerFactory.getLogger(MailSender.class);

	/** How many e-mails one run sends at most. */
	static final int BATCH = 50;

	/** After this long an e-mail claimed by a node that never said how it went counts as unknown, never resent. */
	static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

	private static final Pattern TEMPORARY = Pattern.compile("^\\s*4\\d\\d\\b.*", Pattern.DOTALL);

	private final ObjectProvider<JavaMailSender> smtp;
	private final MailProperties properties;
	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final Executor background = new SimpleAsyncTaskExecutor("mail-");
	private final AtomicBoolean running = new AtomicBoolean();

	MailSender(ObjectProvider<JavaMailSender> smtp, MailProperties properties, JdbcTemplate jdbc, Clock clock) {
		this.smtp = smtp;
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether an SMTP server is configured ({@code spring.mail.host}). */
	public boolean isConfigured() {
		return smtp.getIfAvailable() != null;
	}

	/** Sends what is due on a thread of its own, unless a run is going on here already. */
	void soon() {
		if (isConfigured()) {
			background.execute(this::sendDue);
		}
	}

	/** Sends the e-mails that are due; answers how many went out. */
	public int sendDue() {
		JavaMailSender server = smtp.getIfAvailable();
		if (server == null || !running.compareAndSet(false, true)) {
			return 0;
		}
		try {
			Instant now = clock.instant();
			jdbc.update("update mail_message set status = 'UNKNOWN', last_error = ? where status = 'SENDING' "
					+ "and claimed_at < ?", "Claimed by a node that stopped before saying whether it was sent",
					utc(now.minus(ABANDONED_AFTER)));
			List<Queued> due = jdbc.query("select id, recipient, subject, body, calendar, attempts, message_id, "
					+ "in_reply_to, mail_references, reply_to from mail_message "
					+ "where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at, id limit " + BATCH,
					(row, i) -> new Queued(row.getObject("id", UUID.class), row.getString("recipient"),
							row.getString("subject"), row.getString("body"), row.getString("calendar"),
							row.getInt("attempts"), row.getString("message_id"), row.getString("in_reply_to"),
							row.getString("mail_references"), row.getString("reply_to")),
					utc(now));
			int sent = 0;
			for (Queued mail : due) {
				if (claim(mail)) {
					sent += send(server, mail) ? 1 : 0;
				}
			}
			return sent;
		}
		finally {
			running.set(false);
		}
	}

	private boolean claim(Queued mail) {
		return jdbc.update("update mail_message set status = 'SENDING', claimed_at = ?, attempts = attempts + 1 "
				+ "where id = ? and status = 'PENDING'", utc(clock.instant()), mail.id()) == 1;
	}

	private boolean send(JavaMailSender server, Queued mail) {
		try {
			MimeMessage message = mail.messageId() != null && server instanceof JavaMailSenderImpl impl
					? new KeptIdMessage(impl.getSession()) : server.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, mail.calendar() != null, "UTF-8");
			helper.setFrom(properties.from());
			helper.setTo(mail.recipient());
			helper.setSubject(mail.subject());
			helper.setText(mail.body(), false);
			if (mail.replyTo() != null) {
				helper.setReplyTo(mail.replyTo());
			}
			if (mail.messageId() != null) {
				message.setHeader("Message-ID", mail.messageId());
			}
			if (mail.inReplyTo() != null) {
				message.setHeader("In-Reply-To", mail.inReplyTo());
			}
			if (mail.references() != null) {
				message.setHeader("References", mail.references());
			}
			if (mail.calendar() != null) {
				helper.addAttachment("invite.ics", new jakarta.mail.util.ByteArrayDataSource(mail.calendar(),
						"text/calendar; charset=UTF-8; method=" + method(mail.calendar())));
			}
			server.send(message);
		}
		catch (MailException | MessagingException | java.io.IOException failed) {
			int attempts = mail.attempts() + 1;
			if (refusedBeforeTaken(failed) && attempts < properties.maxAttempts()) {
				Instant next = clock.instant().plus(properties.retryAfter().multipliedBy(1L << Math.min(attempts - 1, 16)));
				jdbc.update("update mail_message set status = 'PENDING', next_attempt_at = ?, last_error = ? "
						+ "where id = ?", utc(next), describe(failed), mail.id());
				log.info("E-mail {} to {} refused ({}); next attempt at {}", mail.id(), mail.recipient(),
						describe(failed), next);
			}
			else {
				jdbc.update("update mail_message set status = 'FAILED', last_error = ? where id = ?", describe(failed),
						mail.id());
				log.warn("E-mail {} to {} not sent: {}", mail.id(), mail.recipient(), describe(failed));
			}
			return false;
		}
		jdbc.update("update mail_message set status = 'SENT', sent_at = ? where id = ?", utc(clock.instant()),
				mail.id());
		return true;
	}

	/** Whether the server refused the e-mail before taking it, so that another attempt cannot send it twice. */
	static boolean refusedBeforeTaken(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MailAuthenticationException || cause instanceof AuthenticationFailedException
					|| cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException) {
				return true;
			}
			if (cause instanceof MessagingException && cause.getMessage() != null
					&& TEMPORARY.matcher(cause.getMessage()).matches()) {
				return true;
			}
			if (cause instanceof org.springframework.mail.MailSendException send) {
				for (Exception each : send.getMessageExceptions()) {
					if (each != failure && refusedBeforeTaken(each)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static String method(String calendar) {
		return calendar.contains("METHOD:CANCEL") ? "CANCEL" : "REQUEST";
	}

	private static String describe(Throwable failure) {
		String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		return text.length() > 1000 ? text.substring(0, 1000) : text;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Queued(UUID id, String recipient, String subject, String body, String calendar, int attempts,
			String messageId, String inReplyTo, String references, String replyTo) {
	}

	/**
	 * A message that keeps the Message-ID it was given: JavaMail makes up a new one when the message is saved, which
	 * would break the thread that the answers to it follow.
	 */
	private static final class KeptIdMessage extends MimeMessage {

		KeptIdMessage(jakarta.mail.Session session) {
			super(session);
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			if (getHeader("Message-ID") == null) {
				super.updateMessageID();
			}
		}
	}
}
