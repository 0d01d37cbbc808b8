package org.rapport.marketing;

import java.util.Objects;
import java.util.UUID;

/** The identity of a marketing campaign, as other modules refer to it. */
public record CampaignId(UUID value) {

	/** What campaigns are called where records of several kinds meet, such as a lead's source campaign. */
	public static final String TYPE = "campaign";

	public CampaignId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
