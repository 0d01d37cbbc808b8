package org.rapport.notifications;

import java.util.List;
import java.util.Objects;

/**
 * An e-mail another module sends through Rapport's queue, such as a meeting invitation or an answer to a customer: to
 * one address, with a plain text body and, for an invitation, an iCalendar part ({@code null} for none) whose
 * {@code METHOD} names what it asks (REQUEST, CANCEL). A message of a conversation carries its thread: its own
 * Message-ID, the one it answers and the earlier ones ({@code null} or empty for none), and where replies go.
 */
public record OutgoingMail(String to, String subject, String body, String calendar, Thread thread) {

	public OutgoingMail {
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(body, "body");
	}

	public OutgoingMail(String to, String subject, String body, String calendar) {
		this(to, subject, body, calendar, null);
	}

	/**
	 * The headers that thread a message: its Message-ID, the Message-ID it answers (In-Reply-To), the conversation's
	 * earlier Message-IDs, oldest first (References), and the Reply-To address; each in angle brackets as mail writes
	 * them, and any may be {@code null}.
	 */
	public record Thread(String messageId, String inReplyTo, List<String> references, String replyTo) {

		public Thread {
			references = references == null ? List.of() : List.copyOf(references);
		}
	}
}
