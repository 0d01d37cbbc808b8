package org.rapport.activities.internal;

/** Whether a call or an e-mail came in from the customer or went out to them. */
public enum Direction {
	INBOUND, OUTBOUND
}
