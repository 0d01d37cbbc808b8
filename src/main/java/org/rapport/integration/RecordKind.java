package org.rapport.integration;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.shared.UuidV7;

/**
 * A kind of record whose rows are one record each: matches them with the records already there (one look-up per
 * batch), then creates, updates or skips each as the user chose, keeping external ids (and a second unique value,
 * such as a product's SKU) unique, and writes the batch in bulk. A row that finds its record holding every value it
 * carries leaves the record as it was and counts as unchanged. Matched by {@link MatchBy#ID}, a row names its record
 * by the id Rapport's export wrote (column {@code id}): one naming no record the user may see is rejected, and one
 * without an id makes a new record.
 */
public abstract class RecordKind<R> implements ImportableKind<R> {

	/** The records the actor may see whose value under the key is one of these; by id, the path is {@code r.id}. */
	protected abstract List<R> find(Actor actor, MatchBy key, Collection<String> values);

	/** The value the lookup for this key compares with, from a row. */
	protected abstract String lookupValue(MatchBy key, Map<String, Object> values);

	/** What makes a row and a record the same one under this key (lower case). */
	protected abstract String key(MatchBy key, Map<String, Object> values);

	protected abstract String key(MatchBy key, R record);

	/**
	 * A new record of a row's values, made in the batch given, whose cells tell what a record whose row names nothing
	 * takes from the file (the currency of its amounts).
	 */
	protected abstract R create(ImportBatch batch, UUID id, Map<String, Object> values);

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

	/**
	 * Why the row may not become or change this record (null for a new one), in the importing user's words, or null
	 * when it may: for values a row may repeat only for a record that holds them already, such as the lost stage an
	 * export wrote.
	 */
	protected String refuses(ImportBatch batch, R existing, Map<String, Object> values) {
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
				String value = matchBy == MatchBy.ID ? idKey(row.values()) : lookupValue(matchBy, row.values());
				if (value != null) {
					lookups.add(value);
				}
			});
			for (R record : find(actor, matchBy, lookups)) {
				String key = matchBy == MatchBy.ID ? id(record).toString() : key(matchBy, record);
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
		int unchanged = 0;
		for (ImportRow row : rows) {
			String key = mode == DuplicateMode.CREATE ? null
					: matchBy == MatchBy.ID ? idKey(row.values()) : key(matchBy, row.values());
			Long earlier = key == null ? null : seen.get(key);
			R match = key == null ? null : existing.get(key);
			String externalId = row.text("externalId");
			if (match == null && key != null && matchBy == MatchBy.ID) {
				row.reject("id", batch.message("import.error.idUnknown", row.text("id")));
				rejected.add(row);
				continue;
			}
			if (earlier != null && mode == DuplicateMode.SKIP) {
				skipped++;
				continue;
			}
			if (earlier != null) {
				row.reject("", batch.message("import.error.duplicateInFile", earlier));
				rejected.add(row);
				continue;
			}
			boolean skipping = match != null && mode == DuplicateMode.SKIP;
			String refused = skipping ? null : refuses(batch, match, row.values());
			if (skipping) {
				skipped++;
			}
			else if (refused != null) {
				row.reject("", refused);
				rejected.add(row);
				continue;
			}
			else if (match != null) {
				Map<String, Object> custom = batch.customFields(row, customFields(match), false);
				if (custom == null) {
					rejected.add(row);
					continue;
				}
				row.values().put("customFields", custom);
				R merged = merge(match, row.values());
				if (sameValues(merged, match)) {
					// nothing to write, so nothing a record's rules could refuse
					unchanged++;
					seen.put(key, row.line());
					continue;
				}
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
				updates.add(merged);
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
				creates.add(create(batch, UuidV7.next(), row.values()));
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
		return new ImportOutcome(creates.stream().map(this::id).toList(), updated, skipped, rejected, unchanged);
	}

	/**
	 * Whether two values are the same for a record: numbers by their value whatever their scale or type (an amount
	 * read as {@code 10.00} is the stored {@code 10.0000}, a custom field's {@code 5} the same as {@code 5.0}), maps,
	 * lists and records by their parts, everything else by equality.
	 */
	public static boolean sameValues(Object a, Object b) {
		if (a instanceof Number x && b instanceof Number y) {
			return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
		}
		if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
			return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> sameValues(x.get(k), y.get(k)));
		}
		if (a instanceof List<?> x && b instanceof List<?> y) {
			if (x.size() != y.size()) {
				return false;
			}
			for (int i = 0; i < x.size(); i++) {
				if (!sameValues(x.get(i), y.get(i))) {
					return false;
				}
			}
			return true;
		}
		if (a != null && b != null && a.getClass().isRecord() && a.getClass() == b.getClass()) {
			for (RecordComponent component : a.getClass().getRecordComponents()) {
				try {
					if (!sameValues(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
						return false;
					}
				}
				catch (ReflectiveOperationException unreadable) {
					return false;
				}
			}
			return true;
		}
		return Objects.equals(a, b);
	}

	/** The id of Rapport a row names its record by, lower case, or null. */
	private static String idKey(Map<String, Object> values) {
		return lower(values.get("id"));
	}

	/**
	 * Whether the row gives the record another owner: a row naming the owner the record has already keeps it in its
	 * team.
	 */
	protected static boolean ownerChanges(Map<String, Object> values, UUID currentOwner) {
		return values.containsKey("owner") && !Objects.equals(values.get("ownerId"), currentOwner);
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
