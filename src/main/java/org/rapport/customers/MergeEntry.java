package org.rapport.customers;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.UserId;

/**
 * One merge as the merge log keeps it: which record remained, which was merged into it (and is gone), the merged
 * record's values, and per field whose value was kept ({@code survivor} or {@code merged}).
 */
public record MergeEntry(UUID id, MergeKind kind, UUID survivor, UUID merged, String mergedLabel,
		Map<String, String> mergedValues, Map<String, String> chosenFields, UserId mergedBy, Instant mergedAt) {

	public MergeEntry {
		// in the fields' order, as the pages list them
		mergedValues = Collections.unmodifiableMap(new LinkedHashMap<>(mergedValues));
		chosenFields = Collections.unmodifiableMap(new LinkedHashMap<>(chosenFields));
	}
}
