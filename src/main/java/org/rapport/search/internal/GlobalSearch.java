package org.rapport.search.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.common.EntityReference;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.identity.Actor;
import org.rapport.search.RecordKind;
import org.rapport.search.SearchHit;
import org.rapport.search.SearchQuery;
import org.rapport.search.SearchResults;
import org.springframework.stereotype.Service;

/**
 * Searches the index over all kinds of record by their entity names, so that this module never touches the
 * entity classes of the others. Every word typed must match the record somewhere: the whole word in a name
 * scores highest, the beginning of a word less, a word with one typo least; e-mail addresses, phone numbers and
 * order, contract and product numbers match from their start. The visibility rule is part of the query, so
 * hits and counts only ever hold records the user may open; products are visible to everybody.
 */
@Service
public class GlobalSearch {

	/** Matches counted exactly up to this number; past it the total says "more than". */
	public static final int COUNT_LIMIT = 10_000;

	private static final AggregationKey<Map<String, Long>> KINDS = AggregationKey.of("kinds");
	private static final int MAX_WORDS = 8;
	private static final int FUZZY_MIN_LENGTH = 4;

	/** A word of a phone number: digits with the punctuation people put between them. */
	private static final Pattern PHONE_PART = Pattern.compile("[0-9+()\\-./]*[0-9][0-9+()\\-./]*");

	/** A record number such as ORD-000123, CTR-000042 or a SKU like AB-1001: letters, hyphens and digits. */
	private static final Pattern RECORD_NUMBER = Pattern.compile("\\p{IsLatin}[\\p{IsLatin}0-9]*(-[\\p{IsLatin}0-9]+)+");

	private static final List<String> FIELDS = List.of("name", "email", "phone", "company", "number", "accountId");

	private final EntityManagerFactory entityManagerFactory;
	private final Customers customers;
	private final Map<RecordKind, Set<String>> fieldsByKind = new ConcurrentHashMap<>();

	GlobalSearch(EntityManagerFactory entityManagerFactory, Customers customers) {
		this.entityManagerFactory = entityManagerFactory;
		this.customers = customers;
	}

	/** The hits of the query that the actor may see, best first, with counts per kind when asked for. */
	public SearchResults search(Actor actor, SearchQuery query, boolean withCounts) {
		List<String> words = words(query.text());
		if (words.isEmpty()) {
			return SearchResults.empty(query.text(), query.size());
		}
		List<RecordKind> kinds = query.kind() == null ? List.of(RecordKind.values()) : List.of(query.kind());
		List<Object[]> rows;
		long total;
		boolean exact;
		Map<RecordKind, Long> counts = new EnumMap<>(RecordKind.class);
		try (EntityManager em = entityManagerFactory.createEntityManager()) {
			SearchSession session = Search.session(em);
			SearchScope<Object> scope = session.scope(Object.class, kinds.stream().map(RecordKind::entityName).toList());
			Fields fields = fieldsOf(kinds);
			var select = session.search(scope)
				.select(f -> f.composite()
					.from(f.entityReference(), f.score(), fields.project(f, "name"), fields.project(f, "email"),
							fields.project(f, "phone"), fields.project(f, "company"), fields.project(f, "number"),
							fields.project(f, "accountId"))
					.asArray())
				.where(f -> predicate(f, fields, words, actor, query.owner()));
			if (withCounts) {
				select = select.aggregation(KINDS, f -> f.terms().field("kind", String.class).maxTermCount(20));
			}
			SearchResult<Object[]> result = select.totalHitCountThreshold(COUNT_LIMIT)
				.fetch(query.page() * query.size(), query.size() + 1);
			rows = result.hits();
			total = result.total().hitCountLowerBound();
			exact = result.total().isHitCountExact();
			if (withCounts) {
				result.aggregation(KINDS)
					.forEach((code, count) -> RecordKind.ofCode(code).ifPresent(kind -> counts.put(kind, count)));
			}
		}
		boolean hasNext = rows.size() > query.size();
		List<Object[]> page = hasNext ? rows.subList(0, query.size()) : rows;
		return new SearchResults(query.text(), hits(page), query.page(), query.size(), hasNext,
				Math.min(total, COUNT_LIMIT), !exact || total > COUNT_LIMIT, counts);
	}

	private static BooleanPredicateClausesStep<?, ?> predicate(SearchPredicateFactory f, Fields fields,
			List<String> words, Actor actor, UUID owner) {
		var root = f.bool();
		for (String word : words) {
			root.must(wordMatch(f, fields, word));
		}
		switch (actor.scope()) {
			case ALL -> {
			}
			case TEAM -> {
				var visible = f.bool()
					.should(f.match().field("kind").matching(RecordKind.PRODUCT.code()))
					.should(f.match().field("ownerId").matching(actor.id().value()));
				if (actor.team() != null) {
					visible.should(f.match().field("teamId").matching(actor.team().value()));
				}
				root.filter(visible);
			}
			case OWN -> root.filter(f.bool()
				.should(f.match().field("kind").matching(RecordKind.PRODUCT.code()))
				.should(f.match().field("ownerId").matching(actor.id().value())));
		}
		if (owner != null) {
			root.filter(f.match().field("ownerId").matching(owner));
		}
		return root;
	}

