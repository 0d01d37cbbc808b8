package org.rapport.customers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a plain statement writes the {@code custom_fields} column: JSON text cast to {@code jsonb} on PostgreSQL,
 * marked {@code FORMAT JSON} on H2 (which would otherwise store the text as one JSON string).
 */
final class JsonColumn {

	private final JdbcTemplate jdbc;
	private final JsonMapper mapper;
	private volatile String marker;

	JsonColumn(JdbcTemplate jdbc, JsonMapper mapper) {
		this.jdbc = jdbc;
		this.mapper = mapper;
	}

	/** The parameter marker of a JSON value in this database. */
	String marker() {
		if (marker == null) {
			String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
			marker = product != null && product.toLowerCase(Locale.ROOT).contains("postgres") ? "cast(? as jsonb)"
					: "? format json";
		}
		return marker;
	}

	/** The values as JSON text, or null for none. */
	String text(Map<String, Object> values) {
		return values == null || values.isEmpty() ? null : mapper.writeValueAsString(values);
	}

	/** {@code column = ?} for each column, the custom fields with the JSON marker. */
	String assignments(String columns) {
		List<String> parts = new ArrayList<>();
		for (String column : columns.split(",\\s*")) {
			parts.add(column + " = " + (column.equals("custom_fields") ? marker() : "?"));
		}
		return String.join(", ", parts);
	}
}
