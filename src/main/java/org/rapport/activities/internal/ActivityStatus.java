package org.rapport.activities.internal;

/** Where an activity stands: open (planned, to do), done (held, made, sent, written) or cancelled. */
public enum ActivityStatus {
	OPEN, DONE, CANCELLED
}
