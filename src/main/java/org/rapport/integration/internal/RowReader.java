package org.rapport.integration.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.math.BigDecimal;
import org.rapport.customization.CustomField;
import org.rapport.customization.CustomFieldInput;
import org.rapport.customization.CustomFields;
import org.rapport.customization.FieldType;
import org.rapport.identity.Actor;
import org.rapport.identity.OwnerPolicy;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.UserNames;
import org.rapport.identity.UserSummary;
import org.rapport.integration.CurrencySymbols;
import org.rapport.integration.DateOrder;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportCells;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportRow;
import org.rapport.integration.ImportableKind;
import org.rapport.integration.ValueMap;
import org.rapport.shared.InvalidField;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads file rows into the values they will be stored with: the one reading that both the preview and the import
 * use. The cells are read by the file's conventions, the owner by login and the custom fields by their definitions;
 * then the kind of record completes the rows, resolving what they name for the whole batch at once.
 */
@Component
class RowReader {

	private final UserDirectory directory;
	private final MessageSource messages;
	private final ImportFields fields;
	private final CustomFields customFields;

	RowReader(UserDirectory directory, MessageSource messages, ImportFields fields, CustomFields customFields) {
		this.directory = directory;
		this.messages = messages;
		this.fields = fields;
		this.customFields = customFields;
	}

	/** Who may become an owner, looked up once per run. */
	final class Owners {

		private final UserNames names = UserNames.of(directory.activeUsers());
		private final Map<UserId, Optional<TeamId>> teams = new HashMap<>();

		TeamId teamOf(UserId owner) {
			// kept as an Optional: a user without a team is asked once, not once per row
			return teams.computeIfAbsent(owner, o -> Optional.ofNullable(directory.teamForOwner(o, null)))
				.orElse(null);
		}
	}

	Owners owners() {
		return new Owners();
	}

	/**
	 * A batch of the kind imported by the actor from the job's file, its cells read by the file's conventions: its
	 * decimal mark, the order of each column's dates, the actor's zone for times with an offset, and the currency of
	 * its amounts that name none; its values that name none of our choices stand for what the value map says.
	 */
	ImportBatch batch(Actor actor, ImportableKind<?> kind, ImportJob job, ValueMap values) {
		return new Batch(actor, kind, new ImportCells(messages, actor.locale(), job.decimalMark(), actor.zone(),
				job.dateOrdersByField(), values, job.currency()));
	}

	/** Reads a batch of rows; must run in a transaction (the kind looks up what they name). */
	List<ImportRow> read(ImportBatch batch, Map<Integer, String> mapping, List<CsvSource.Row> rows, Owners owners) {
		Batch of = (Batch) batch;
		Actor actor = of.actor;
		ImportableKind<?> kind = of.kind;
		ImportCells cells = of.cells;
		List<ImportRow> read = new ArrayList<>(rows.size());
		Map<String, ImportColumn> columns = new HashMap<>();
		fields.of(kind, actor.locale()).forEach(f -> columns.put(f.key(), f));
		Map<String, CustomField> custom = new HashMap<>();
		customFields.active(kind.customFieldsEntity()).forEach(f -> custom.put(f.key(), f));
		for (CsvSource.Row row : rows) {
			ImportRow out = new ImportRow(row.line(), row.cells());
			Map<String, String> customText = new LinkedHashMap<>();
			mapping.forEach((index, key) -> {
				ImportColumn column = columns.get(key);
				String cell = index < row.cells().size() ? row.cells().get(index) : null;
				if (column == null || cell == null || cell.isBlank()) {
					return;
				}
				switch (column.type()) {
					case CUSTOM -> {
						String customKey = key.substring(CustomFields.PARAM_PREFIX.length());
						CustomField field = custom.get(customKey);
						FieldType type = field == null ? null : field.type();
						if (!column.choices().isEmpty()) {
							String options = options(cells, column, cell, out, type == FieldType.MULTI_PICK_LIST,
									field != null && field.required());
							if (options != null) {
								customText.put(customKey, options);
							}
						}
						else if (type != null && type.isNumeric()) {
							CurrencySymbols.Written written = cells.amount(cell);
							BigDecimal number = written == null ? null : written.amount();
							if (number == null) {
								out.reject(key, cells.reason(column, cells.numberProblem(), cell.strip()));
							}
							else if (written.symbol() != null
									&& !(type == FieldType.CURRENCY && written.mayBe(field.currency()))) {
								// a field's amount is in the field's currency, never in the one its cell is written in
								out.reject(key, written.problem() != null
										? cells.reason(column, written.problem(), cell.strip(), written.symbol())
										: type == FieldType.CURRENCY && field.currency() != null
												? cells.reason(column, "import.error.currencyField", cell.strip(),
														written.currency(field.currency()), field.currency())
												: cells.reason(column, "import.error.currencyInNumber", cell.strip(),
														written.currency(null)));
							}
							else if (type == FieldType.NUMBER && number.stripTrailingZeros().scale() > 0) {
								// a whole number is never rounded: 12.5 is refused, 100.0 read as 100
								out.reject(key, cells.reason(column, "import.error.fraction", cell.strip()));
							}
							else {
								// the definition reads the number in plain form, its decimal mark read by the file's
								customText.put(customKey, number.toPlainString());
							}
						}
						else if (type == FieldType.DATE || type == FieldType.DATE_TIME) {
							// the definition reads ISO dates, the column's order read by the file's
							DateOrder order = cells.dateOrder(key);
							DateOrder.Written written = order.written(cell);
							if (written == null) {
								out.reject(key, cells.reason(column, order.problem(cell), cell.strip()));
							}
							else {
								customText.put(customKey, type == FieldType.DATE
										? written.dateIn(cells.zone()).toString() : written.isoDateTime());
							}
						}
						else {
							customText.put(customKey, cell.strip());
						}
					}
					case OWNER -> owner(actor, column, cell.strip(), out, owners, cells);
					default -> cells.read(column, cell, out);
				}
			});
			cells.settleCurrency(kind.columns(), out, kind.amountsInImportCurrency());
			if (!customText.isEmpty()) {
				CustomFieldInput input = customFields.read(kind.customFieldsEntity(), customText, actor.zone());
				input.errors().forEach((key, error) -> {
					ImportColumn column = columns.get(CustomFields.PARAM_PREFIX + key);
					out.reject(CustomFields.PARAM_PREFIX + key,
							cells.labelled(column == null ? key : column.label(), cells.message(error)));
				});
				Map<String, Object> values = new LinkedHashMap<>();
				input.values().forEach((key, value) -> {
					if (value != null) {
						values.put(key, value);
					}
				});
				if (!values.isEmpty()) {
					out.values().put("customFields", values);
				}
			}
			for (ImportColumn column : kind.columns()) {
				if (column.required() && out.values().get(column.key()) == null
						&& !out.errors().containsKey(column.key())) {
					out.reject(column.key(), cells.reason(column, "import.error.required"));
				}
			}
			UserId owner = (UserId) out.values().getOrDefault("owner", actor.id());
			out.values().put("ownerId", owner.value());
			TeamId team = owner.equals(actor.id()) && actor.team() != null ? actor.team() : owners.teamOf(owner);
			out.values().put("teamId", team == null ? null : team.value());
			read.add(out);
		}
		kind.convert(batch, read);
		return read;
	}

