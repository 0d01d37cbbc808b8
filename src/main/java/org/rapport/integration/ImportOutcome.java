package org.rapport.integration;

import java.util.List;
import java.util.UUID;

/**
 * What writing a batch did: the records it created and updated, the rows it skipped, those it rejected, those that
 * matched a record that held their values already (left as it was), and how many rows the updated records took (more
 * than one a record where several rows make one, as an order's lines do).
 */
public record ImportOutcome(List<UUID> created, List<Updated> updated, int skipped, List<ImportRow> rejected,
		int unchanged, int updatedRows) {

	/** A batch whose rows are one record each. */
	public ImportOutcome(List<UUID> created, List<Updated> updated, int skipped, List<ImportRow> rejected,
			int unchanged) {
		this(created, updated, skipped, rejected, unchanged, updated.size());
	}

	/** A batch in which no row found its record as it was. */
	public ImportOutcome(List<UUID> created, List<Updated> updated, int skipped, List<ImportRow> rejected) {
		this(created, updated, skipped, rejected, 0);
	}

	/** A record the batch updated, with the version it now has and its values before, for undo. */
	public record Updated(UUID id, long versionAfter, Object previous) {
	}
}
