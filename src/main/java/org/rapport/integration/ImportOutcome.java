package org.rapport.integration;

import java.util.List;
import java.util.UUID;

/**
 * What writing a batch did: the records it created and updated, the rows it skipped, those it rejected, and those that
 * matched a record that held their values already (left as it was).
 */
public record ImportOutcome(List<UUID> created, List<Updated> updated, int skipped, List<ImportRow> rejected,
		int unchanged) {

	/** A batch in which no row found its record as it was. */
	public ImportOutcome(List<UUID> created, List<Updated> updated, int skipped, List<ImportRow> rejected) {
		this(created, updated, skipped, rejected, 0);
	}

	/** A record the batch updated, with the version it now has and its values before, for undo. */
	public record Updated(UUID id, long versionAfter, Object previous) {
	}
}
