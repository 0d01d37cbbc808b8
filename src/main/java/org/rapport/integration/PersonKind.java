package org.rapport.integration;

import java.util.Map;

/**
 * A kind of record about people, such as contacts and leads: they match by external id, by e-mail, or by first and
 * last name at the same place (an account, a company), and they are looked up by their last name.
 */
public abstract class PersonKind<R> extends RecordKind<R> {

	/** Where the person in a row is, as the name key compares it. */
	protected abstract String place(Map<String, Object> values);

	/** Where the person is, as the name key compares it. */
	protected abstract String place(R record);

	protected abstract String email(R record);

	protected abstract String firstName(R record);

	protected abstract String lastName(R record);

	@Override
	protected final String lookupValue(MatchBy key, Map<String, Object> values) {
		return switch (key) {
			case EXTERNAL_ID -> (String) values.get("externalId");
			case EMAIL -> lower(values.get("email"));
			case NAME -> lower(values.get("lastName"));
			case NUMBER, ID -> null;
		};
	}

	@Override
	protected final String key(MatchBy key, Map<String, Object> values) {
		if (key == MatchBy.NAME) {
			return values.get("lastName") == null ? null
					: nameKey(values.get("firstName"), values.get("lastName"), place(values));
		}
		return lookupValue(key, values);
	}

	@Override
	protected final String key(MatchBy key, R record) {
		return switch (key) {
			case EXTERNAL_ID -> externalId(record);
			case EMAIL -> lower(email(record));
			case NAME -> nameKey(firstName(record), lastName(record), place(record));
			case NUMBER, ID -> null;
		};
	}

	private static String nameKey(Object firstName, Object lastName, String place) {
		return lower(firstName) + "|" + lower(lastName) + "|" + place;
	}
}
