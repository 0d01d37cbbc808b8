package org.rapport.search.web;

import org.rapport.search.internal.SearchIndex;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of the search index, linked from the search results page: how the last rebuild
 * went, and a button for a new one.
 */
@Controller
class SearchAdminController {

	private final SearchIndex index;

	SearchAdminController(SearchIndex index) {
		this.index = index;
	}

	@GetMapping("/admin/search")
	String status(Model model) {
		model.addAttribute("rebuild", index.status());
		return "search/admin";
	}

	@PostMapping("/admin/search/rebuild")
	String rebuild(RedirectAttributes redirect) {
		index.start("administrator");
		redirect.addFlashAttribute("success", "flash.search.rebuild.started");
		return "redirect:/admin/search";
	}
}
