package org.rapport.support.internal;

/** A moment of a case's SLA that escalates it: a target's warning threshold or its breach. */
public enum SlaEvent {
	RESPONSE_WARNING(1, false), RESPONSE_BREACH(2, true), RESOLUTION_WARNING(4, false), RESOLUTION_BREACH(8, true);

	private final int bit;
	private final boolean breach;

	SlaEvent(int bit, boolean breach) {
		this.bit = bit;
		this.breach = breach;
	}

	int bit() {
		return bit;
	}

	public boolean breach() {
		return breach;
	}
}
