package org.rapport.marketing.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a campaign stands. A planned campaign starts or is called off; a running one completes or is aborted; a
 * completed or aborted campaign is over and moves no more, so its figures stay what they were when it ended.
 */
public enum CampaignStatus {

	PLANNED, ACTIVE, COMPLETED, ABORTED;

	/** The statuses a campaign in this one may move to; staying where it is is always allowed. */
	public Set<CampaignStatus> next() {
		return switch (this) {
			case PLANNED -> EnumSet.of(ACTIVE, ABORTED);
			case ACTIVE -> EnumSet.of(COMPLETED, ABORTED);
			case COMPLETED, ABORTED -> EnumSet.noneOf(CampaignStatus.class);
		};
	}

	public boolean canMoveTo(CampaignStatus target) {
		return target == this || next().contains(target);
	}

	public boolean isOver() {
		return this == COMPLETED || this == ABORTED;
	}
}
