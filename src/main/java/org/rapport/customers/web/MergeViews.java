package org.rapport.customers.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the merge and duplicates pages show of a record, and how the forms hand in the field choices.
 */
final class MergeViews {

	/** A record in a list of candidates or a group: its label, a line of detail, its page and its merge page. */
	record Candidate(String label, String detail, String href, String mergeHref) {
	}

	record Group(String key, List<Candidate> members) {
	}

	private MergeViews() {
	}

	/** The {@code fields[name]} parameters of a merge form, as field name to side. */
	static Map<String, String> choices(Map<String, String> parameters) {
		Map<String, String> choices = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (name.startsWith("fields[") && name.endsWith("]")) {
				choices.put(name.substring(7, name.length() - 1), value);
			}
		});
		return choices;
	}

	static String joined(String... parts) {
		StringBuilder text = new StringBuilder();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				if (!text.isEmpty()) {
					text.append(" · ");
				}
				text.append(part);
			}
		}
		return text.toString();
	}
}
