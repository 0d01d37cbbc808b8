package org.rapport.support.internal;

/** How urgent a case is, from low to urgent. */
public enum CasePriority {
	LOW, NORMAL, HIGH, URGENT;

	/** The next priority up; urgent stays urgent. */
	public CasePriority raised() {
		return this == URGENT ? URGENT : values()[ordinal() + 1];
	}
}
