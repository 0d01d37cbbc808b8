package org.rapport.support.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands. An open case moves freely among the open statuses and to Resolved or Closed; a resolved case
 * closes or reopens; a closed case only reopens, as Reopened.
 */
public enum CaseStatus {
	NEW, IN_PROGRESS, WAITING_ON_CUSTOMER, ESCALATED, REOPENED, RESOLVED, CLOSED;

	private static final Set<CaseStatus> OPEN = EnumSet.of(NEW, IN_PROGRESS, WAITING_ON_CUSTOMER, ESCALATED, REOPENED);

	/** Whether the case still needs work: neither resolved nor closed. */
	public boolean isOpen() {
		return OPEN.contains(this);
	}

	/** The statuses a case in this one may move to. */
	public Set<CaseStatus> next() {
		return switch (this) {
			case NEW, IN_PROGRESS, WAITING_ON_CUSTOMER, ESCALATED, REOPENED -> {
				Set<CaseStatus> next = EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, ESCALATED, RESOLVED, CLOSED);
				next.remove(this);
				yield next;
			}
			case RESOLVED -> EnumSet.of(CLOSED, REOPENED);
			case CLOSED -> EnumSet.of(REOPENED);
		};
	}

	public boolean canMoveTo(CaseStatus to) {
		return next().contains(to);
	}
}
