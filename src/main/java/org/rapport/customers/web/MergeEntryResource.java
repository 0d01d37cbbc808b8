package org.rapport.customers.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.MergeEntry;
import org.rapport.customers.MergeKind;

/**
 * A line of the merge log as the API shows it.
 */
public record MergeEntryResource(UUID id, MergeKind kind, UUID survivorId, UUID mergedId, String mergedLabel,
		Map<String, String> mergedValues, Map<String, String> chosenFields, UUID mergedBy, Instant mergedAt) {

	public static MergeEntryResource of(MergeEntry e) {
		return new MergeEntryResource(e.id(), e.kind(), e.survivor(), e.merged(), e.mergedLabel(), e.mergedValues(),
				e.chosenFields(), e.mergedBy() == null ? null : e.mergedBy().value(), e.mergedAt());
	}
}
