package org.rapport.marketing.internal;

import java.util.UUID;

/**
 * What a campaign list is narrowed to; every part is optional. {@code q} matches the start of the name, whatever
 * its case.
 */
public record CampaignFilter(String q, CampaignStatus status, CampaignType type, UUID owner) {

	public static final CampaignFilter NONE = new CampaignFilter(null, null, null, null);
}
