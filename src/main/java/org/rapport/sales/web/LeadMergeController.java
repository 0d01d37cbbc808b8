package org.rapport.sales.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.DuplicateGroup;
import org.rapport.customers.DuplicateRule;
import org.rapport.customers.MergeFields;
import org.rapport.customers.MergeFields.Side;
import org.rapport.customers.MergeTable;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.internal.Lead;
import org.rapport.sales.internal.LeadFilter;
import org.rapport.sales.internal.LeadMerge;
import org.rapport.sales.internal.LeadService;
import org.rapport.sales.internal.LeadSort;
import org.rapport.sales.internal.LeadStatusConflict;
import org.rapport.shared.InvalidField;
import org.rapport.shared.ResultPage;
import org.rapport.web.Paging;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' list of duplicate leads, and the page that merges two leads.
 */
@Controller
class LeadMergeController {

	private static final List<String> RULES = List.of("email", "name");

	/** A lead in a list of candidates or a group, as the shared merge pages show it. */
	record Candidate(String label, String detail, String href, String mergeHref) {
	}

	record Group(String key, List<Candidate> members) {
	}

	private final LeadService leads;
	private final LeadMerge merge;
	private final CurrentActor currentActor;
	private final MergeTable table;

	LeadMergeController(LeadService leads, LeadMerge merge, CurrentActor currentActor, MergeTable table) {
		this.leads = leads;
		this.merge = merge;
		this.currentActor = currentActor;
		this.table = table;
	}

	@GetMapping("/leads/duplicates")
	String duplicates(@RequestParam(required = false) String by, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		DuplicateRule rule = DuplicateRule.parse(by, DuplicateRule.EMAIL) == DuplicateRule.NAME ? DuplicateRule.NAME
				: DuplicateRule.EMAIL;
		Paging paging = Paging.of(page, size);
		ResultPage<DuplicateGroup<Lead>> result = merge.groups(currentActor.get(), rule, paging.page(), paging.size());
		model.addAttribute("kind", "leads");
		model.addAttribute("rules", RULES);
		model.addAttribute("by", rule.param());
		model.addAttribute("result", result);
		model.addAttribute("groups", result.items().stream().map(g -> {
			UUID oldest = g.members().get(0).getId();
			return new Group(g.key(), g.members().stream()
				.map(l -> candidate(l, "/leads/" + oldest + "/merge?with=" + l.getId()))
				.toList());
		}).toList());
		return "merge/duplicates";
	}

	/** Without {@code with}: the leads to pick from; with it, the side-by-side merge table. */
	@GetMapping("/leads/{id}/merge")
	String mergePage(@PathVariable UUID id, @RequestParam(required = false) UUID with,
			@RequestParam(required = false) String q, Model model) {
		Actor actor = currentActor.get();
		Lead lead = leads.get(actor, id);
		if (!LeadMerge.mayMerge(actor, lead)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Not allowed to merge this lead");
		}
		if (with == null) {
			model.addAttribute("kind", "lead");
			model.addAttribute("listHref", "/leads");
			model.addAttribute("recordHref", "/leads/" + id);
			model.addAttribute("recordLabel", lead.getFullName());
			model.addAttribute("candidates", leads
				.leadsLike(actor, lead.getEmail(), lead.getFirstName(), lead.getLastName(), lead.getCompany(), id, 20)
				.stream()
				.map(l -> candidate(l, "/leads/" + id + "/merge?with=" + l.getId()))
				.toList());
			model.addAttribute("q", q);
			model.addAttribute("found", q == null || q.isBlank() ? List.of()
					: leads.list(actor, new LeadFilter(q, null, null, null), LeadSort.parse(null), 0, 20)
						.items()
						.stream()
						.filter(l -> !l.getId().equals(id))
						.map(l -> candidate(l, "/leads/" + id + "/merge?with=" + l.getId()))
						.toList());
			return "merge/candidates";
		}
		return form(lead, leads.get(actor, with), null, model);
	}

	@PostMapping("/leads/{id}/merge")
	String merge(@PathVariable UUID id, @RequestParam UUID mergedId, @RequestParam long version,
			@RequestParam long mergedVersion, @RequestParam Map<String, String> parameters, Model model,
			RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		try {
			merge.merge(actor, id, version, mergedId, mergedVersion, choices(parameters));
			redirect.addFlashAttribute("success", "flash.merge.done");
			return "redirect:/leads/" + id;
		}
		catch (OptimisticLockingFailureException stale) {
			return form(leads.get(actor, id), leads.get(actor, mergedId), "form.stale", model);
		}
		catch (InvalidField invalid) {
			return form(leads.get(actor, id), leads.get(actor, mergedId), invalid.messageKey(), model);
		}
		catch (LeadStatusConflict conflict) {
			return form(leads.get(actor, id), leads.get(actor, mergedId), conflict.messageKey(), model);
		}
	}

	private String form(Lead survivor, Lead merged, String failure, Model model) {
		if (survivor.getId().equals(merged.getId())) {
			throw new InvalidField("mergedId", "validation.merge.same", "A lead cannot be merged into itself");
		}
		MergeFields<Lead> fields = merge.fields();
		Map<String, Side> chosen = fields.choose(survivor, merged, Map.of());
		model.addAttribute("kind", "lead");
		model.addAttribute("listHref", "/leads");
		model.addAttribute("rows", table.rows(fields, survivor, merged, chosen));
		model.addAttribute("survivorLabel", survivor.getFullName());
		model.addAttribute("mergedLabel", merged.getFullName());
		model.addAttribute("survivorHref", "/leads/" + survivor.getId());
		model.addAttribute("mergedHref", "/leads/" + merged.getId());
		model.addAttribute("action", "/leads/" + survivor.getId() + "/merge");
		model.addAttribute("swapHref", "/leads/" + merged.getId() + "/merge?with=" + survivor.getId());
		model.addAttribute("mergedId", merged.getId());
		model.addAttribute("survivorVersion", survivor.getVersion());
		model.addAttribute("mergedVersion", merged.getVersion());
		model.addAttribute("failure", failure);
		return "merge/form";
	}

	/** The {@code fields[name]} parameters of the merge form, as field name to side. */
	static Map<String, String> choices(Map<String, String> parameters) {
		Map<String, String> choices = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (name.startsWith("fields[") && name.endsWith("]")) {
				choices.put(name.substring(7, name.length() - 1), value);
			}
		});
		return choices;
	}

	private static Candidate candidate(Lead lead, String mergeHref) {
		StringBuilder detail = new StringBuilder();
		for (String part : new String[] { lead.getCompany(), lead.getEmail(), lead.getPhone() }) {
			if (part != null) {
				detail.append(detail.isEmpty() ? "" : " · ").append(part);
			}
		}
		return new Candidate(lead.getFullName(), detail.toString(), "/leads/" + lead.getId(), mergeHref);
	}
}
