package org.rapport.notifications;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of notice that a module sends, declared as a bean: users choose per kind how they get it, on their
 * notification settings page.
 *
 * @param code the kind's name, such as {@code activity.assigned}
 * @param labelKey the message key of what the settings page calls it
 * @param defaultDelivery how users who chose nothing get it
 */
public record NoticeKind(String code, String labelKey, Delivery defaultDelivery) {

	private static final Pattern CODE = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)+");

	public NoticeKind {
		Objects.requireNonNull(labelKey, "labelKey");
		Objects.requireNonNull(defaultDelivery, "defaultDelivery");
		if (code == null || !CODE.matcher(code).matches() || code.length() > 60) {
			throw new IllegalArgumentException("A kind of notice is named module.what, such as activity.assigned: "
					+ code);
		}
	}
}
