package org.rapport.sales.internal;

import java.util.Locale;

/**
 * The orders the lead list offers; each has an index behind it.
 */
public enum LeadSort {
	NAME, CREATED, UPDATED;

	/** Reads {@code name}, {@code name,desc}, {@code createdAt,asc} and the like; anything else sorts by name. */
	public static Sorting parse(String value) {
		if (value == null || value.isBlank()) {
			return new Sorting(NAME, true);
		}
		String[] parts = value.split(",");
		LeadSort field = switch (parts[0].strip().toLowerCase(Locale.ROOT)) {
			case "createdat", "created" -> CREATED;
			case "updatedat", "updated" -> UPDATED;
			default -> NAME;
		};
		boolean ascending = parts.length < 2 || !parts[1].strip().equalsIgnoreCase("desc");
		return new Sorting(field, ascending);
	}

	public record Sorting(LeadSort field, boolean ascending) {

		public String param() {
			String name = switch (field) {
				case NAME -> "name";
				case CREATED -> "createdAt";
				case UPDATED -> "updatedAt";
			};
			return name + "," + (ascending ? "asc" : "desc");
		}

		String orderBy(String alias) {
			String direction = ascending ? "asc" : "desc";
			return switch (field) {
				case NAME -> alias + ".lastName " + direction + ", " + alias + ".firstName " + direction + ", " + alias
						+ ".id " + direction;
				case CREATED -> alias + ".createdAt " + direction + ", " + alias + ".id " + direction;
				case UPDATED -> alias + ".updatedAt " + direction + ", " + alias + ".id " + direction;
			};
		}
	}
}
