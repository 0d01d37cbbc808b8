package org.rapport.integration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.shared.UuidV7;

/**
 * A kind of record whose rows are one record each: matches them with the records already there (one look-up per
 * batch), then creates, updates or skips each as the user chose, keeping external ids (and a second unique value,
 * such as a product's SKU) unique, and writes the batch in bulk.
 */
public abstract class RecordKind<R> implements ImportableKind<R> {

	protected abstract List<R> find(Actor actor, MatchBy key, Collection<String> values);

	/** The value the lookup for this key compares with, from a row. */
	protected abstract String lookupValue(MatchBy key, Map<String, Object> values);

	/** What makes a row and a record the same one under this key (lower case). */
	protected abstract String key(MatchBy key, Map<String, Object> values);

	protected abstract String key(MatchBy key, R record);

	protected abstract R create(UUID id, Map<String, Object> values);

	protected abstract R merge(R existing, Map<String, Object> values);

	protected abstract Map<String, Object> customFields(R record);

	protected abstract String externalId(R record);

	protected abstract Set<String> takenExternalIds(Collection<String> externalIds);

	protected abstract void insert(Actor actor, List<R> records);

	/**
	 * Overwrites records whose version is still the one given, as the actor; answers the ids written (each now one
	 * version further), leaving out those changed meanwhile.
	 */
	protected abstract Set<UUID> update(Actor actor, List<R> records);

	@Override
	public Set<UUID> writeBack(Actor actor, List<R> records) {
		return update(actor, records);
	}

	/**
	 * Which of these values of a second unique field (a product's SKU; lower case) records already hold; none
	 * for kinds of record without one.
	 */
	protected Set<String> takenUniqueValues(Collection<String> values) {
		return Set.of();
	}

	/**
	 * Why an import may not change this record (a message key), as the record's own pages would refuse it, or
	 * {@code null} when it may.
	 */
	protected String refusesUpdate(R existing) {
		return null;
	}

	/** The row's value of the second unique field, lower case, or null. */
	protected String uniqueValue(Map<String, Object> values) {
		return null;
	}

	/** The record's value of the second unique field, lower case, or null. */
	protected String uniqueValue(R record) {
		return null;
	}

	/** Which of the taken external ids belong to records the actor may not see. */
	private Set<String> hiddenExternalIds(Actor actor, Set<String> taken) {
		if (taken.isEmpty()) {
			return Set.of();
		}
		Set<String> hidden = new HashSet<>(taken);
		find(actor, MatchBy.EXTERNAL_ID, taken).forEach(record -> hidden.remove(externalId(record)));
		return hidden;
	}

	/**
	 * Why a row cannot take an external id that a record holds: a record the actor may see is named as such, one
	 * they may not see answers as if there were none, so that an import never tells that it exists.
	 */
	public static String externalIdTaken(ImportBatch batch, String externalId, Set<String> hidden) {
		return hidden.contains(externalId) ? batch.message("import.error.externalIdUnknown", externalId)
				: batch.message("import.error.externalIdTaken", externalId);
	}

