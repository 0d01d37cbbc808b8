package org.rapport.search.web;

import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserDirectory;
import org.rapport.search.internal.SearchQuery;
import org.rapport.search.internal.SearchResults;
import org.rapport.search.SearchableKind;
import org.rapport.search.internal.GlobalSearch;
import org.rapport.search.internal.SearchableKinds;
import org.rapport.web.FilterQuery;
import org.rapport.web.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search box of every page, whose dropdown shows the best hits as one types, and the results page with
 * its filters by kind and owner.
 */
@Controller
class SearchController {

	/** Hits in the dropdown; the results page has the rest. */
	static final int SUGGESTIONS = 12;
	/** Hits on the results page of all kinds, grouped by kind. */
	static final int OVERVIEW = 50;

	private final GlobalSearch search;
	private final SearchableKinds kinds;
	private final CurrentActor currentActor;
	private final UserDirectory users;

	SearchController(GlobalSearch search, SearchableKinds kinds, CurrentActor currentActor, UserDirectory users) {
		this.search = search;
		this.kinds = kinds;
		this.currentActor = currentActor;
		this.users = users;
	}

	@GetMapping("/search/suggest")
	String suggest(@RequestParam(required = false) String q, Model model) {
		SearchQuery query = new SearchQuery(q, null, null, 0, SUGGESTIONS);
		model.addAttribute("q", query.text());
		model.addAttribute("results", search.search(currentActor.get(), query, false));
		return "search/suggest :: suggestions";
	}

	@GetMapping("/search")
	String results(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) UUID owner, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-Target", required = false) String target, Model model) {
		Actor actor = currentActor.get();
		SearchableKind chosen = kinds.ofCode(kind).orElse(null);
		Paging paging = Paging.of(page, size);
		int pageSize = Math.min(paging.size(), SearchApiController.MAX_SIZE);
		SearchResults results;
		SearchResults overview;
		if (chosen == null) {
			overview = search.search(actor, new SearchQuery(q, null, owner, 0, OVERVIEW), true);
			results = overview;
		}
		else {
			int lastPage = Math.max(0, GlobalSearch.COUNT_LIMIT / pageSize - 1);
			results = search.search(actor, new SearchQuery(q, chosen, owner, Math.min(paging.page(), lastPage), pageSize),
					false);
			overview = search.search(actor, new SearchQuery(q, null, owner, 0, 1), true);
		}
		model.addAttribute("filter", new SearchFilter(results.query(), chosen, owner));
		model.addAttribute("results", results);
		model.addAttribute("overview", overview);
		model.addAttribute("kinds", kinds.all());
		model.addAttribute("baseQuery", new FilterQuery().with("q", results.query()).with("owner", owner).encoded());
		model.addAttribute("pageQuery", new FilterQuery().with("q", results.query())
			.with("kind", chosen == null ? null : chosen.code())
			.with("owner", owner)
			.with("size", size)
			.encoded());
		if (htmx != null && "search-results".equals(target)) {
			return "search/results :: results";
		}
		model.addAttribute("users", users.activeUsers());
		return "search/results";
	}

	/** What the results page filters by, for its form. */
	record SearchFilter(String q, SearchableKind kind, UUID owner) {

		public String kindCode() {
			return kind == null ? "" : kind.code();
		}
	}
}
