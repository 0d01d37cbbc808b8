package org.rapport.sales.leads.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.DuplicateRule;
import org.rapport.customers.MergePages;
import org.rapport.customers.MergeTable;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadFilter;
import org.rapport.sales.leads.internal.LeadMerge;
import org.rapport.sales.leads.internal.LeadService;
import org.rapport.sales.leads.internal.LeadStatusConflict;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' list of duplicate leads, and the page that merges two leads.
 */
@Controller
class LeadMergeController {

	private static final List<DuplicateRule> RULES = List.of(DuplicateRule.EMAIL, DuplicateRule.NAME);

	private final LeadService leads;
	private final LeadMerge merge;
	private final CurrentActor currentActor;
	private final MergePages<Lead> pages;

	LeadMergeController(LeadService leads, LeadMerge merge, CurrentActor currentActor, MergeTable table) {
		this.leads = leads;
		this.merge = merge;
		this.currentActor = currentActor;
		// a converted lead is history: the form says so rather than merging it
		this.pages = MergePages
			.of(table, "lead", "leads", merge::fields, Lead::getFullName,
					l -> MergePages.joined(l.getCompany(), l.getEmail(), l.getPhone()))
			.refusing(refused -> refused instanceof LeadStatusConflict conflict ? conflict.formMessageKey() : null);
	}

	@GetMapping("/leads/duplicates")
	String duplicates(@RequestParam(required = false) String by, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		return pages.duplicates(RULES, by, page, size,
				(rule, number, length) -> merge.groups(currentActor.get(), rule, number, length), model);
	}

	/** Without {@code with}: the leads to pick from; with it, the side-by-side merge table. */
	@GetMapping("/leads/{id}/merge")
	String mergePage(@PathVariable UUID id, @RequestParam(required = false) UUID with,
			@RequestParam(required = false) String q, Model model) {
		Actor actor = currentActor.get();
		Lead lead = leads.get(actor, id);
		pages.requireMayMerge(LeadMerge.mayMerge(actor, lead));
		if (with == null) {
			return pages.candidates(lead,
					leads.leadsLike(actor, lead.getEmail(), lead.getFirstName(), lead.getLastName(), lead.getCompany(),
							id, 20),
					q, search -> leads
						.list(actor, new LeadFilter(search, null, null, null), LeadService.SORTS.defaultSort(), 0, 20)
						.items(),
					model);
		}
		return pages.form(lead, leads.get(actor, with), null, model);
	}

	@PostMapping("/leads/{id}/merge")
	String merge(@PathVariable UUID id, @RequestParam UUID mergedId, @RequestParam long version,
			@RequestParam long mergedVersion, @RequestParam Map<String, String> parameters, Model model,
			RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		return pages.submit(id, mergedId, parameters,
				choices -> merge.merge(actor, id, version, mergedId, mergedVersion, choices),
				record -> leads.get(actor, record), model, redirect);
	}
}
