package org.rapport.activities;

/**
 * The kinds of activity: what is to be done (a task), a conversation on the phone (a call), a meeting, an e-mail
 * written outside Rapport and logged here, and a note.
 */
public enum ActivityKind {
	TASK, CALL, MEETING, EMAIL, NOTE;

	/** Whether an activity of this kind is planned and then done or cancelled, rather than recorded once done. */
	public boolean isScheduled() {
		return this == TASK || this == MEETING || this == CALL;
	}
}
