package org.rapport.sales.leads.internal;

import java.util.UUID;

/**
 * A lead or contact that may be the same person as the one being entered.
 */
public record PossibleDuplicate(Kind kind, UUID id, String name, String company, String email) {

	public enum Kind {
		LEAD, CONTACT
	}

	/** Where the match is shown in the UI. */
	public String path() {
		return (kind == Kind.LEAD ? "/leads/" : "/contacts/") + id;
	}
}
