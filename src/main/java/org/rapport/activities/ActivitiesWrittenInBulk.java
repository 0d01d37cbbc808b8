package org.rapport.activities;

import java.util.List;
import java.util.UUID;
import org.rapport.search.RecordsWrittenInBulk;

/**
 * Activities that moved or went with a record past the entity manager, in one statement each: those of a merged or
 * deleted account or contact.
 */
public record ActivitiesWrittenInBulk(List<UUID> writtenIds, List<UUID> removedIds) implements RecordsWrittenInBulk {

	public ActivitiesWrittenInBulk {
		writtenIds = List.copyOf(writtenIds);
		removedIds = List.copyOf(removedIds);
	}

	@Override
	public String searchKind() {
		return ActivityId.TYPE;
	}
}
