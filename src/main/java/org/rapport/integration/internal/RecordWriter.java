package org.rapport.integration.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.shared.MatchBy;

/**
 * Writes a batch of converted rows of one kind of record through its module's bulk API, and takes back what an
 * import wrote when it is undone. {@link RowWriter} is the writer of the kinds whose rows are one record each.
 */
abstract class RecordWriter<R> {

	/** What a batch did. */
	record Outcome(List<UUID> created, List<Updated> updated, int skipped, List<ConvertedRow> rejected) {
	}

	/** A record the batch updated, with the version it now has and its values before. */
	record Updated(UUID id, long versionAfter, Object previous) {
	}

	abstract ImportEntity entity();

	abstract Class<R> type();

	/** Writes a batch of valid rows as the user chose: created, updated, skipped or rejected. */
	abstract Outcome write(Actor actor, List<ConvertedRow> rows, DuplicateMode mode, MatchBy matchBy,
			RowConverter messages);

	abstract UUID id(R record);

	abstract long version(R record);

	abstract List<R> current(Collection<UUID> ids);

	abstract void delete(Collection<UUID> ids);

	/**
	 * Writes back, on undo, records an import updated, each only if it still has the version given; answers the ids
	 * written. A kind of record that imports never update has none to write back.
	 */
	Set<UUID> update(Actor actor, List<R> records) {
		return Set.of();
	}

	/** A reason why these created records may not be deleted by an undo, or null. */
	String refuseDeleting(Collection<UUID> ids) {
		return null;
	}

	/** The record as it was before, to write back on undo, with the version it has now. */
	abstract R withVersion(R record, long version);
}
