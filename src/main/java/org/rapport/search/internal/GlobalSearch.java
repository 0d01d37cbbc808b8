package org.rapport.search.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.common.EntityReference;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.rapport.identity.Actor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.identity.Visibility;
import org.rapport.search.SearchField;
import org.rapport.search.SearchField.Match;
import org.rapport.search.SearchableKind;
import org.springframework.stereotype.Service;

/**
 * Searches the index over all kinds of record that the modules describe, by their entity names and the fields their
 * descriptions name, so that this module never touches the entity classes of the others. Every word typed must match
 * the record somewhere: the whole word in a name scores highest, the beginning of a word less, a word of three
 * characters or more inside a word less again, a word with one typo least; e-mail addresses and order, contract and
 * product numbers match from their start, phone numbers from their start and, ranking lower, anywhere. The
 * visibility rule is part of the query, so hits and counts only ever hold records the user may open; records of the
 * kinds visible to everybody, such as products, are always among them.
 */
@Service
public class GlobalSearch {

	/** Matches counted exactly up to this number; past it the total says "more than". */
	public static final int COUNT_LIMIT = 10_000;

	private static final AggregationKey<Map<String, Long>> KINDS = AggregationKey.of("kinds");
	private static final int MAX_WORDS = 8;
	private static final int FUZZY_MIN_LENGTH = 4;
	/** Hit columns before the fields: the entity reference and the score. */
	private static final int FIELD_COLUMNS = 2;

	/** A word of a phone number: digits with the punctuation people put between them. */
	private static final Pattern PHONE_PART = Pattern.compile("[0-9+()\\-./]*[0-9][0-9+()\\-./]*");

	/** A record number such as ORD-000123, CTR-000042 or a SKU like AB-1001: letters, hyphens and digits. */
	private static final Pattern RECORD_NUMBER = Pattern.compile("\\p{IsLatin}[\\p{IsLatin}0-9]*(-[\\p{IsLatin}0-9]+)+");

	/**
	 * A word of letters and digits, with apostrophes and hyphens as names have them, is also looked for inside the
	 * words of names when it holds this many of them in a row; the beginning of an e-mail address ({@code ada.mi})
	 * is not.
	 */
	private static final Pattern INSIDE_WORD = Pattern.compile("[\\p{L}\\p{N}'’-]*[\\p{L}\\p{N}]{" + SearchAnalysis.GRAM
			+ "}[\\p{L}\\p{N}'’-]*");

	/**
	 * What a word found inside a name or a phone number adds to the score, the same for every name: less than the
	 * whole word or its beginning, which find the name inside too and add their own score to this one.
	 */
	private static final float CONTAINS_TITLE = 2;
	private static final float CONTAINS_WORDS = 1;
	private static final float CONTAINS_PHONE = 1;

	/**
	 * What a word with one typo adds, the same for every name and less than a word inside: scored by how rare the
	 * word is, as whole words and beginnings are, a typo of a rare name would outweigh it in a large index.
	 */
	private static final float TYPO_TITLE = 1;
	private static final float TYPO_WORDS = 0.5f;

	private final EntityManagerFactory entityManagerFactory;
	private final SearchableKinds kinds;

	GlobalSearch(EntityManagerFactory entityManagerFactory, SearchableKinds kinds) {
		this.entityManagerFactory = entityManagerFactory;
		this.kinds = kinds;
		kinds.checkAgainst(Search.mapping(entityManagerFactory));
	}

