package org.rapport.web;

import org.rapport.shared.SortWhitelist;
import org.springframework.data.domain.Sort;

/**
 * Reads the {@code sort} parameter of a list, page or API: {@code property} or {@code property,asc|desc}, such as
 * {@code name,desc}, {@code createdAt} or {@code cf.tier,asc}. A missing or blank parameter asks for the list's
 * default order; a direction other than {@code asc} or {@code desc} (in any case), or none, takes the list's default
 * direction. Which properties a list sorts by is the list's whitelist's affair: one it does not know sorts by its
 * default.
 */
public final class SortParameter {

	/** The pattern of a sort value for a list whose whitelist spells its properties so, for the API document. */
	public static String pattern(Iterable<String> spellings, boolean customFields) {
		StringBuilder names = new StringBuilder();
		for (String spelling : spellings) {
			names.append(names.isEmpty() ? "" : "|").append(spelling.replace(".", "\\."));
		}
		if (customFields) {
			names.append(names.isEmpty() ? "" : "|").append("cf\\.[a-z][a-z0-9_]*");
		}
		return "^(" + names + ")(,(asc|desc))?$";
	}

	private SortParameter() {
	}

	public static Sort parse(String value, SortWhitelist list) {
		if (value == null || value.isBlank()) {
			return list.defaultSort();
		}
		String[] parts = value.split(",", -1);
		String property = parts[0].strip();
		if (property.isEmpty()) {
			return list.defaultSort();
		}
		Sort.Direction direction = parts.length < 2 ? list.defaultDirection()
				: Sort.Direction.fromOptionalString(parts[1].strip()).orElse(list.defaultDirection());
		return Sort.by(direction, property);
	}

	/** The order a list with this whitelist takes for the parameter, with the parameter that asks for it. */
	public static SortWhitelist.Choice choose(String value, SortWhitelist list) {
		return list.choose(parse(value, list));
	}
}
