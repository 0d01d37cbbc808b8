package org.rapport.integration;

import java.util.Map;
import org.rapport.identity.Actor;

/**
 * A batch of rows being imported into one kind of record, as its {@link ImportableKind} sees it: who imports,
 * their language, and the help a kind needs to refuse a row or take its custom fields. Runs in the batch's
 * transaction.
 */
public interface ImportBatch {

	Actor actor();

	/** Reads the file's cells by its conventions, and words what is wrong with them. */
	ImportCells cells();

	/** The message in the importing user's language. */
	default String message(String key, Object... args) {
		return cells().message(key, args);
	}

	/** Refuses the row's column with the message, after the column's label: {@code Close date: ...}. */
	void reject(ImportRow row, String column, String key, Object... args);

	/**
	 * The custom field values a record keeps: the row's over the current ones, checked by their definitions, with
	 * defaults and required fields for a new record; null, and the row rejected, when one is refused.
	 */
	Map<String, Object> customFields(ImportRow row, Map<String, Object> current, boolean creating);
}
