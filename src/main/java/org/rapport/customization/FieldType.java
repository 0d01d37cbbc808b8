package org.rapport.customization;

/**
 * The kinds of value a custom field holds, and how each is stored in a record's JSON column.
 */
public enum FieldType {
	/** One line of text, stored as a string. */
	TEXT,
	/** Several lines of text, stored as a string. */
	LONG_TEXT,
	/** A whole number, stored as a JSON number. */
	NUMBER,
	/** A decimal number, stored as a JSON number. */
	DECIMAL,
	/** An amount in the field's currency, stored as a JSON number. */
	CURRENCY,
	/** A calendar date, stored as {@code yyyy-MM-dd}. */
	DATE,
	/** An instant, stored in UTC as {@code yyyy-MM-ddTHH:mm:ssZ}. */
	DATE_TIME,
	/** Yes or no, stored as a JSON boolean. */
	CHECKBOX,
	/** One of the field's options, stored as a string. */
	PICK_LIST,
	/** Any of the field's options, stored as an array of strings. */
	MULTI_PICK_LIST,
	/** A web address, stored as a string. */
	URL,
	/** An e-mail address, stored as a string. */
	EMAIL,
	/** A telephone number, stored as a string. */
	PHONE;

	/** Whether lists sort and filter this field as a number. */
	public boolean isNumeric() {
		return this == NUMBER || this == DECIMAL || this == CURRENCY;
	}

	/** Whether the field offers a fixed set of options. */
	public boolean hasOptions() {
		return this == PICK_LIST || this == MULTI_PICK_LIST;
	}

	/** Whether lists filter this field by a range (from, to) rather than by a value. */
	public boolean isRanged() {
		return isNumeric() || this == DATE || this == DATE_TIME;
	}

	/** Whether lists filter this field by the start of its text. */
	public boolean isTextual() {
		return this == TEXT || this == LONG_TEXT || this == URL || this == EMAIL || this == PHONE;
	}
}
