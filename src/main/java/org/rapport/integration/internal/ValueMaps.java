package org.rapport.integration.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rapport.customization.CustomField;
import org.rapport.customization.CustomFields;
import org.rapport.customization.FieldType;
import org.rapport.integration.ChoiceNames;
import org.rapport.integration.DecimalMark;
import org.rapport.integration.ImportCells;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportableKind;
import org.rapport.integration.ValueMap;
import org.rapport.shared.InvalidField;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The columns whose file values may stand for our choices — choice columns, custom fields with options, and text
 * columns whose values the kind resolves by name (an opportunity's stage) — the values of a whole file that name
 * none of them, and the check of a value map a user gives for them.
 */
@Component
public class ValueMaps {

	/** How many distinct values of one column are listed at most. */
	public static final int MAX_VALUES = 200;

	/**
	 * A column whose file values may be mapped to our values: its choices by code with their labels in the reader's
	 * language, the names it finds them by, whether a cell may name several (separated by semicolons), and whether a
	 * value that names none rejects the row (a required column, a stage) rather than being left out with a notice.
	 */
	public record ValueColumn(String key, String label, Map<String, String> choices, ChoiceNames names,
			boolean several, boolean rejects) {
	}

	/**
	 * A value of the file that names none of a column's choices, or that the value map names: in how many rows, and
	 * what the value map makes of it (a choice, empty to leave it out, or null when it is not mapped).
	 */
	public record FileValue(String value, int rows, String target) {
	}

	/** The file's values of a column that need the user's word, the most frequent first; capped at the limit. */
	public record FileValues(ValueColumn column, List<FileValue> values, boolean capped) {
	}

	private final ImportFields fields;
	private final CustomFields customFields;
	private final MessageSource messages;
	private final TransactionTemplate readOnly;

	ValueMaps(ImportFields fields, CustomFields customFields, MessageSource messages,
			PlatformTransactionManager transactions) {
		this.fields = fields;
		this.customFields = customFields;
		this.messages = messages;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** The kind's columns that take a value map, built-in and custom, their choices labelled in the language. */
	List<ValueColumn> columns(ImportableKind<?> kind, Locale locale) {
		// the kind looks up the values it resolves by name (the pipelines' stages)
		return readOnly.execute(status -> readColumns(kind, locale));
	}

	private List<ValueColumn> readColumns(ImportableKind<?> kind, Locale locale) {
		ImportCells cells = new ImportCells(messages, locale, DecimalMark.POINT);
		Set<String> several = new HashSet<>();
		Set<String> required = new HashSet<>();
		for (CustomField field : customFields.active(kind.customFieldsEntity())) {
			if (field.type() == FieldType.MULTI_PICK_LIST) {
				several.add(field.param());
			}
			if (field.required()) {
				required.add(field.param());
			}
		}
		List<ValueColumn> columns = new ArrayList<>();
		for (ImportColumn column : fields.of(kind, locale)) {
			boolean options = column.type() == ImportColumn.Type.CHOICE || column.type() == ImportColumn.Type.CUSTOM;
			if (options && !column.choices().isEmpty()) {
				Map<String, String> choices = new LinkedHashMap<>();
				for (String choice : column.choices()) {
					choices.put(choice, column.type() == ImportColumn.Type.CHOICE
							? messages.getMessage(column.choiceLabelKey(choice), null, choice, locale) : choice);
				}
				columns.add(new ValueColumn(column.key(), cells.label(column), choices, cells.names(column),
						several.contains(column.key()), column.required() || required.contains(column.key())));
			}
			else if (column.type() == ImportColumn.Type.TEXT) {
				Map<String, List<String>> names = kind.valueNames(column.key(), locale);
				if (!names.isEmpty()) {
					Map<String, String> choices = new LinkedHashMap<>();
					names.forEach((value, labels) -> choices.put(value, labels.isEmpty() ? value : labels.get(0)));
					columns.add(new ValueColumn(column.key(), cells.label(column), choices, ChoiceNames.of(names),
							false, true));
				}
			}
		}
		return columns;
	}

	/**
	 * The values of the whole file, in the columns mapped to a column that takes a value map, that name none of its
	 * choices or that the value map names; read row by row, at most {@link #MAX_VALUES} distinct ones per column.
	 * Values that compare the same ({@code Food & Beverage}, {@code food and beverage}) count as one, shown as first
	 * written.
	 */
	List<FileValues> unmatched(ImportJob job, ImportableKind<?> kind, Locale locale, ValueMap map) {
		Map<String, ValueColumn> byKey = new HashMap<>();
		columns(kind, locale).forEach(column -> byKey.put(column.key(), column));
		Map<Integer, ValueColumn> mapped = new LinkedHashMap<>();
		job.mapping().forEach((index, key) -> {
			if (byKey.containsKey(key)) {
				mapped.put(index, byKey.get(key));
			}
		});
		if (mapped.isEmpty()) {
			return List.of();
		}
		Map<Integer, Tally> tallies = new LinkedHashMap<>();
		mapped.keySet().forEach(index -> tallies.put(index, new Tally()));
		job.source().forEachRow(0, row -> mapped.forEach((index, column) -> {
			String cell = index < row.cells().size() ? row.cells().get(index) : null;
			if (cell == null || cell.isBlank()) {
				return;
			}
			for (String part : column.several() ? cell.split(CustomFields.OPTION_SEPARATORS) : new String[] { cell }) {
				String value = part.strip();
				if (!ChoiceNames.key(value).isEmpty() && (map.target(column.key(), value) != null
						|| column.names().choiceNamed(value) == null)) {
					tallies.get(index).count(value);
				}
			}
		}));
		List<FileValues> unmatched = new ArrayList<>();
		mapped.forEach((index, column) -> {
			Tally tally = tallies.get(index);
			if (!tally.values.isEmpty()) {
				List<FileValue> values = tally.values.values().stream()
					.sorted(Comparator.comparingInt((Counted c) -> -c.rows).thenComparing(c -> c.value))
					.map(c -> new FileValue(c.value, c.rows, map.target(column.key(), c.value)))
					.toList();
				unmatched.add(new FileValues(column, values, tally.capped));
			}
		});
		return unmatched;
	}

	/**
	 * The value map as given, checked against the kind's columns: each column must take a value map, and each
	 * target must be one of its choices (by its code, or any name it goes by) or empty to leave the value out.
	 */
	ValueMap checked(ImportableKind<?> kind, Map<String, Map<String, String>> given, Locale locale) {
		return read(kind, given, locale, true);
	}

	/**
	 * The part of a value map kept from before (with a saved mapping) that still holds: columns and choices that are
	 * gone since, such as a retired custom field, are left out.
	 */
	ValueMap kept(ImportableKind<?> kind, Map<String, Map<String, String>> given, Locale locale) {
		return read(kind, given, locale, false);
	}

	private ValueMap read(ImportableKind<?> kind, Map<String, Map<String, String>> given, Locale locale,
			boolean strict) {
		if (given == null || given.isEmpty()) {
			return ValueMap.NONE;
		}
		Map<String, ValueColumn> byKey = new HashMap<>();
		columns(kind, locale).forEach(column -> byKey.put(column.key(), column));
		Map<String, Map<String, String>> clean = new LinkedHashMap<>();
		given.forEach((key, values) -> {
			ValueColumn column = byKey.get(key);
			if (column == null && !strict) {
				return;
			}
			if (column == null) {
				throw new InvalidField("valueMap", "import.error.valueMapColumn",
						"The value map names " + key + ", which is not a column of choices of " + kind.name());
			}
			Map<String, String> targets = new LinkedHashMap<>();
			(values == null ? Map.<String, String>of() : values).forEach((value, target) -> {
				if (value == null || ChoiceNames.key(value).isEmpty()) {
					return;
				}
				String choice = target == null || target.isBlank() ? ""
						: column.choices().containsKey(target.strip()) ? target.strip()
								: column.names().choiceNamed(target);
				if (choice == null && !strict) {
					return;
				}
				if (choice == null) {
					throw new InvalidField("valueMap", "import.error.valueMapChoice",
							"The value map gives " + key + " a value that is not one of its choices: " + target);
				}
				targets.put(value.strip(), choice);
			});
			clean.put(key, targets);
		});
		return new ValueMap(clean);
	}

	/** The distinct values of a column, as first written, with their number of rows. */
	private static final class Tally {

		private final Map<String, Counted> values = new LinkedHashMap<>();
		private boolean capped;

		void count(String value) {
			String key = ChoiceNames.key(value);
			Counted counted = values.get(key);
			if (counted != null) {
				counted.rows++;
			}
			else if (values.size() < MAX_VALUES) {
				values.put(key, new Counted(value));
			}
			else {
				capped = true;
			}
		}
	}

	private static final class Counted {

		private final String value;
		private int rows = 1;

		Counted(String value) {
			this.value = value;
		}
	}
}
