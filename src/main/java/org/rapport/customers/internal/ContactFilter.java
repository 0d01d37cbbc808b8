package org.rapport.customers.internal;

import java.util.UUID;

/**
 * What a contact list is narrowed to; every part is optional.
 */
public record ContactFilter(String q, UUID owner, UUID team, UUID account) {

	public static final ContactFilter NONE = new ContactFilter(null, null, null, null);
}
