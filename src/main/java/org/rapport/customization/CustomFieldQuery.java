package org.rapport.customization;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rapport.identity.VisibleQuery;
import org.rapport.shared.SortWhitelist;

/**
 * The custom-field part of a list's request: filters ({@code cf.<key>} for a value or the start of a text,
 * {@code cf.<key>.from} and {@code cf.<key>.to} for a range of numbers or dates), the columns shown
 * ({@code cols=cf.tier,cf.region}). It turns them into query conditions, and adds the fields to a list's sort
 * whitelist ({@code sort=cf.tier,desc}) as orders over the {@code custom_field} function, which PostgreSQL's
 * expression indexes cover.
 *
 * @param fields the active fields of the list's entity
 * @param filters the filter parameters that name one of those fields, as given
 * @param columns the fields shown as columns, in the order chosen
 */
public record CustomFieldQuery(List<CustomField> fields, Map<String, String> filters, List<CustomField> columns) {

	public static final String COLUMNS_PARAM = "cols";

	public CustomFieldQuery {
		fields = List.copyOf(fields);
		filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
		columns = List.copyOf(columns);
	}

	/** Reads the custom-field parameters of a list request; parameters of unknown or retired fields are ignored. */
	public static CustomFieldQuery of(List<CustomField> fields, Map<String, List<String>> params) {
		Map<String, String> filters = new LinkedHashMap<>();
		for (CustomField field : fields) {
			for (String name : List.of(field.param(), field.param() + ".from", field.param() + ".to")) {
				String value = first(params.get(name));
				if (value != null && !value.isBlank()) {
					filters.put(name, value.strip());
				}
			}
		}
		List<CustomField> columns = new ArrayList<>();
		List<String> cols = params.get(COLUMNS_PARAM);
		if (cols != null) {
			for (String name : String.join(",", cols).split(",")) {
				fields.stream()
					.filter(field -> field.param().equals(name.strip()) && !columns.contains(field))
					.findFirst()
					.ifPresent(columns::add);
			}
		}
		return new CustomFieldQuery(fields, filters, columns);
	}

	private static String first(List<String> values) {
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	public static CustomFieldQuery none() {
		return new CustomFieldQuery(List.of(), Map.of(), List.of());
	}

	/** The value of a filter parameter, or {@code null}. */
	public String filter(String name) {
		return filters.get(name);
	}

	public boolean shows(CustomField field) {
		return columns.contains(field);
	}

	/** The parameters that reproduce this part of the request, for links to other pages and sorts. */
	public Map<String, String> params() {
		Map<String, String> params = new LinkedHashMap<>(filters);
		if (!columns.isEmpty()) {
			params.put(COLUMNS_PARAM, String.join(",", columns.stream().map(CustomField::param).toList()));
		}
		return params;
	}

	/**
	 * The custom fields that an export of the list writes: the columns the list shows, or every active field when
	 * the list chose none.
	 */
	public List<CustomField> exportedColumns() {
		return columns.isEmpty() ? fields : columns;
	}

	/** The CSV header of those fields: {@code cf.<key>}, which an import maps back to the field. */
	public List<String> exportedHeader() {
		return exportedColumns().stream().map(CustomField::param).toList();
	}

	/**
	 * A record's values of the given fields as CSV text that an import reads back: options of a multi-pick-list
	 * joined by {@code ;}, numbers plain, dates and instants in ISO form.
	 */
	public static List<String> exportValues(Map<String, Object> values, List<CustomField> fields) {
		List<String> texts = new ArrayList<>(fields.size());
		for (CustomField field : fields) {
			Object value = values.get(field.key());
			if (value == null) {
				texts.add("");
			}
			else if (value instanceof java.util.Collection<?> items) {
				texts.add(String.join(";", items.stream().map(String::valueOf).toList()));
			}
			else if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) {
				texts.add(new java.math.BigDecimal(value.toString()).stripTrailingZeros().toPlainString());
			}
			else {
				texts.add(value.toString());
			}
		}
		return texts;
	}

	/** Adds the filters to a list query over records with the given alias. */
	public VisibleQuery applyTo(VisibleQuery query, String alias) {
		for (CustomField field : fields) {
			String name = "cf_" + field.key();
			String text = textOf(alias, field);
			String exact = filters.get(field.param());
			String from = filters.get(field.param() + ".from");
			String to = filters.get(field.param() + ".to");
			if (field.type().isNumeric()) {
				query.where(numberOf(alias, field) + " >= :" + name + "_from", name + "_from", number(from));
				query.where(numberOf(alias, field) + " <= :" + name + "_to", name + "_to", number(to));
				query.where(numberOf(alias, field) + " = :" + name, name, number(exact));
			}
			else if (field.type() == FieldType.DATE || field.type() == FieldType.DATE_TIME) {
				boolean instant = field.type() == FieldType.DATE_TIME;
				query.where(text + " >= :" + name + "_from", name + "_from", date(from, instant ? "T00:00:00Z" : ""));
				query.where(text + " <= :" + name + "_to", name + "_to", date(to, instant ? "T23:59:59Z" : ""));
				if (instant) {
					query.where(text + " like :" + name, name, date(exact, "%"));
				}
				else {
					query.where(text + " = :" + name, name, date(exact, ""));
				}
			}
			else if (field.type() == FieldType.CHECKBOX) {
				query.where(text + " = :" + name, name, flag(exact));
			}
			else if (field.type() == FieldType.PICK_LIST) {
				query.where(text + " = :" + name, name, option(field, exact));
			}
			else if (field.type() == FieldType.MULTI_PICK_LIST) {
				String option = option(field, exact);
				query.where(text + " like :" + name, name, option == null ? null : "%\"" + option + "\"%");
			}
			else if (exact != null) {
				query.where("lower(" + text + ") like :" + name + " escape '\\'", name,
						exact.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
								+ "%");
			}
		}
		return query;
	}

	/**
	 * The list's whitelist with each field as a sortable property ({@code cf.<key>}) over records with the given
	 * alias, ending in the id so that pages are stable. Records without a value come last going up and first going
	 * down, as the field's index (value, id) holds them on PostgreSQL and as H2 is set to sort them.
	 */
	public SortWhitelist sortable(SortWhitelist list, String alias) {
		SortWhitelist sortable = list;
		for (CustomField field : fields) {
			sortable = sortable.with(field.param(),
					field.type().isNumeric() ? numberOf(alias, field) : textOf(alias, field), alias + ".id");
		}
		return sortable;
	}

	private static String textOf(String alias, CustomField field) {
		// keys match [a-z][a-z0-9_]*, so the literal is safe; a literal (not a parameter) lets PostgreSQL use the
		// expression index on it
		return "custom_field(" + alias + ".customFields, '" + field.key() + "')";
	}

	private static String numberOf(String alias, CustomField field) {
		return "cast(" + textOf(alias, field) + " as Double)";
	}

	private static Double number(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Double.valueOf(text.replace(",", "."));
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	private static String date(String text, String suffix) {
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text).toString() + suffix;
		}
		catch (DateTimeParseException notADate) {
			return null;
		}
	}

	private static String flag(String text) {
		if (text == null) {
			return null;
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "1" -> "true";
			case "false", "no", "0" -> "false";
			default -> null;
		};
	}

	private static String option(CustomField field, String text) {
		if (text == null) {
			return null;
		}
		return field.options().stream().filter(option -> option.equalsIgnoreCase(text)).findFirst().orElse(null);
	}
}
