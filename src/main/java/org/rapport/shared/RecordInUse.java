package org.rapport.shared;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A record that cannot go, or not yet, because other records hold it, such as an account with orders. The reason is
 * a message whose first argument names the record and whose second lists what holds it, both in the reader's
 * language; the API answers 409 with it as problem details.
 */
public class RecordInUse extends ErrorResponseException {

	public static final URI TYPE = URI.create("https://rapport.org/problems/record-in-use");

	private final String messageKey;
	private final String name;
	private final List<? extends MessageSourceResolvable> holders;

	public RecordInUse(String messageKey, String name, List<? extends MessageSourceResolvable> holders,
			String defaultMessage) {
		super(HttpStatusCode.valueOf(409), problem(defaultMessage), null);
		this.messageKey = messageKey;
		this.name = name;
		this.holders = List.copyOf(holders);
	}

	private static ProblemDetail problem(String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(409), message);
		problem.setType(TYPE);
		problem.setTitle("Record in use");
		return problem;
	}

	/** The reason in the language of the locale: the record's name and what holds it. */
	public String reason(MessageSource messages, Locale locale) {
		String separator = messages.getMessage("list.separator", null, ", ", locale);
		String held = String.join(separator,
				holders.stream().map(holder -> messages.getMessage(holder, locale)).toList());
		return messages.getMessage(messageKey, new Object[] { name, held }, getBody().getDetail(), locale);
	}

	@Override
	public ProblemDetail updateAndGetBody(MessageSource messageSource, Locale locale) {
		if (messageSource != null) {
			getBody().setDetail(reason(messageSource, locale));
		}
		return getBody();
	}

	public String messageKey() {
		return messageKey;
	}

	public List<? extends MessageSourceResolvable> holders() {
		return holders;
	}
}
