package org.rapport.customers;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.Actor;

/**
 * The record of merges of accounts, contacts and leads; a module that merges its records writes here.
 */
public interface MergeLog {

	/** Records that the actor merged {@code merged} into {@code survivor}, with the merged record's values. */
	MergeEntry record(Actor actor, MergeKind kind, UUID survivor, UUID merged, String mergedLabel,
			Map<String, String> mergedValues, Map<String, String> chosenFields);

	/** The merges into the record, newest first; the caller has checked that the actor may see it. */
	List<MergeEntry> mergesInto(UUID survivor, int limit);
}