	/** One typed word: at least one of these must match, and the better the match the higher the score. */
	private static BooleanPredicateClausesStep<?, ?> wordMatch(SearchPredicateFactory f, Fields fields, String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		String pattern = lower.replace("*", "").replace("?", "");
		String digits = word.replaceAll("[^0-9]", "");
		if (RECORD_NUMBER.matcher(word).matches() && word.chars().anyMatch(Character::isDigit)) {
			return numberMatch(f, fields, word, pattern);
		}
		boolean fuzzy = word.length() >= FUZZY_MIN_LENGTH && !hasIdeographs(word);
		var any = f.bool();
		any.should(f.match().field("name").matching(word).boost(10))
			.should(f.match().field("name_prefix").matching(word).boost(3));
		if (fuzzy) {
			any.should(f.match().field("name").matching(word).fuzzy(1, 1).boost(1));
		}
		if (fields.has("company")) {
			any.should(f.match().field("company").matching(word).boost(5))
				.should(f.match().field("company_prefix").matching(word).boost(2));
			if (fuzzy) {
				any.should(f.match().field("company").matching(word).fuzzy(1, 1).boost(0.5f));
			}
		}
		if (fields.has("email")) {
			any.should(f.match().field("email").matching(lower).boost(10));
			if (pattern.length() >= 3) {
				any.should(f.wildcard().field("email").matching(pattern + "*").boost(4));
			}
		}
		if (fields.has("number")) {
			any.should(f.match().field("number").matching(lower).boost(10));
			if (pattern.length() >= 2) {
				any.should(f.wildcard().field("number").matching(pattern + "*").boost(5));
			}
		}
		if (fields.has("phone") && digits.length() >= 3) {
			any.should(f.wildcard().field("phone").matching(digits + "*").boost(4))
				.should(f.match().field("phone_prefix").matching(digits).boost(2));
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
		any.should(f.phrase().field("name").matching(word).boost(8));
		if (fields.has("number")) {
			any.should(f.match().field("number").matching(pattern).boost(10))
				.should(f.wildcard().field("number").matching(pattern + "*").boost(5));
		}
		return any;
	}

	private List<SearchHit> hits(List<Object[]> rows) {
		Set<AccountId> accounts = new HashSet<>();
		for (Object[] row : rows) {
			if (row[7] != null) {
				accounts.add(accountId(row[7]));
			}
		}
		Map<AccountId, String> accountNames = accounts.isEmpty() ? Map.of() : customers.accountNames(accounts);
		List<SearchHit> hits = new ArrayList<>(rows.size());
		for (Object[] row : rows) {
			EntityReference reference = (EntityReference) row[0];
			RecordKind kind = RecordKind.ofEntityName(reference.name()).orElse(null);
			if (kind == null) {
				continue;
			}
			String accountName = row[7] == null ? null : accountNames.get(accountId(row[7]));
			String email = (String) row[3];
			String phone = (String) row[4];
			String company = (String) row[5];
			String number = (String) row[6];
			String subtitle = switch (kind) {
				case ACCOUNT -> join(email, phone);
				case CONTACT -> join(accountName, email, phone);
				case LEAD -> join(company, email, phone);
				case PRODUCT -> number;
				case OPPORTUNITY, ORDER, CONTRACT -> accountName;
			};
			hits.add(new SearchHit(kind, (UUID) reference.id(), (String) row[2], subtitle, (Float) row[1]));
		}
		return hits;
	}

	private static AccountId accountId(Object value) {
		return new AccountId(value instanceof UUID uuid ? uuid : UUID.fromString(value.toString()));
	}

	private static String join(String... parts) {
		String joined = String.join(" · ", Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
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
	 * The fields that the indexes of the kinds hold between them: a query may only name those, so a search of
	 * products alone leaves out the e-mail address, which no product has.
	 */
	private Fields fieldsOf(List<RecordKind> kinds) {
		Set<String> present = new HashSet<>();
		for (RecordKind kind : kinds) {
			present.addAll(fieldsByKind.computeIfAbsent(kind, this::indexedFields));
		}
		return new Fields(present);
	}

	private Set<String> indexedFields(RecordKind kind) {
		var descriptor = Search.mapping(entityManagerFactory)
			.indexedEntity(kind.entityName())
			.indexManager()
			.descriptor();
		Set<String> present = new HashSet<>();
		for (String field : FIELDS) {
			if (descriptor.field(field).isPresent()) {
				present.add(field);
			}
		}
		return present;
	}

	private record Fields(Set<String> present) {

		boolean has(String field) {
			return present.contains(field);
		}

		/** The stored value of the field, or nothing where none of the indexes has the field. */
		ProjectionFinalStep<?> project(SearchProjectionFactory<?, ?> f, String field) {
			return has(field) ? f.field(field, Object.class) : f.constant(null);
		}
	}

	static Collection<String> entityNames() {
		return Arrays.stream(RecordKind.values()).map(RecordKind::entityName).toList();
	}
}
