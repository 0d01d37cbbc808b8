package org.rapport.search.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.search.engine.backend.metamodel.IndexDescriptor;
import org.hibernate.search.engine.backend.metamodel.IndexFieldDescriptor;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.rapport.search.SearchField;
import org.rapport.search.SearchableKind;
import org.springframework.stereotype.Component;

/**
 * The kinds of record the search finds: those that the modules describe as {@link SearchableKind} beans, in their
 * order, and no other.
 */
@Component
public class SearchableKinds {

	/** The fields every kind's index holds besides those its description names. */
	private static final List<String> COMMON_FIELDS = List.of("kind", "ownerId", "teamId");

	private final List<SearchableKind> all;
	private final Map<String, SearchableKind> byCode = new HashMap<>();
	private final Map<String, SearchableKind> byEntityName = new HashMap<>();

	SearchableKinds(List<SearchableKind> described) {
		List<SearchableKind> sorted = new ArrayList<>(described);
		sorted.sort(Comparator.comparingInt(SearchableKind::order).thenComparing(SearchableKind::code));
		this.all = List.copyOf(sorted);
		for (SearchableKind kind : all) {
			if (byCode.putIfAbsent(kind.code(), kind) != null) {
				throw new IllegalStateException("Two searchable kinds have the code " + kind.code());
			}
			if (byEntityName.putIfAbsent(kind.entityName(), kind) != null) {
				throw new IllegalStateException("Two searchable kinds have the entity " + kind.entityName());
			}
		}
		for (SearchableKind kind : all) {
			for (SearchField field : kind.fields()) {
				if (field.match() == SearchField.Match.REFERENCE) {
					SearchableKind target = byCode.get(field.refersTo());
					if (target == null || target.titles() == null) {
						throw new IllegalStateException("Kind " + kind.code() + " refers through " + field.name()
								+ " to " + field.refersTo() + ", which is no searchable kind that tells its titles");
					}
				}
			}
		}
	}

	/** Every kind, in order. */
	public List<SearchableKind> all() {
		return all;
	}

	/** The kind with this code, ignoring case and surrounding blanks. */
	public Optional<SearchableKind> ofCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(byCode.get(code.strip().toLowerCase(Locale.ROOT)));
	}

	public Optional<SearchableKind> ofEntityName(String entityName) {
		return Optional.ofNullable(byEntityName.get(entityName));
	}

	public List<String> entityNames() {
		return all.stream().map(SearchableKind::entityName).toList();
	}

	/** The codes in order, as a sentence lists alternatives: "a, b or c". */
	public String codesAsAlternatives() {
		List<String> codes = all.stream().map(SearchableKind::code).toList();
		if (codes.size() <= 1) {
			return String.join("", codes);
		}
		return String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + codes.get(codes.size() - 1);
	}

	/**
	 * Fails unless the index of every kind holds what its description names, so that a description that does not
	 * match its entity stops the start rather than a search.
	 */
	void checkAgainst(SearchMapping mapping) {
		for (SearchableKind kind : all) {
			IndexDescriptor index;
			try {
				index = mapping.indexedEntity(kind.entityName()).indexManager().descriptor();
			}
			catch (RuntimeException notIndexed) {
				throw new IllegalStateException("The searchable kind " + kind.code() + " names the entity "
						+ kind.entityName() + ", which is not indexed", notIndexed);
			}
			for (String common : COMMON_FIELDS) {
				require(kind, index, common);
			}
			for (SearchField field : kind.fields()) {
				IndexFieldDescriptor descriptor = require(kind, index, field.name());
				if (field.hasPrefixField()) {
					require(kind, index, field.prefixField());
					require(kind, index, field.gramsField());
				}
				boolean shown = field.name().equals(kind.titleField()) || kind.subtitle().contains(field.name())
						|| field.match() == SearchField.Match.REFERENCE;
				if (shown && !descriptor.toValueField().type().projectable()) {
					throw new IllegalStateException("The searchable kind " + kind.code() + " shows the field "
							+ field.name() + ", which its index does not store (it is not projectable)");
				}
			}
		}
	}

	private static IndexFieldDescriptor require(SearchableKind kind, IndexDescriptor index, String field) {
		return index.field(field)
			.filter(IndexFieldDescriptor::isValueField)
			.orElseThrow(() -> new IllegalStateException("The searchable kind " + kind.code() + " needs the field "
					+ field + ", which the index of " + kind.entityName() + " does not hold"));
	}
}
