package org.rapport.customization.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the custom field values of records by id straight from their tables, for modules that may not use the
 * records' own module; the tables are those of {@link FieldIndexes#TABLES}, never user input.
 */
@Component
class StoredValues {

	private static final int CHUNK = 1_000;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final NamedParameterJdbcTemplate jdbc;

	StoredValues(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Map<UUID, Map<String, Object>> read(String table, Collection<UUID> ids) {
		Map<UUID, Map<String, Object>> values = new LinkedHashMap<>();
		List<UUID> all = new ArrayList<>(ids);
		for (int from = 0; from < all.size(); from += CHUNK) {
			List<UUID> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			jdbc.query("select id, cast(custom_fields as varchar) from " + table
					+ " where id in (:ids) and custom_fields is not null", Map.of("ids", chunk), row -> {
						try {
							values.put(row.getObject(1, UUID.class), JSON.readValue(row.getString(2), MAP));
						}
						catch (IOException unreadable) {
							throw new IllegalStateException("Unreadable custom fields of " + table, unreadable);
						}
					});
		}
		return values;
	}
}