	/**
	 * The options a custom field's cell names, as the definition reads them (separated by semicolons for a field
	 * of several options), each found as a choice is; a value that names none of them is left out with a notice, or
	 * rejects the row when the field is required. Null when none is left.
	 */
	private static String options(ImportCells cells, ImportColumn column, String cell, ImportRow out, boolean several,
			boolean required) {
		List<String> chosen = new ArrayList<>();
		for (String part : several ? cell.split(CustomFields.OPTION_SEPARATORS) : new String[] { cell }) {
			if (!part.isBlank()) {
				String option = cells.choice(column, part.strip(), out, required);
				if (option != null) {
					chosen.add(option);
				}
			}
		}
		return chosen.isEmpty() ? null : String.join(";", chosen);
	}

	/**
	 * The owner a cell names by login, e-mail address or display name (see {@link UserNames}), if the actor may give
	 * them the record; a name no user goes by leaves the record to the actor, with a notice that says so.
	 */
	private static void owner(Actor actor, ImportColumn column, String login, ImportRow out, Owners owners,
			ImportCells cells) {
		if (login.length() > column.maxLength()) {
			out.reject(column.key(), cells.reason(column, "import.error.tooLong", column.maxLength()));
			return;
		}
		UserNames.Found found = owners.names.find(login);
		UserSummary user = found.user();
		if (found.ambiguous()) {
			out.reject(column.key(), cells.reason(column, "import.error.ownerAmbiguous", login));
		}
		else if (user == null) {
			// an owner of the old system that has no user here, such as a Salesforce user id, costs the row nothing
			out.notice(column.key(), cells.reason(column, "import.notice.owner", login));
		}
		else if (OwnerPolicy.check(actor, user.id(), user.team(), null) != null) {
			out.reject(column.key(), cells.reason(column, "import.error.ownerNotAllowed"));
		}
		else {
			out.values().put(column.key(), user.id());
		}
	}

	/** The batch as a kind of record sees it. */
	private final class Batch implements ImportBatch {

		private final Actor actor;
		private final ImportableKind<?> kind;
		private final ImportCells cells;

		Batch(Actor actor, ImportableKind<?> kind, ImportCells cells) {
			this.actor = actor;
			this.kind = kind;
			this.cells = cells;
		}

		@Override
		public Actor actor() {
			return actor;
		}

		@Override
		public ImportCells cells() {
			return cells;
		}

		@Override
		public void reject(ImportRow row, String column, String key, Object... args) {
			row.reject(column, cells.labelled(label(column), cells.message(key, args)));
		}

		private String label(String column) {
			return fields.field(kind, column, actor.locale()).map(cells::label).orElse(column);
		}

		@Override
		@SuppressWarnings("unchecked")
		public Map<String, Object> customFields(ImportRow row, Map<String, Object> current, boolean creating) {
			Map<String, Object> changes = (Map<String, Object>) row.values().getOrDefault("customFields", Map.of());
			try {
				return customFields.merge(kind.customFieldsEntity(), current == null ? Map.of() : current, changes,
						creating);
			}
			catch (InvalidField refused) {
				String key = refused.field().replace("customFields.", CustomFields.PARAM_PREFIX);
				reject(row, key, refused.messageKey());
				return null;
			}
		}
	}
}
