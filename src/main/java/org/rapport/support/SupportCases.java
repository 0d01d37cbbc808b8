package org.rapport.support;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** What other modules may know of support cases: their titles, for the timelines that show case events. */
public interface SupportCases {

	/** The titles of the given cases (number and subject), in one query, whoever may see them; unknown ones left out. */
	Map<UUID, String> titles(Collection<UUID> ids);
}
