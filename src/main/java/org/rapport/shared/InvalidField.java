package org.rapport.shared;

/**
 * A value that passed the form's checks but not the domain's, such as an owner who has left. The UI shows its
 * message at the field; the API names the field, the key as its code and the English message.
 */
public class InvalidField extends DomainException {

	private final String field;

	public InvalidField(String field, String messageKey, String defaultMessage) {
		super(messageKey, null, defaultMessage);
		this.field = field;
	}

	/** A refused value whose message takes arguments, such as the line of a file that cannot be read. */
	public InvalidField(String field, String messageKey, String defaultMessage, Object... arguments) {
		super(messageKey, arguments, defaultMessage);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
