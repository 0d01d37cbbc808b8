package org.rapport.shared;

import java.util.regex.Pattern;

/**
 * The one rule for phone numbers, e-mail addresses and web addresses that forms, the API, merges and imports all
 * check, with the message key that says what is wrong and the longest value a record keeps.
 */
public final class ContactPoints {

	public static final int PHONE_MAX = 40;

	public static final int EMAIL_MAX = 254;

	public static final int WEBSITE_MAX = 255;

	public static final String PHONE_MESSAGE = "validation.phone";

	public static final String EMAIL_MESSAGE = "validation.email";

	public static final String WEBSITE_MESSAGE = "validation.website";

	/**
	 * Digits with the separators people write in phone numbers, optionally starting with {@code +}; also a valid
	 * ECMA-262 expression, so that the API document can state it.
	 */
	public static final String PHONE_PATTERN = "^\\+?[0-9 ()./-]{3,40}$";

	private static final Pattern PHONE = Pattern.compile(PHONE_PATTERN);

	/** A mailbox at a domain with at least one dot: {@code name@example.com}. */
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[\\p{L}0-9-]+(\\.[\\p{L}0-9-]+)+$");

	/** A web address with or without its scheme: {@code example.com}, {@code https://example.com/about}. */
	private static final Pattern WEBSITE = Pattern
		.compile("^(https?://)?[\\p{L}0-9-]+(\\.[\\p{L}0-9-]+)+(:\\d+)?(/\\S*)?$");

	private ContactPoints() {
	}

	/** Whether the text is a phone number; an empty one is no phone number given and passes. */
	public static boolean isPhone(String text) {
		return isBlank(text) || text.strip().length() <= PHONE_MAX && PHONE.matcher(text.strip()).matches();
	}

	/** Whether the text is an e-mail address; an empty one passes. */
	public static boolean isEmail(String text) {
		return isBlank(text) || text.strip().length() <= EMAIL_MAX && EMAIL.matcher(text.strip()).matches();
	}

	/** Whether the text is a web address; an empty one passes. */
	public static boolean isWebsite(String text) {
		return isBlank(text) || text.strip().length() <= WEBSITE_MAX && WEBSITE.matcher(text.strip()).matches();
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}
}
