package org.rapport.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapport.search.SearchableKind;

/**
 * A page of search hits, best first, with the number of matches (counted up to a limit) and, when asked for,
 * the number of matches of each kind, by its code; every number counts only records the searching user may see.
 */
public record SearchResults(String query, List<SearchHit> hits, int page, int size, boolean hasNext, long total,
		boolean totalCapped, Map<String, Long> counts) {

	public SearchResults {
		hits = List.copyOf(hits);
		counts = counts == null ? Map.of() : Map.copyOf(counts);
	}

	public static SearchResults empty(String query, int size) {
		return new SearchResults(query, List.of(), 0, size, false, 0, false, Map.of());
	}

	/** The hits by kind, the kind of the best hit first, each kind's hits best first. */
	public Map<SearchableKind, List<SearchHit>> grouped() {
		Map<SearchableKind, List<SearchHit>> groups = new LinkedHashMap<>();
		for (SearchHit hit : hits) {
			groups.computeIfAbsent(hit.kind(), kind -> new ArrayList<>()).add(hit);
		}
		return groups;
	}

	/** The matches of the kind with this code, where counts were asked for. */
	public long count(String kind) {
		return counts.getOrDefault(kind, 0L);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public long firstRow() {
		return hits.isEmpty() ? 0 : (long) page * size + 1;
	}

	public long lastRow() {
		return (long) page * size + hits.size();
	}
}
