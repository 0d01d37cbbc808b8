package org.rapport.integration.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rapport.customization.CustomFieldInput;
import org.rapport.customization.CustomFields;
import org.rapport.customization.FieldType;
import org.rapport.identity.Actor;
import org.rapport.identity.OwnerPolicy;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.UserSummary;
import org.rapport.integration.DateOrder;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportCells;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportRow;
import org.rapport.integration.ImportableKind;
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

		private final Map<String, UserSummary> byUsername = new HashMap<>();
		private final Map<UserId, Optional<TeamId>> teams = new HashMap<>();

		Owners() {
			directory.activeUsers().forEach(u -> byUsername.put(u.username().toLowerCase(Locale.ROOT), u));
		}

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
	 * decimal mark, the order of each column's dates, and the actor's zone for times with an offset.
	 */
	ImportBatch batch(Actor actor, ImportableKind<?> kind, ImportJob job) {
		return new Batch(actor, kind, new ImportCells(messages, actor.locale(), job.decimalMark(), actor.zone(),
				job.dateOrdersByField()));
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
		Map<String, FieldType> customTypes = new HashMap<>();
		customFields.active(kind.customFieldsEntity()).forEach(f -> customTypes.put(f.key(), f.type()));
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
						FieldType type = customTypes.get(customKey);
						if (type != null && type.isNumeric()) {
							if (cells.number(cell) != null) {
								// the definition reads the number in plain form, its decimal mark read by the file's
								customText.put(customKey, cells.number(cell).toPlainString());
							}
							else {
								out.reject(key, cells.reason(column, cells.numberProblem(), cell.strip()));
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

	/** The owner a cell names by login, if the actor may give them the record. */
	private static void owner(Actor actor, ImportColumn column, String login, ImportRow out, Owners owners,
			ImportCells cells) {
		if (login.length() > column.maxLength()) {
			out.reject(column.key(), cells.reason(column, "import.error.tooLong", column.maxLength()));
			return;
		}
		UserSummary user = owners.byUsername.get(login.toLowerCase(Locale.ROOT));
		if (user == null) {
			out.reject(column.key(), cells.reason(column, "import.error.owner", login));
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
