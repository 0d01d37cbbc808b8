package org.rapport.sales.leads.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.HashMap;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.rapport.customers.AccountId;
import org.rapport.customization.CustomField;
import org.rapport.customization.CustomFieldForm;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customers.MergeEntry;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.sales.leads.internal.LeadMerge;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.leads.internal.ConvertedRecords;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadFilter;
import org.rapport.sales.leads.internal.LeadRating;
import org.rapport.sales.leads.internal.LeadService;
import org.rapport.sales.leads.internal.LeadStatus;
import org.rapport.sales.leads.internal.LeadStatusConflict;
import org.rapport.sales.leads.internal.PossibleDuplicate;
import org.rapport.sales.web.SalesCustomFields;
import org.rapport.shared.InvalidField;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
import org.rapport.web.CsvDownload;
import org.rapport.web.FilterQuery;
import org.rapport.web.OwnerNames;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lead pages: the list with its filters, the detail page, the forms and the conversion.
 */
@Controller
@RequestMapping("/leads")
class LeadController {

	private static final int SUGGESTIONS = 10;

	/** How many leads the export writes at a time, with one look-up of their converted records. */
	private static final int EXPORT_CHUNK = 500;

	private final LeadService leads;
	private final CurrentActor currentActor;
	private final LeadChoices choices;
	private final SalesCustomFields customFields;

	private final LeadMerge merge;
	private final UserDirectory directory;
	private final ConvertedRecords convertedRecords;
	private final org.springframework.context.MessageSource messages;

