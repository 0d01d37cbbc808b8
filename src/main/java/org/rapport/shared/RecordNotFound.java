package org.rapport.shared;

/**
 * The record does not exist, or the actor may not see it: the two answer alike, so that a hidden record's existence
 * stays hidden.
 */
public class RecordNotFound extends DomainException {

	public RecordNotFound(String messageKey, String defaultMessage, Object... arguments) {
		super(messageKey, arguments, defaultMessage);
	}
}
