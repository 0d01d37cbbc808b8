package org.rapport.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * Why the domain refused what was asked of it, as a message key with its arguments and the English message, so that
 * the web layer can answer in the reader's language; its kinds say what refused it.
 */
public abstract class DomainException extends RuntimeException implements MessageSourceResolvable {

	private final String messageKey;
	private final Object[] arguments;

	protected DomainException(String messageKey, Object[] arguments, String defaultMessage) {
		super(defaultMessage);
		this.messageKey = messageKey;
		this.arguments = arguments == null ? new Object[0] : arguments.clone();
	}

	/** The key of the message that says why. */
	public String messageKey() {
		return messageKey;
	}

	@Override
	public String[] getCodes() {
		return new String[] { messageKey };
	}

	@Override
	public Object[] getArguments() {
		return arguments.clone();
	}

	/** The English message, for the logs and where the bundles lack the key. */
	@Override
	public String getDefaultMessage() {
		return getMessage();
	}

	/** The message in the language of the locale. */
	public String message(MessageSource messages, Locale locale) {
		return messages.getMessage(this, locale);
	}
}