	LeadController(LeadService leads, CurrentActor currentActor, LeadChoices choices,
			SalesCustomFields customFields, LeadMerge merge, UserDirectory directory,
			ConvertedRecords convertedRecords, org.springframework.context.MessageSource messages) {
		this.convertedRecords = convertedRecords;
		this.messages = messages;
		this.merge = merge;
		this.directory = directory;
		this.leads = leads;
		this.currentActor = currentActor;
		this.choices = choices;
		this.customFields = customFields;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) UUID owner,
			@RequestParam(required = false) LeadStatus status, @RequestParam(required = false) LeadRating rating,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-Target", required = false) String target,
			@RequestParam MultiValueMap<String, String> params, Model model) {
		LeadFilter filter = new LeadFilter(q, owner, status, rating);
		CustomFieldQuery custom = customFields.query(LeadService.ENTITY, params);
		SortWhitelist.Choice sorting = SortParameter.choose(sort, LeadService.sorts(custom));
		Paging paging = Paging.of(page, size);
		ResultPage<Lead> result = leads.list(currentActor.get(), filter, sorting.sort(), custom, paging.page(),
				paging.size());
		model.addAttribute("result", result);
		model.addAttribute("filter", filter);
		model.addAttribute("cfq", custom);
		model.addAttribute("baseQuery", new FilterQuery().with("q", q).with("owner", owner).with("status", status)
			.with("rating", rating).with("size", size).withAll(custom.params()).encoded());
		model.addAttribute("sort", sorting.param());
		model.addAttribute("sorting", sorting);
		choices.addNames(model, result.items(), Lead::getOwnerId, Lead::getTeamId);
		if (htmx != null && "results".equals(target)) {
			return "sales/leads/list :: results";
		}
		choices.addTo(model);
		return "sales/leads/list";
	}

	/**
	 * The visible leads that match, as CSV in columns that the lead import maps without help: the status, the reason
	 * for disqualifying and what a converted lead became (each record by its external id, else its id), so that the
	 * file comes back into the same leads. Written in chunks, each chunk's converted records looked up at once.
	 */
	@GetMapping("/export.csv")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) UUID owner,
			@RequestParam(required = false) LeadStatus status, @RequestParam(required = false) LeadRating rating,
			@RequestParam(required = false) String sort, @RequestParam MultiValueMap<String, String> params,
			HttpServletResponse response) throws IOException {
		Actor actor = currentActor.get();
		OwnerNames names = new OwnerNames(directory);
		CustomFieldQuery custom = customFields.query(LeadService.ENTITY, params);
		List<CustomField> exported = custom.exportedColumns();
		CsvDownload.write(response, "leads.csv", CsvDownload.header(new String[] { "id", "external_id", "first_name",
				"last_name", "company", "title", "email", "phone", "source", "status", "disqualified_reason", "rating",
				"notes", "owner", "owner_id", "owner_name", "team_id", "team_name", "converted_account",
				"converted_contact", "converted_opportunity", "converted_at", "created_at", "updated_at" },
				custom.exportedHeader()), rows -> {
					List<Lead> chunk = new ArrayList<>(EXPORT_CHUNK);
					Consumer<List<Lead>> write = written -> {
						ConvertedRecords.References converted = convertedRecords.of(written);
						for (Lead l : written) {
							rows.row(CsvDownload.values(new Object[] { l.getId(), l.getExternalId(),
									l.getFirstName(), l.getLastName(), l.getCompany(), l.getTitle(), l.getEmail(),
									l.getPhone(), l.getSource(), l.getStatus(), l.getDisqualifiedReason(),
									l.getRating(), l.getNotes(), names.login(l.getOwnerId()), l.getOwnerId(),
									names.user(l.getOwnerId()), l.getTeamId(), names.team(l.getTeamId()),
									converted.account(l), converted.contact(l), converted.opportunity(l),
									l.getConvertedAt(), l.getCreatedAt(), l.getUpdatedAt() },
									CustomFieldQuery.exportValues(l.getCustomFields(), exported)));
						}
						written.clear();
					};
					leads.forEach(actor, new LeadFilter(q, owner, status, rating),
							SortParameter.parse(sort, LeadService.sorts(custom)), custom, l -> {
								chunk.add(l);
								if (chunk.size() == EXPORT_CHUNK) {
									write.accept(chunk);
								}
							});
					write.accept(chunk);
				});
	}

	@GetMapping("/new")
	String newLead(Model model) {
		model.addAttribute("input", LeadInput.empty());
		model.addAttribute("cf", customFields.blank(LeadService.ENTITY));
		choices.addTo(model);
		return "sales/leads/form";
	}

	/**
	 * Creates the lead, unless it looks like leads or contacts the user can see: then the form comes back listing
	 * them, and saving it again with {@code proceed} creates the lead all the same.
	 */
	@PostMapping
	String create(@Valid @ModelAttribute("input") LeadInput input, BindingResult errors,
			@RequestParam(defaultValue = "false") boolean proceed, @RequestParam MultiValueMap<String, String> params,
			Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		SalesCustomFields.Submitted custom = customFields.submitted(LeadService.ENTITY, params, actor);
		CustomFieldForm form = custom.form();
		if (!errors.hasErrors() && !custom.hasErrors()) {
			List<PossibleDuplicate> duplicates = proceed ? List.of()
					: leads.possibleDuplicates(actor, input.toDetails(), null);
			if (!duplicates.isEmpty()) {
				model.addAttribute("duplicates", duplicates);
			}
			else {
				try {
					Lead lead = leads.create(actor, input.toDetails(), input.status(), input.disqualifiedReason(),
							input.owner(), input.team(), custom.values());
					redirect.addFlashAttribute("success", "flash.lead.created");
					return "redirect:/leads/" + lead.getId();
				}
				catch (InvalidField invalid) {
					form = SalesCustomFields.reject(errors, form, invalid);
				}
			}
		}
		model.addAttribute("cf", form);
		choices.addTo(model);
		return "sales/leads/form";
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		Lead lead = leads.get(currentActor.get(), id);
		model.addAttribute("lead", lead);
		choices.addNames(model, List.of(lead), Lead::getOwnerId, Lead::getTeamId);
		choices.addAuthorNames(model, lead);
		if (lead.isConverted()) {
			Map<AccountId, String> names = leads.accountNames(List.of(lead));
			model.addAttribute("convertedAccountName", names.get(new AccountId(lead.getConvertedAccountId())));
		}
		Actor actor = currentActor.get();
		model.addAttribute("mayMerge", !lead.isConverted() && LeadMerge.mayMerge(actor, lead));
		List<MergeEntry> merges = merge.mergesInto(actor, id, 20);
		model.addAttribute("merges", merges);
		Set<UserId> mergers = merges.stream().map(MergeEntry::mergedBy).filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		Map<UUID, String> mergerNames = new HashMap<>();
		if (!mergers.isEmpty()) {
			directory.displayNames(mergers).forEach((user, name) -> mergerNames.put(user.value(), name));
		}
		model.addAttribute("mergerNames", mergerNames);
		return "sales/leads/show";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		Lead lead = leads.get(currentActor.get(), id);
		if (lead.isConverted()) {
			redirect.addFlashAttribute("failure", "lead.converted.already");
			return "redirect:/leads/" + id;
		}
		model.addAttribute("lead", lead);
		model.addAttribute("input", LeadInput.of(lead));
		model.addAttribute("cf", customFields.of(LeadService.ENTITY, lead, currentActor.get()));
		choices.addTo(model);
		return "sales/leads/form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("input") LeadInput input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		Lead lead = leads.get(actor, id);
		model.addAttribute("lead", lead);
		SalesCustomFields.Submitted custom = customFields.submitted(LeadService.ENTITY, params, actor);
		CustomFieldForm form = custom.form();
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				leads.update(actor, id, input.version() == null ? -1 : input.version(), input.toDetails(),
						input.status(), input.disqualifiedReason(), input.owner(), input.team(), custom.values());
				redirect.addFlashAttribute("success", "flash.lead.updated");
				return "redirect:/leads/" + id;
			}
			catch (InvalidField invalid) {
				form = SalesCustomFields.reject(errors, form, invalid);
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
			catch (LeadStatusConflict conflict) {
				errors.reject(conflict.formMessageKey());
			}
		}
		model.addAttribute("cf", form);
		choices.addTo(model);
		return "sales/leads/form";
	}

	@PostMapping("/{id}/qualify")
	String qualify(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		Lead lead = leads.get(actor, id);
		try {
			leads.update(actor, id, version, LeadInput.of(lead).toDetails(), LeadStatus.QUALIFIED, null, null, null);
			redirect.addFlashAttribute("success", "flash.lead.qualified");
		}
		catch (OptimisticLockingFailureException stale) {
			redirect.addFlashAttribute("failure", "form.stale");
		}
		catch (LeadStatusConflict conflict) {
			redirect.addFlashAttribute("failure", conflict.formMessageKey());
		}
		return "redirect:/leads/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable UUID id, java.util.Locale locale, RedirectAttributes redirect) {
		try {
			leads.delete(currentActor.get(), id);
		}
		catch (org.rapport.shared.RecordInUse refused) {
			// the lead stays: its page says why and what to do instead
			redirect.addFlashAttribute("failureText", refused.message(messages, locale));
			return "redirect:/leads/" + id;
		}
		redirect.addFlashAttribute("success", "flash.lead.deleted");
		return "redirect:/leads";
	}

	@GetMapping("/{id}/convert")
	String conversion(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		Lead lead = leads.get(actor, id);
		if (!lead.isConvertible()) {
			redirect.addFlashAttribute("failure",
					lead.isConverted() ? "lead.converted.already" : "lead.convert.notQualified");
			return "redirect:/leads/" + id;
		}
		model.addAttribute("conversion", LeadConversionForm.of(lead));
		return conversionPage(actor, lead, model);
	}

	@PostMapping("/{id}/convert")
	String convert(@PathVariable UUID id, @Valid @ModelAttribute("conversion") LeadConversionForm conversion,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		Lead lead = leads.get(actor, id);
		conversion.check(errors);
		if (errors.hasErrors()) {
			return conversionPage(actor, lead, model);
		}
		try {
			leads.convert(actor, id, conversion.version(), conversion.toConversion());
			redirect.addFlashAttribute("success", "flash.lead.converted");
			return "redirect:/leads/" + id;
		}
		catch (InvalidField invalid) {
			errors.rejectValue(invalid.field(), invalid.messageKey());
		}
		catch (OptimisticLockingFailureException stale) {
			errors.reject("form.stale");
		}
		catch (LeadStatusConflict conflict) {
			redirect.addFlashAttribute("failure", conflict.formMessageKey());
			return "redirect:/leads/" + id;
		}
		return conversionPage(actor, lead, model);
	}

	private String conversionPage(Actor actor, Lead lead, Model model) {
		model.addAttribute("lead", lead);
		model.addAttribute("suggestions", leads.accountSuggestions(actor, lead, SUGGESTIONS));
		return "sales/leads/convert";
	}
}
