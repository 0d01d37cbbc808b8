package org.rapport.customization.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SQL function {@code rapport_json_text(json, key)} on the embedded H2 database, which has no JSON path
 * functions: the text of one member of a JSON object, as PostgreSQL's {@code jsonb_extract_path_text} gives it.
 */
public final class H2JsonFunctions {

	private static final ObjectMapper JSON = new ObjectMapper();

	private H2JsonFunctions() {
	}

	public static String text(String json, String key) {
		if (json == null || key == null) {
			return null;
		}
		try {
			JsonNode member = JSON.readTree(json).get(key);
			if (member == null || member.isNull()) {
				return null;
			}
			return member.isValueNode() ? member.asText() : member.toString();
		}
		catch (java.io.IOException notJson) {
			return null;
		}
	}
}
