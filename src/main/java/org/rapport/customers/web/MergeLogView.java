package org.rapport.customers.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the merge log on a record's page shows the values it kept of the merged record: a choice by its name in the
 * user's language rather than its stored constant, the owner by name rather than id, a ticked box as yes. Serves the
 * logs of accounts, contacts and leads ({@code ${@mergeLogView.value(field, value)}}).
 */
@Component("mergeLogView")
class MergeLogView {

	/** The prefix of the message keys of the values of the fields that hold a choice, by field. */
	private static final Map<String, String> CHOICES = Map.of("type", "accountType", "industry", "industry",
			"lifecycleStage", "stage", "source", "source", "rating", "leadRating");

	private final MessageSource messages;
	private final UserDirectory directory;

	MergeLogView(MessageSource messages, UserDirectory directory) {
		this.messages = messages;
		this.directory = directory;
	}

	public String value(String field, String value) {
		if (value == null) {
			return null;
		}
		Locale locale = LocaleContextHolder.getLocale();
		if ("owner".equals(field)) {
			try {
				UserId owner = new UserId(UUID.fromString(value));
				return directory.displayNames(List.of(owner)).getOrDefault(owner, value);
			}
			catch (IllegalArgumentException notAnId) {
				return value;
			}
		}
		if ("doNotContact".equals(field)) {
			return messages.getMessage(Boolean.parseBoolean(value) ? "merge.yes" : "merge.no", null, value, locale);
		}
		String prefix = CHOICES.get(field);
		return prefix == null ? value : messages.getMessage(prefix + "." + value, null, value, locale);
	}
}
