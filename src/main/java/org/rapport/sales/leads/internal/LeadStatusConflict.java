package org.rapport.sales.leads.internal;

import org.rapport.shared.RuleBroken;

/**
 * A lead was asked to do what its status forbids, such as converting twice or changing after conversion. Its message
 * says what the status is; the UI shows a shorter one, which {@link #formMessageKey()} names.
 */
public class LeadStatusConflict extends RuleBroken {

	private final String formMessageKey;

	LeadStatusConflict(String formMessageKey, String messageKey, String defaultMessage, Object... arguments) {
		super(Kind.STATE, "lead-state", "Lead status forbids this", messageKey, defaultMessage, arguments);
		this.formMessageKey = formMessageKey;
	}

	/** The message key that says in the UI why. */
	public String formMessageKey() {
		return formMessageKey;
	}
}
