package org.rapport.activities.internal;

/** How a call ended. */
public enum CallOutcome {
	CONNECTED, LEFT_VOICEMAIL, NO_ANSWER, BUSY, WRONG_NUMBER
}
