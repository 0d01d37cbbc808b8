package org.rapport.search.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.search.internal.SearchHit;
import org.rapport.search.internal.SearchQuery;
import org.rapport.search.internal.SearchResults;
import org.rapport.search.SearchableKind;
import org.rapport.search.internal.GlobalSearch;
import org.rapport.search.internal.SearchIndex;
import org.rapport.search.internal.SearchableKinds;
import org.rapport.shared.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "One search over the records of every searchable kind, which the kind parameter "
		+ "lists")
class SearchApiController {

	static final int MAX_SIZE = 100;

	private final GlobalSearch search;
	private final SearchableKinds kinds;
	private final SearchIndex index;
	private final CurrentActor currentActor;

	SearchApiController(GlobalSearch search, SearchableKinds kinds, SearchIndex index, CurrentActor currentActor) {
		this.search = search;
		this.kinds = kinds;
		this.index = index;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "Records whose names, e-mail addresses, phone numbers or numbers match the text",
			description = "Every word must match: a whole word ranks first, the start of a word next, a word with one "
					+ "typo last. Only records you may see are found or counted; counts holds the matches of each kind "
					+ "(left out with counts=false).")
	SearchResource search(@Parameter(description = "what to look for") @RequestParam(required = false) String q,
			@Parameter(description = SearchApiDocument.KIND) @RequestParam(required = false) String kind,
			@Parameter(description = "only records of this owner") @RequestParam(required = false) UUID owner,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size,
			@Parameter(description = "false leaves out the counts per kind, for a faster answer while a user types")
			@RequestParam(defaultValue = "true") boolean counts) {
		if (q == null || q.isBlank()) {
			throw new InvalidField("q", "search.q.required", "Say what to look for.");
		}
		SearchableKind chosen = null;
		if (kind != null && !kind.isBlank()) {
			chosen = kinds.ofCode(kind)
				.orElseThrow(() -> new InvalidField("kind", "search.kind.invalid",
						"Must be " + kinds.codesAsAlternatives() + "."));
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidField("size", "search.size.invalid", "Must be between 1 and " + MAX_SIZE + ".");
		}
		if (page < 0 || ((long) page + 1) * size > GlobalSearch.COUNT_LIMIT) {
			throw new InvalidField("page", "search.page.invalid",
					"Pages reach as far as the first " + GlobalSearch.COUNT_LIMIT + " matches.");
		}
		Actor actor = currentActor.get();
		SearchResults results = search.search(actor, new SearchQuery(q, chosen, owner, page, size), counts);
		return SearchResource.of(results, counts ? kinds.all() : null);
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping("/reindex")
	@Operation(summary = "Rebuild the search index from the database, in the background (administrators)",
			description = "Answers 202 with the rebuild that runs; GET tells how far it has come.")
	ResponseEntity<RebuildResource> reindex() {
		requireAdmin();
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(RebuildResource.of(index.start("API")));
	}

	@GetMapping("/reindex")
	@Operation(summary = "How far the last or running rebuild of the search index has come (administrators)")
	RebuildResource reindexStatus() {
		requireAdmin();
		return RebuildResource.of(index.status());
	}

	private void requireAdmin() {
		if (!currentActor.get().isAdmin()) {
			throw new AccessDeniedException("administrators only");
		}
	}

	record HitResource(String kind, UUID id, String title, String subtitle, String url, float score) {

		static HitResource of(SearchHit hit) {
			return new HitResource(hit.kind().code(), hit.id(), hit.title(), hit.subtitle(), hit.path(), hit.score());
		}
	}

	record SearchResource(String q, List<HitResource> items, int page, int size, boolean hasNext, long total,
			boolean totalCapped, Map<String, Long> counts) {

		/** The results, with the counts of the given kinds in their order, or none. */
		static SearchResource of(SearchResults results, List<SearchableKind> counted) {
			Map<String, Long> counts = null;
			if (counted != null) {
				counts = new LinkedHashMap<>();
				for (SearchableKind kind : counted) {
					counts.put(kind.code(), results.count(kind.code()));
				}
			}
			return new SearchResource(results.query(), results.hits().stream().map(HitResource::of).toList(),
					results.page(), results.size(), results.hasNext(), results.total(), results.totalCapped(), counts);
		}
	}

	record RebuildResource(String state, String reason, Instant startedAt, Instant finishedAt, long indexed,
			long total, Long seconds, String failure) {

		static RebuildResource of(SearchIndex.Rebuild rebuild) {
			return new RebuildResource(rebuild.state().name(), rebuild.reason(), rebuild.startedAt(),
					rebuild.finishedAt(), rebuild.indexed(), rebuild.total(), rebuild.seconds(), rebuild.failure());
		}
	}
}
