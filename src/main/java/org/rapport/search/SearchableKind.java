package org.rapport.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One kind of record that the global search finds, as the module owning it describes it in a bean: the search knows
 * the kinds described so and no other, and reads their entities and fields only through these descriptions.
 *
 * @param code the kind's name in URLs, the API and the index's {@code kind} field ({@code account}, {@code order}...)
 * @param entityName the name of its indexed entity, whose index also holds the keyword fields {@code kind} (the code,
 * aggregable), {@code ownerId} and {@code teamId}
 * @param labelKey the message key of the kind's name in the plural, in the owning module's bundle
 * @param pathPrefix the path of a record's page up to its id, such as {@code /accounts/}
 * @param icon the bootstrap-icons name that the menu uses for the kind too
 * @param order its place among the kinds in the filters and counts, smaller first
 * @param fields the fields of its index that the search reads and how typed words match them, with one
 * {@linkplain SearchField.Match#TITLE title}
 * @param subtitle the fields that make the line under a hit's title, in order: their values, or for a reference the
 * title of the record it names
 * @param visibleToEverybody whether every user finds every record of the kind, as with the product catalogue
 * @param titles the titles of records of this kind by id, for the hits of other kinds that refer to them, or
 * {@code null} where none does
 */
public record SearchableKind(String code, String entityName, String labelKey, String pathPrefix, String icon,
		int order, List<SearchField> fields, List<String> subtitle, boolean visibleToEverybody, Titles titles) {

	private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

	/** The titles of records of a kind, in one look-up, whoever may see them; unknown ids are left out. */
	@FunctionalInterface
	public interface Titles {

		Map<UUID, String> of(Collection<UUID> ids);
	}

	public SearchableKind {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(entityName, "entityName");
		Objects.requireNonNull(labelKey, "labelKey");
		Objects.requireNonNull(pathPrefix, "pathPrefix");
		Objects.requireNonNull(icon, "icon");
		if (!CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("A kind's code is lower-case letters, digits and underscores: " + code);
		}
		fields = List.copyOf(fields);
		subtitle = List.copyOf(subtitle);
		Set<String> names = new HashSet<>();
		for (SearchField field : fields) {
			if (!names.add(field.name())) {
				throw new IllegalArgumentException("Kind " + code + " names the field " + field.name() + " twice");
			}
		}
		if (fields.stream().filter(field -> field.match() == SearchField.Match.TITLE).count() != 1) {
			throw new IllegalArgumentException("Kind " + code + " needs exactly one title field");
		}
		for (String shown : subtitle) {
			if (!names.contains(shown)) {
				throw new IllegalArgumentException("Kind " + code + " shows the undeclared field " + shown);
			}
		}
	}

	/** A description of the kind with the given code and indexed entity, to be completed. */
	public static Builder of(String code, String entityName) {
		return new Builder(code, entityName);
	}

	/** The field whose value is the title of a hit. */
	public String titleField() {
		return fields.stream()
			.filter(field -> field.match() == SearchField.Match.TITLE)
			.findFirst()
			.orElseThrow()
			.name();
	}

	/** The declared field of that name, if any. */
	public Optional<SearchField> field(String name) {
		return fields.stream().filter(field -> field.name().equals(name)).findFirst();
	}

	/** Completes a {@link SearchableKind}; every part but the subtitle, the fields and the titles is needed. */
	public static final class Builder {

		private final String code;
		private final String entityName;
		private String labelKey;
		private String pathPrefix;
		private String icon;
		private int order;
		private final List<SearchField> fields = new ArrayList<>();
		private final List<String> subtitle = new ArrayList<>();
		private boolean visibleToEverybody;
		private Titles titles;

		private Builder(String code, String entityName) {
			this.code = code;
			this.entityName = entityName;
		}

		/** The message key of the kind's name in the plural. */
		public Builder label(String key) {
			this.labelKey = key;
			return this;
		}

		/** Where a record's page is: this path followed by its id. */
		public Builder page(String prefix) {
			this.pathPrefix = prefix;
			return this;
		}

		public Builder icon(String name) {
			this.icon = name;
			return this;
		}

		public Builder order(int place) {
			this.order = place;
			return this;
		}

		public Builder fields(SearchField... declared) {
			fields.addAll(List.of(declared));
			return this;
		}

		public Builder subtitle(String... shown) {
			subtitle.addAll(List.of(shown));
			return this;
		}

		/** Every user finds every record of the kind. */
		public Builder visibleToEverybody() {
			this.visibleToEverybody = true;
			return this;
		}

		/** How hits of other kinds that refer to records of this kind learn their titles. */
		public Builder titles(Titles lookup) {
			this.titles = lookup;
			return this;
		}

		public SearchableKind build() {
			return new SearchableKind(code, entityName, labelKey, pathPrefix, icon, order, fields, subtitle,
					visibleToEverybody, titles);
		}
	}
}