	@Override
	public ImportOutcome write(ImportBatch batch, List<ImportRow> rows, DuplicateMode mode, MatchBy matchBy) {
		Actor actor = batch.actor();
		Map<String, R> existing = new HashMap<>();
		if (mode != DuplicateMode.CREATE) {
			Set<String> lookups = new HashSet<>();
			rows.forEach(row -> {
				String value = lookupValue(matchBy, row.values());
				if (value != null) {
					lookups.add(value);
				}
			});
			for (R record : find(actor, matchBy, lookups)) {
				String key = key(matchBy, record);
				if (key != null) {
					existing.merge(key, record, (a, b) -> id(a).compareTo(id(b)) <= 0 ? a : b);
				}
			}
		}
		Set<String> externalIds = new HashSet<>();
		rows.forEach(row -> {
			Object id = row.values().get("externalId");
			if (id != null) {
				externalIds.add(id.toString());
			}
		});
		Set<String> taken = new HashSet<>(takenExternalIds(externalIds));
		Set<String> hidden = hiddenExternalIds(actor, taken);
		Set<String> uniqueValues = new HashSet<>();
		rows.forEach(row -> {
			String value = uniqueValue(row.values());
			if (value != null) {
				uniqueValues.add(value);
			}
		});
		Set<String> takenUnique = uniqueValues.isEmpty() ? new HashSet<>()
				: new HashSet<>(takenUniqueValues(uniqueValues));

		List<R> creates = new ArrayList<>();
		List<R> updates = new ArrayList<>();
		Map<UUID, R> before = new HashMap<>();
		Map<UUID, ImportRow> rowOf = new HashMap<>();
		Map<String, Long> seen = new HashMap<>();
		List<ImportRow> rejected = new ArrayList<>();
		int skipped = 0;
		for (ImportRow row : rows) {
			String key = mode == DuplicateMode.CREATE ? null : key(matchBy, row.values());
			Long earlier = key == null ? null : seen.get(key);
			R match = key == null ? null : existing.get(key);
			String externalId = row.text("externalId");
			if (earlier != null && mode == DuplicateMode.SKIP) {
				skipped++;
				continue;
			}
			if (earlier != null) {
				row.reject("", batch.message("import.error.duplicateInFile", earlier));
				rejected.add(row);
				continue;
			}
			if (match != null && mode == DuplicateMode.SKIP) {
				skipped++;
			}
			else if (match != null) {
				String refusal = refusesUpdate(match);
				if (refusal != null) {
					row.reject("", batch.message(refusal));
					rejected.add(row);
					continue;
				}
				if (externalId != null && !externalId.equals(externalId(match)) && taken.contains(externalId)) {
					row.reject("externalId", externalIdTaken(batch, externalId, hidden));
					rejected.add(row);
					continue;
				}
				String unique = uniqueValue(row.values());
				if (unique != null && !unique.equals(uniqueValue(match)) && takenUnique.contains(unique)) {
					row.reject("", batch.message("import.error.uniqueTaken", unique));
					rejected.add(row);
					continue;
				}
				Map<String, Object> custom = batch.customFields(row, customFields(match), false);
				if (custom == null) {
					rejected.add(row);
					continue;
				}
				row.values().put("customFields", custom);
				updates.add(merge(match, row.values()));
				before.put(id(match), match);
				rowOf.put(id(match), row);
				taken.add(externalId);
				if (unique != null) {
					takenUnique.add(unique);
				}
			}
			else {
				if (externalId != null && taken.contains(externalId)) {
					row.reject("externalId", externalIdTaken(batch, externalId, hidden));
					rejected.add(row);
					continue;
				}
				String unique = uniqueValue(row.values());
				if (unique != null && takenUnique.contains(unique)) {
					row.reject("", batch.message("import.error.uniqueTaken", unique));
					rejected.add(row);
					continue;
				}
				Map<String, Object> custom = batch.customFields(row, null, true);
				if (custom == null) {
					rejected.add(row);
					continue;
				}
				row.values().put("customFields", custom);
				creates.add(create(UuidV7.next(), row.values()));
				if (externalId != null) {
					taken.add(externalId);
				}
				if (unique != null) {
					takenUnique.add(unique);
				}
			}
			if (key != null) {
				seen.put(key, row.line());
			}
		}
		insert(actor, creates);
		Set<UUID> written = update(actor, updates);
		List<ImportOutcome.Updated> updated = new ArrayList<>();
		for (R record : updates) {
			UUID id = id(record);
			if (written.contains(id)) {
				updated.add(new ImportOutcome.Updated(id, version(record) + 1, before.get(id)));
			}
			else {
				ImportRow row = rowOf.get(id);
				row.reject("", batch.message("import.error.changed"));
				rejected.add(row);
			}
		}
		return new ImportOutcome(creates.stream().map(this::id).toList(), updated, skipped, rejected);
	}

	/** The value as text without surrounding spaces, in lower case; null for none. */
	protected static String lower(Object value) {
		return value == null ? null : value.toString().strip().toLowerCase(java.util.Locale.ROOT);
	}

	/** The constant a choice column's value names, or the record's when the row has none. */
	protected static <E extends Enum<E>> E choice(Class<E> type, Object value, E otherwise) {
		return value == null ? otherwise : Enum.valueOf(type, value.toString());
	}

	/** The row's value of the column if the row has the column, else the record's. */
	@SuppressWarnings("unchecked")
	protected static <T> T pick(Map<String, Object> values, String key, T otherwise) {
		return values.containsKey(key) ? (T) values.get(key) : otherwise;
	}
}
