package org.rapport.notifications;

import java.util.List;
import java.util.Objects;
import org.rapport.identity.UserId;

/**
 * What one user is to be told: the kind (a {@link NoticeKind#code()}), the text as a message key with its arguments,
 * which the recipient reads in their own language, and the page it is about.
 *
 * @param recipient who is told
 * @param kind the code of a declared {@link NoticeKind}
 * @param messageKey the text, such as {@code notice.activity.assigned} with {@code {0}} for the first argument
 * @param arguments the values of the text's placeholders
 * @param link the path of the page it is about, such as {@code /activities/…}, or {@code null}
 * @param sender who caused it, or {@code null} for Rapport itself
 */
public record Notice(UserId recipient, String kind, String messageKey, List<String> arguments, String link,
		UserId sender) {

	public Notice {
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(messageKey, "messageKey");
		arguments = arguments == null ? List.of() : List.copyOf(arguments);
		if (link != null && (!link.startsWith("/") || link.startsWith("//"))) {
			throw new IllegalArgumentException("A notice links to a page of Rapport: " + link);
		}
	}
}
