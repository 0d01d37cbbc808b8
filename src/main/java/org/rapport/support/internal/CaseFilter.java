package org.rapport.support.internal;

import java.util.UUID;

/**
 * What a case list is narrowed to; every part is optional. {@code open} keeps the open (true) or the resolved and
 * closed (false) cases; {@code sla} the cases in that SLA state now; {@code lead} the cases a lead asked for.
 */
public record CaseFilter(UUID account, CaseStatus status, CasePriority priority, UUID queue, UUID owner,
		SlaState sla, Boolean open, UUID lead) {

	public static final CaseFilter NONE = new CaseFilter(null, null, null, null, null, null, null, null);

	/** A filter that names no lead. */
	public CaseFilter(UUID account, CaseStatus status, CasePriority priority, UUID queue, UUID owner, SlaState sla,
			Boolean open) {
		this(account, status, priority, queue, owner, sla, open, null);
	}
}
