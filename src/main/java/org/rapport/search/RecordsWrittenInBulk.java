package org.rapport.search;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * An event naming records of one searchable kind that were written in bulk, past the entity manager whose changes
 * the index follows by itself (an import writes its batches with JDBC): the search reads the written records back
 * into the index and drops the removed ones. A module's batch events implement it, and the search listens to this
 * type alone, so that it names none of them.
 */
public interface RecordsWrittenInBulk {

	/** The {@linkplain SearchableKind#code() code} of the records' kind. */
	String searchKind();

	/** The records created or changed. */
	List<UUID> writtenIds();

	/** The records removed, as when an import is undone. */
	List<UUID> removedIds();

	/** The values of the ids of both lists, in order, for {@link #writtenIds()}. */
	static <I> List<UUID> idsOf(List<I> created, List<I> updated, Function<I, UUID> value) {
		List<UUID> ids = new ArrayList<>(created.size() + updated.size());
		created.forEach(id -> ids.add(value.apply(id)));
		updated.forEach(id -> ids.add(value.apply(id)));
		return ids;
	}

	/** The values of the ids, for {@link #removedIds()}. */
	static <I> List<UUID> idsOf(List<I> removed, Function<I, UUID> value) {
		return removed.stream().map(value).toList();
	}
}
