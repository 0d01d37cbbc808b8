package org.rapport.activities.internal;

/** What a change on a timeline reports. */
public enum ChangeKind {
	/** An opportunity moved from one stage to another ({@code fromValue}, {@code toValue}: stage ids). */
	OPPORTUNITY_STAGE,
	/** An account's lifecycle stage changed ({@code fromValue}, {@code toValue}: stage names; {@code note}: why). */
	LIFECYCLE,
	/** A lead became an account, a contact and maybe an opportunity ({@code ref}: the opportunity or account). */
	LEAD_CONVERTED,
	/** An order was placed ({@code note}: its number; {@code amount}, {@code currency}: its total). */
	ORDER_PLACED,
	/** A contract started to run ({@code fromValue}, {@code toValue}: its dates; {@code amount}: its value). */
	CONTRACT_ACTIVATED,
	/** Another account was merged into this one. */
	ACCOUNT_MERGED,
	/** Another contact was merged into this one. */
	CONTACT_MERGED,
	/** A support case was opened ({@code note}: its number). */
	CASE_OPENED,
	/** A support case moved from one status to another ({@code fromValue}, {@code toValue}; {@code note}: its number). */
	CASE_STATUS,
	/** A support case was escalated ({@code toValue}: the level, 1 to 3; {@code note}: its number). */
	CASE_ESCALATED
}