	/** The hits of the query that the actor may see, best first, with counts per kind when asked for. */
	public SearchResults search(Actor actor, SearchQuery query, boolean withCounts) {
		List<String> words = words(query.text());
		if (words.isEmpty()) {
			return SearchResults.empty(query.text(), query.size());
		}
		List<SearchableKind> searched = query.kind() == null ? kinds.all() : List.of(query.kind());
		Fields fields = new Fields(searched);
		List<Object[]> rows;
		long total;
		boolean exact;
		Map<String, Long> counts = new HashMap<>();
		try (EntityManager em = entityManagerFactory.createEntityManager()) {
			SearchSession session = Search.session(em);
			SearchScope<Object> scope = session.scope(Object.class,
					searched.stream().map(SearchableKind::entityName).toList());
			var select = session.search(scope)
				.select(f -> f.composite().from(fields.projections(f)).asArray())
				.where(f -> predicate(f, fields, words, actor, query.owner()));
			if (withCounts) {
				select = select.aggregation(KINDS,
						f -> f.terms().field("kind", String.class).maxTermCount(Math.max(20, kinds.all().size())));
			}
			SearchResult<Object[]> result = select.totalHitCountThreshold(COUNT_LIMIT)
				.fetch(query.page() * query.size(), query.size() + 1);
			rows = result.hits();
			total = result.total().hitCountLowerBound();
			exact = result.total().isHitCountExact();
			if (withCounts) {
				result.aggregation(KINDS)
					.forEach((code, count) -> kinds.ofCode(code).ifPresent(kind -> counts.put(kind.code(), count)));
			}
		}
		boolean hasNext = rows.size() > query.size();
		List<Object[]> page = hasNext ? rows.subList(0, query.size()) : rows;
		return new SearchResults(query.text(), hits(page, fields), query.page(), query.size(), hasNext,
				Math.min(total, COUNT_LIMIT), !exact || total > COUNT_LIMIT, counts);
	}

	private BooleanPredicateClausesStep<?, ?> predicate(SearchPredicateFactory f, Fields fields, List<String> words,
			Actor actor, UUID owner) {
		var root = f.bool();
		for (String word : words) {
			root.must(wordMatch(f, fields, word));
		}
		List<PredicateFinalStep> visible = actor.visibility().render(new IndexVisibility(f));
		if (visible != null) {
			var anyOf = f.bool();
			for (SearchableKind kind : kinds.all()) {
				if (kind.visibleToEverybody()) {
					anyOf.should(f.match().field("kind").matching(kind.code()));
				}
			}
			visible.forEach(anyOf::should);
			root.filter(anyOf);
		}
		if (owner != null) {
			root.filter(f.match().field("ownerId").matching(owner));
		}
		return root;
	}

	/** The visibility rule as clauses on the indexed owner and team, any of which lets a record through. */
	private static final class IndexVisibility implements Visibility.Renderer<List<PredicateFinalStep>> {

		private final SearchPredicateFactory f;

		IndexVisibility(SearchPredicateFactory f) {
			this.f = f;
		}

		@Override
		public List<PredicateFinalStep> everything() {
			return null;
		}

		@Override
		public List<PredicateFinalStep> owner(UserId owner) {
			return List.of(f.match().field("ownerId").matching(owner.value()));
		}

		@Override
		public List<PredicateFinalStep> ownerOrTeam(UserId owner, TeamId team) {
			return List.of(f.match().field("ownerId").matching(owner.value()),
					f.match().field("teamId").matching(team.value()));
		}
	}

