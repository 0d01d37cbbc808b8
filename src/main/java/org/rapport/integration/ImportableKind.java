package org.rapport.integration;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;

/**
 * A kind of record that files may be imported into, declared as a bean by the module that owns the record: its
 * columns and how rows become its records, checked by the rules its forms and API apply. The import pages, the
 * API, jobs, mappings, checkpoints and undo take every such bean in, so that a module joins imports without
 * {@code integration} knowing it. {@link RecordKind} is the base of kinds whose rows are one record each.
 *
 * @param <R> the values of a record as the kind reads and writes them in bulk, kept as JSON to undo an update
 */
public interface ImportableKind<R> {

	/** The name in URLs, the API and the stored jobs, such as {@code contacts}. */
	String name();

	/** Where the kind stands in the list of kinds, lowest first. */
	int order();

	/** The name under which the customization module keeps this kind of record's custom fields. */
	String customFieldsEntity();

	/** The built-in columns; the custom fields join them. */
	List<ImportColumn> columns();

	/** How rows may be matched with records already there, the default first. */
	List<MatchBy> matchKeys();

	/** Whether the actor may import this kind of record. */
	default boolean mayImport(Actor actor) {
		return true;
	}

	/** Why an import of this kind may not handle duplicates so (a message key), or null when it may. */
	default String refuses(DuplicateMode mode) {
		return null;
	}

	/**
	 * Whether its records hold amounts of money: a column of amounts and one of their currency. Only then does an
	 * import of the kind have a currency of amounts that name none.
	 */
	default boolean holdsAmounts() {
		return columns().stream().anyMatch(c -> c.type() == ImportColumn.Type.AMOUNT)
				&& columns().stream().anyMatch(c -> c.type() == ImportColumn.Type.CURRENCY);
	}

	/**
	 * Whether the amounts of a row that names no currency, neither in its currency column nor by their symbols, are
	 * in the import's currency of amounts that name none; a kind that finds the currency of such a row otherwise (an
	 * order: its first product's) answers false.
	 */
	default boolean amountsInImportCurrency() {
		return true;
	}

	/**
	 * The columns whose cells, together, tell which rows make one record and so are written in one batch (an order's
	 * lines share its id or external id), or none when each row stands alone.
	 */
	default List<String> groupedBy() {
		return List.of();
	}

	/**
	 * The values a text column's cells name, which the kind resolves itself (an opportunity's stage by the names of
	 * the pipelines' stages): each value as a cell names it, with the names it goes by, its label in the language
	 * given first; empty for a column of free text. The import offers them for the file's values that name none of
	 * them (its value map), and finds those by {@link ChoiceNames}, as the kind should find the values.
	 */
	default Map<String, List<String>> valueNames(String column, Locale locale) {
		return Map.of();
	}

	/**
	 * Completes rows whose cells are read: resolves what they name (an account, a stage) in one look-up per batch,
	 * computes derived values and rejects what the record's rules refuse.
	 */
	default void convert(ImportBatch batch, List<ImportRow> rows) {
	}

	/** Writes a batch of valid rows as the user chose: created, updated, skipped or rejected. */
	ImportOutcome write(ImportBatch batch, List<ImportRow> rows, DuplicateMode mode, MatchBy matchBy);

	/** The type of the values an undo writes back. */
	Class<R> valuesType();

	/** The current values of these records, whoever may see them; for undo. */
	List<R> current(Collection<UUID> ids);

	UUID id(R values);

	long version(R values);

	/** The values as they were before, to write back on undo, with the version the record has now. */
	R withVersion(R values, long version);

	/** Deletes these records, which an import created, on undo. */
	void delete(Collection<UUID> ids);

	/** A reason (a message key) why these created records may not be deleted by an undo, or null. */
	default String refuseDeleting(Collection<UUID> ids) {
		return null;
	}

	/**
	 * Writes back, on undo, records an import updated, each only if it still has the version given; answers the ids
	 * written. A kind of record that imports never update has none to write back.
	 */
	default Set<UUID> writeBack(Actor actor, List<R> values) {
		return Set.of();
	}

	default Optional<ImportColumn> column(String key) {
		return columns().stream().filter(c -> c.key().equals(key)).findFirst();
	}
}
