package org.rapport.shared;

/**
 * The actor sees the record, or the page, but their role or their ownership does not allow what they asked.
 */
public class NotPermitted extends DomainException {

	public NotPermitted(String messageKey, String defaultMessage, Object... arguments) {
		super(messageKey, arguments, defaultMessage);
	}
}
