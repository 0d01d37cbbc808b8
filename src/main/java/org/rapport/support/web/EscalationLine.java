package org.rapport.support.web;

import java.time.Instant;
import java.util.Arrays;
import org.rapport.support.internal.CaseEvent;
import org.rapport.support.internal.SlaEvent;

/**
 * One escalation of a case as its page lists it: the level it reached, the SLA event that caused it (empty when the
 * event's detail names none this version knows), whether it moved the case to the escalation queue, and when.
 */
record EscalationLine(int level, String event, boolean movedToQueue, Instant at) {

	static EscalationLine of(CaseEvent event) {
		String detail = event.getDetail() == null ? "" : event.getDetail().strip();
		String first = detail.isEmpty() ? "" : detail.split("\\s+")[0];
		String known = Arrays.stream(SlaEvent.values()).map(Enum::name).anyMatch(first::equals) ? first : null;
		return new EscalationLine(event.getLevel() == null ? 0 : event.getLevel(), known,
				detail.contains("queue="), event.getAt());
	}
}
