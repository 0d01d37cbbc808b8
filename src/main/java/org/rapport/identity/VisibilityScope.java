package org.rapport.identity;

/**
 * How far a user's sight reaches over business records.
 */
public enum VisibilityScope {
	/** Every record. */
	ALL,
	/** Records of the user's team and the user's own. */
	TEAM,
	/** Only the records the user owns. */
	OWN;

	VisibilityScope widest(VisibilityScope other) {
		return ordinal() <= other.ordinal() ? this : other;
	}
}