	/** One typed word: at least one of these must match, and the better the match the higher the score. */
	private static BooleanPredicateClausesStep<?, ?> wordMatch(SearchPredicateFactory f, Fields fields, String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		String pattern = lower.replace("*", "").replace("?", "");
		String digits = word.replaceAll("[^0-9]", "");
		if (RECORD_NUMBER.matcher(word).matches() && word.chars().anyMatch(Character::isDigit)) {
			return numberMatch(f, fields, word, pattern);
		}
		// a number is no word with typos (40 is not 41), and one of several parts ("+49-40-123456", "(40) 123") is
		// a phone number that a name holds only as the same parts in the same order
		boolean number = PHONE_PART.matcher(word).matches();
		boolean parts = number && !word.chars().allMatch(Character::isDigit);
		boolean fuzzy = !number && word.length() >= FUZZY_MIN_LENGTH && !hasIdeographs(word);
		boolean inside = !parts && !hasIdeographs(word) && INSIDE_WORD.matcher(word).matches();
		var any = f.bool();
		for (SearchField field : fields.matching(Match.TITLE)) {
			if (parts) {
				any.should(f.phrase().field(field.name()).matching(word).boost(10));
				continue;
			}
			any.should(f.match().field(field.name()).matching(word).boost(10))
				.should(f.match().field(field.prefixField()).matching(word).boost(3));
			if (inside) {
				any.should(f.phrase().field(field.gramsField()).matching(word).constantScore().boost(CONTAINS_TITLE));
			}
			if (fuzzy) {
				any.should(f.match().field(field.name()).matching(word).fuzzy(1, 1).constantScore().boost(TYPO_TITLE));
			}
		}
		for (SearchField field : fields.matching(Match.WORDS)) {
			if (parts) {
				any.should(f.phrase().field(field.name()).matching(word).boost(5));
				continue;
			}
			any.should(f.match().field(field.name()).matching(word).boost(5))
				.should(f.match().field(field.prefixField()).matching(word).boost(2));
			if (inside) {
				any.should(f.phrase().field(field.gramsField()).matching(word).constantScore().boost(CONTAINS_WORDS));
			}
			if (fuzzy) {
				any.should(f.match().field(field.name()).matching(word).fuzzy(1, 1).constantScore().boost(TYPO_WORDS));
			}
		}
		for (SearchField field : fields.matching(Match.EMAIL)) {
			any.should(f.match().field(field.name()).matching(lower).boost(10));
			if (pattern.length() >= 3) {
				any.should(f.wildcard().field(field.name()).matching(pattern + "*").boost(4));
			}
		}
		for (SearchField field : fields.matching(Match.NUMBER)) {
			any.should(f.match().field(field.name()).matching(lower).boost(10));
			if (pattern.length() >= 2) {
				any.should(f.wildcard().field(field.name()).matching(pattern + "*").boost(5));
			}
		}
		if (digits.length() >= SearchAnalysis.GRAM) {
			for (SearchField field : fields.matching(Match.PHONE)) {
				any.should(f.wildcard().field(field.name()).matching(digits + "*").boost(4))
					.should(f.match().field(field.prefixField()).matching(digits).boost(2))
					.should(f.phrase().field(field.gramsField()).matching(digits).constantScore().boost(CONTAINS_PHONE));
			}
		}
		return any;
	}

	/**
	 * A word shaped like a record number finds that number, exactly or as its beginning, and a name only where the
	 * name holds all its parts in that order: {@code CTR-000003} finds no order ORD-000003, nor {@code ORD-0004}
	 * every order and whatever is named like "ord".
	 */
	private static BooleanPredicateClausesStep<?, ?> numberMatch(SearchPredicateFactory f, Fields fields, String word,
			String pattern) {
		var any = f.bool();
		for (SearchField field : fields.matching(Match.TITLE)) {
			any.should(f.phrase().field(field.name()).matching(word).boost(8));
		}
		for (SearchField field : fields.matching(Match.NUMBER)) {
			any.should(f.match().field(field.name()).matching(pattern).boost(10))
				.should(f.wildcard().field(field.name()).matching(pattern + "*").boost(5));
		}
		return any;
	}

