package org.rapport.integration;

import java.util.List;
import java.util.UUID;

/** What writing a batch did: the records it created and updated, the rows it skipped and those it rejected. */
public record ImportOutcome(List<UUID> created, List<Updated> updated, int skipped, List<ImportRow> rejected) {

	/** A record the batch updated, with the version it now has and its values before, for undo. */
	public record Updated(UUID id, long versionAfter, Object previous) {
	}
}
