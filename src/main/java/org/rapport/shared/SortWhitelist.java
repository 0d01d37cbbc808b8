package org.rapport.shared;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Sort;

/**
 * The orders a list offers: each sortable property (as the API and the URLs spell it, with its aliases) and the
 * query paths it orders by, ending in the tie-breaker that keeps pages stable, and the order when none of them is
 * asked for. It renders a {@link Sort} into the {@code order by} clause of the list's query; a property it does not
 * know sorts by the default property, in the direction asked. Spellings are read without regard to case.
 *
 * <p>Every path of a property takes the direction of the sort, so {@code name} with the paths {@code a.name} and
 * {@code a.id} going down renders {@code a.name desc, a.id desc}, the order of the index (name, id).
 */
public final class SortWhitelist {

	private final Map<String, List<String>> paths;

	private final Map<String, String> spellings;

	private final Map<String, String> byKey;

	private final String defaultProperty;

	private final Sort.Direction defaultDirection;

	private SortWhitelist(Map<String, List<String>> paths, Map<String, String> spellings, String defaultProperty,
			Sort.Direction defaultDirection) {
		this.paths = Collections.unmodifiableMap(paths);
		this.spellings = Collections.unmodifiableMap(spellings);
		this.byKey = new HashMap<>();
		spellings.forEach((spelling, property) -> byKey.put(key(spelling), property));
		this.defaultProperty = defaultProperty;
		this.defaultDirection = defaultDirection;
	}

	/** A whitelist of one property, which is also the order of a list that asks for none or for an unknown one. */
	public static SortWhitelist defaultingTo(String property, Sort.Direction direction, String... paths) {
		return new SortWhitelist(new LinkedHashMap<>(), new LinkedHashMap<>(), property, direction).with(property,
				paths);
	}

	/** This whitelist and one more property, ordered by the given paths in the sort's direction. */
	public SortWhitelist with(String property, String... paths) {
		return with(property, List.of(paths));
	}

	/** This whitelist and one more property, ordered by the given paths in the sort's direction. */
	public SortWhitelist with(String property, List<String> paths) {
		if (property == null || property.isBlank() || paths.isEmpty()) {
			throw new IllegalArgumentException("A sortable property needs a name and at least one path");
		}
		Map<String, List<String>> morePaths = new LinkedHashMap<>(this.paths);
		morePaths.put(property, List.copyOf(paths));
		Map<String, String> moreSpellings = new LinkedHashMap<>(spellings);
		moreSpellings.put(property, property);
		return new SortWhitelist(morePaths, moreSpellings, defaultProperty, defaultDirection);
	}

	/** This whitelist, in which {@code alias} also names the {@code property}. */
	public SortWhitelist alias(String alias, String property) {
		if (!paths.containsKey(property)) {
			throw new IllegalArgumentException("No sortable property " + property);
		}
		Map<String, String> moreSpellings = new LinkedHashMap<>(spellings);
		moreSpellings.put(alias, property);
		return new SortWhitelist(new LinkedHashMap<>(paths), moreSpellings, defaultProperty, defaultDirection);
	}

	/** The direction of a sort that names none, or names one other than ascending or descending. */
	public Sort.Direction defaultDirection() {
		return defaultDirection;
	}

	/** The order of a list that asks for none. */
	public Sort defaultSort() {
		return Sort.by(defaultDirection, defaultProperty);
	}

	/** Every spelling that names a property: the properties, then their aliases. */
	public Set<String> spellings() {
		return Collections.unmodifiableSet(new LinkedHashSet<>(spellings.keySet()));
	}

	/**
	 * The order the list takes for this sort: its first order, in which a property that the whitelist does not know
	 * stands for the default property; the default order when the sort is empty.
	 */
	public Choice choose(Sort sort) {
		if (sort != null) {
			for (Sort.Order order : sort) {
				String property = byKey.get(key(order.getProperty()));
				String chosen = property != null ? property : defaultProperty;
				return new Choice(chosen, order.getDirection(), paths.get(chosen));
			}
		}
		return new Choice(defaultProperty, defaultDirection, paths.get(defaultProperty));
	}

	/** The {@code order by} clause (without those words) of the list's query for this sort. */
	public String orderBy(Sort sort) {
		return choose(sort).orderBy();
	}

	private static String key(String spelling) {
		return spelling == null ? "" : spelling.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * A property of the whitelist and the direction a list sorts it in.
	 *
	 * @param property the property as the whitelist spells it (not an alias)
	 * @param direction ascending or descending
	 * @param paths the query paths it orders by
	 */
	public record Choice(String property, Sort.Direction direction, List<String> paths) {

		public boolean ascending() {
			return direction.isAscending();
		}

		/** The value of the {@code sort} parameter that asks for this order, such as {@code name,asc}. */
		public String param() {
			return property + "," + (ascending() ? "asc" : "desc");
		}

		/** Each path in the direction: {@code a.name asc, a.id asc}. */
		public String orderBy() {
			String direction = ascending() ? " asc" : " desc";
			return String.join(", ", paths.stream().map(path -> path + direction).toList());
		}

		public Sort sort() {
			return Sort.by(direction, property);
		}
	}
}