	private List<SearchHit> hits(List<Object[]> rows, Fields fields) {
		Map<String, Set<UUID>> referenced = new HashMap<>();
		for (Object[] row : rows) {
			SearchableKind kind = kindOf(row);
			if (kind != null) {
				for (SearchField field : kind.fields()) {
					Object value = field.match() == Match.REFERENCE ? row[fields.column(field.name())] : null;
					if (value != null) {
						referenced.computeIfAbsent(field.refersTo(), code -> new LinkedHashSet<>()).add(uuid(value));
					}
				}
			}
		}
		Map<String, Map<UUID, String>> titles = new HashMap<>();
		referenced.forEach((code, ids) -> titles.put(code, kinds.ofCode(code).orElseThrow().titles().of(ids)));
		List<SearchHit> hits = new ArrayList<>(rows.size());
		for (Object[] row : rows) {
			SearchableKind kind = kindOf(row);
			if (kind == null) {
				continue;
			}
			List<String> parts = new ArrayList<>();
			for (String shown : kind.subtitle()) {
				SearchField field = kind.field(shown).orElseThrow();
				Object value = row[fields.column(shown)];
				if (field.match() == Match.REFERENCE) {
					parts.add(value == null ? null : titles.get(field.refersTo()).get(uuid(value)));
				}
				else {
					parts.add(value == null ? null : value.toString());
				}
			}
			EntityReference reference = (EntityReference) row[0];
			hits.add(new SearchHit(kind, (UUID) reference.id(), (String) row[fields.column(kind.titleField())],
					join(parts), (Float) row[1]));
		}
		return hits;
	}

	private SearchableKind kindOf(Object[] row) {
		return kinds.ofEntityName(((EntityReference) row[0]).name()).orElse(null);
	}

	private static UUID uuid(Object value) {
		return value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
	}

	private static String join(List<String> parts) {
		String joined = String.join(" · ", parts.stream().filter(p -> p != null && !p.isBlank()).toList());
		return joined.isEmpty() ? null : joined;
	}

	/**
	 * The words of the query, at most {@value #MAX_WORDS}, split at white space; a run of words of digits and phone
	 * punctuation is one word, so that a phone number typed as shown ({@code +49 40 123456}) is looked for whole.
	 */
	static List<String> words(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<String> words = new ArrayList<>();
		boolean lastWasPhonePart = false;
		for (String word : text.strip().split("\\s+")) {
			boolean phonePart = PHONE_PART.matcher(word).matches();
			if (phonePart && lastWasPhonePart) {
				words.set(words.size() - 1, words.get(words.size() - 1) + word);
			}
			else if (!word.isBlank() && words.size() < MAX_WORDS) {
				words.add(word);
			}
			else {
				break;
			}
			lastWasPhonePart = phonePart;
		}
		return words;
	}

	private static boolean hasIdeographs(String word) {
		return word.codePoints().anyMatch(Character::isIdeographic);
	}

	/**
	 * What the descriptions of the kinds searched at once hold between them: the fields each way of matching reaches
	 * (a query may only name fields that one of their indexes holds, so a search of products alone leaves out the
	 * e-mail address, which no product has), and the fields that the hits show, each in a column of its own.
	 */
	private static final class Fields {

		private final Map<Match, Set<SearchField>> matched = new EnumMap<>(Match.class);
		private final List<String> shown;

		Fields(List<SearchableKind> kinds) {
			Set<String> columns = new LinkedHashSet<>();
			for (SearchableKind kind : kinds) {
				for (SearchField field : kind.fields()) {
					matched.computeIfAbsent(field.match(), match -> new TreeSet<>(Comparator.comparing(SearchField::name)))
						.add(field);
				}
				columns.add(kind.titleField());
				for (SearchField field : kind.fields()) {
					if (field.match() == Match.REFERENCE) {
						columns.add(field.name());
					}
				}
				columns.addAll(kind.subtitle());
			}
			this.shown = List.copyOf(columns);
		}

		Set<SearchField> matching(Match match) {
			return matched.getOrDefault(match, Set.of());
		}

		/** The hit column holding the stored value of the field. */
		int column(String field) {
			int index = shown.indexOf(field);
			if (index < 0) {
				throw new IllegalArgumentException("No hit shows the field " + field);
			}
			return FIELD_COLUMNS + index;
		}

		ProjectionFinalStep<?>[] projections(SearchProjectionFactory<?, ?> f) {
			List<ProjectionFinalStep<?>> projections = new ArrayList<>();
			projections.add(f.entityReference());
			projections.add(f.score());
			shown.forEach(field -> projections.add(f.field(field, Object.class)));
			return projections.toArray(ProjectionFinalStep<?>[]::new);
		}
	}
}
