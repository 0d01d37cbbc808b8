package org.rapport.notifications;

import java.util.Objects;

/**
 * An e-mail another module sends through Rapport's queue, such as a meeting invitation: to one address, with a plain
 * text body and, for an invitation, an iCalendar part ({@code null} for none) whose {@code METHOD} names what it
 * asks (REQUEST, CANCEL).
 */
public record OutgoingMail(String to, String subject, String body, String calendar) {

	public OutgoingMail {
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(body, "body");
	}
}
