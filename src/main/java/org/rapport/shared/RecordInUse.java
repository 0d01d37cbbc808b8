package org.rapport.shared;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * A record that cannot go, or not yet, because other records hold it, such as an account with orders. The reason is
 * a message whose first argument names the record and whose second lists what holds it, both in the reader's
 * language.
 */
public class RecordInUse extends DomainException {

	private final String name;
	private final List<? extends MessageSourceResolvable> holders;

	public RecordInUse(String messageKey, String name, List<? extends MessageSourceResolvable> holders,
			String defaultMessage) {
		super(messageKey, new Object[] { name }, defaultMessage);
		this.name = name;
		this.holders = List.copyOf(holders);
	}

	/** The reason in the language of the locale: the record's name and what holds it. */
	@Override
	public String message(MessageSource messages, Locale locale) {
		String separator = messages.getMessage("list.separator", null, ", ", locale);
		String held = String.join(separator,
				holders.stream().map(holder -> messages.getMessage(holder, locale)).toList());
		return messages.getMessage(messageKey(), new Object[] { name, held }, getMessage(), locale);
	}

	public List<? extends MessageSourceResolvable> holders() {
		return holders;
	}
}
