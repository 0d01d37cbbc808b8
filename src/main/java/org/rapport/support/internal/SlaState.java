package org.rapport.support.internal;

/** Where a case stands against its SLA targets, from best to worst. */
public enum SlaState {
	/** Every target was met. */
	MET,
	/** The targets still running are short of their warning thresholds. */
	ON_TRACK,
	/** A target is past its warning threshold. */
	AT_RISK,
	/** A target was missed. */
	BREACHED;

	static SlaState of(SlaClock.State state) {
		return switch (state) {
			case MET -> MET;
			case ON_TRACK -> ON_TRACK;
			case AT_RISK -> AT_RISK;
			case BREACHED -> BREACHED;
		};
	}

	SlaState worse(SlaState other) {
		return other == null || other.ordinal() < ordinal() ? this : other;
	}
}
