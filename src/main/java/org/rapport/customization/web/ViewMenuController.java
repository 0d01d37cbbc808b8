package org.rapport.customization.web;

import java.net.URI;
import java.util.UUID;
import org.rapport.customization.internal.SavedViewService;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.InvalidField;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The views menu beside each list: the saved views to open, and a form that saves what the list shows now.
 */
@Controller
class ViewMenuController {

	private final SavedViewService views;
	private final CurrentActor currentActor;

	ViewMenuController(SavedViewService views, CurrentActor currentActor) {
		this.views = views;
		this.currentActor = currentActor;
	}

	/** The menu, loaded by the list page; htmx names the page's address, whose filters a new view keeps. */
	@GetMapping("/views/menu")
	String menu(@RequestParam String list, @RequestHeader(name = "HX-Current-URL", required = false) String current,
			Model model) {
		model.addAttribute("list", list);
		model.addAttribute("views", views.visible(currentActor.get(), list));
		model.addAttribute("currentQuery", queryOf(current));
		model.addAttribute("me", currentActor.get().id().value());
		return "customization/views :: menu";
	}

	@PostMapping("/views")
	String save(@RequestParam String list, @RequestParam(required = false) String name,
			@RequestParam(defaultValue = "") String query, @RequestParam(defaultValue = "false") boolean shared,
			@RequestParam(defaultValue = "false") boolean makeDefault, RedirectAttributes redirect) {
		try {
			var view = views.save(currentActor.get(), list, name, query, shared, makeDefault);
			redirect.addFlashAttribute("success", "flash.view.saved");
			return "redirect:/" + view.getList() + (view.getQuery().isEmpty() ? "" : "?" + view.getQuery());
		}
		catch (InvalidField invalid) {
			redirect.addFlashAttribute("failure", invalid.messageKey());
			return "redirect:/" + (SavedViewService.LISTS.contains(list) ? list : "");
		}
	}

	@PostMapping("/views/{id}/delete")
	String delete(@PathVariable UUID id, @RequestParam String list, RedirectAttributes redirect) {
		views.delete(currentActor.get(), id);
		redirect.addFlashAttribute("success", "flash.view.deleted");
		return "redirect:/" + (SavedViewService.LISTS.contains(list) ? list + "?view=all" : "");
	}

	private static String queryOf(String url) {
		if (url == null) {
			return "";
		}
		try {
			String query = URI.create(url).getRawQuery();
			return query == null ? "" : query;
		}
		catch (IllegalArgumentException malformed) {
			return "";
		}
	}
}
