package org.rapport.sales.opportunities.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.rapport.customization.CustomField;
import org.rapport.customization.CustomFieldForm;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserDirectory;
import org.rapport.sales.StageKind;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.sales.opportunities.internal.OpportunityFilter;
import org.rapport.sales.opportunities.internal.OpportunityService;
import org.rapport.sales.opportunities.internal.PipelineService;
import org.rapport.sales.web.SalesCustomFields;
import org.rapport.shared.DefaultCurrency;
import org.rapport.shared.InvalidField;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
import org.rapport.web.CsvDownload;
import org.rapport.web.FilterQuery;
import org.rapport.web.OwnerNames;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.rapport.customers.AccountReferences;
import org.rapport.customers.ExportedAccounts;
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
 * The opportunity pages: list, detail with stage history, forms with line items.
 */
@Controller
@RequestMapping("/opportunities")
class OpportunityController {

	private final OpportunityService opportunities;
	private final PipelineService pipelines;
	private final CurrentActor currentActor;
	private final OpportunityChoices choices;
	private final SalesCustomFields customFields;
	private final UserDirectory directory;
	private final Clock clock;
	private final AccountReferences accounts;
	private final DefaultCurrency defaultCurrency;

	OpportunityController(OpportunityService opportunities, PipelineService pipelines, CurrentActor currentActor,
			OpportunityChoices choices, SalesCustomFields customFields, UserDirectory directory, Clock clock,
			AccountReferences accounts, DefaultCurrency defaultCurrency) {
		this.accounts = accounts;
		this.defaultCurrency = defaultCurrency;
		this.clock = clock;
		this.customFields = customFields;
		this.opportunities = opportunities;
		this.pipelines = pipelines;
		this.currentActor = currentActor;
		this.choices = choices;
		this.directory = directory;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) UUID owner,
			@RequestParam(required = false) UUID team, @RequestParam(required = false) UUID pipeline,
			@RequestParam(required = false) StageKind kind, @RequestParam(required = false) UUID account,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-Target", required = false) String target,
			@RequestParam MultiValueMap<String, String> params, Model model) {
		OpportunityFilter filter = new OpportunityFilter(q, owner, team, pipeline, null, kind, account);
		CustomFieldQuery custom = customFields.query(OpportunityService.ENTITY, params);
		SortWhitelist.Choice sorting = SortParameter.choose(pageSort(sort), OpportunityService.sorts(custom));
		Paging paging = Paging.of(page, size);
		ResultPage<Opportunity> result = opportunities.list(currentActor.get(), filter, sorting.sort(), custom,
				paging.page(), paging.size());
		model.addAttribute("result", result);
		model.addAttribute("filter", filter);
		model.addAttribute("cfq", custom);
		model.addAttribute("sort", sorting.param());
		model.addAttribute("baseQuery", new FilterQuery().with("q", q).with("owner", owner).with("team", team)
			.with("pipeline", pipeline).with("kind", kind).with("account", account).with("size", size)
			.withAll(custom.params()).encoded());
		choices.addNames(model, result.items());
		if (htmx != null && "results".equals(target)) {
			return "sales/opportunities/list :: results";
		}
		choices.addFilters(model);
		return "sales/opportunities/list";
	}

	/** The page and its export list the deals closing first unless asked otherwise. */
	private static String pageSort(String sort) {
		return sort == null || sort.isBlank() ? "closeDate,asc" : sort;
	}

	@GetMapping("/export.csv")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) UUID owner,
			@RequestParam(required = false) UUID team, @RequestParam(required = false) UUID pipeline,
			@RequestParam(required = false) StageKind kind, @RequestParam(required = false) UUID account,
			@RequestParam(required = false) String sort, @RequestParam MultiValueMap<String, String> params,
			HttpServletResponse response) throws IOException {
		Actor actor = currentActor.get();
		OwnerNames names = new OwnerNames(directory);
		CustomFieldQuery custom = customFields.query(OpportunityService.ENTITY, params);
		List<CustomField> exported = custom.exportedColumns();
		ExportedAccounts accountCells = new ExportedAccounts(accounts);
		Map<UUID, String> pipelineNames = new HashMap<>();
		Map<UUID, String> stageNames = new HashMap<>();
		pipelines.all().forEach(p -> {
			pipelineNames.put(p.getId(), p.getName());
			p.getStages().forEach(s -> stageNames.put(s.getId(), s.getName()));
		});
		// the account by its reference and the pipeline and stage by name, as an import finds them again
		CsvDownload.write(response, "opportunities.csv", CsvDownload.header(new String[] { "id", "external_id", "name",
				"account", "account_name", "pipeline", "stage", "stage_kind", "amount", "currency", "probability",
				"close_date", "next_step", "lost_reason", "owner", "owner_id", "owner_name", "team_id", "team_name",
				"created_at", "updated_at" }, custom.exportedHeader()),
				rows -> opportunities.forEach(actor, new OpportunityFilter(q, owner, team, pipeline, null, kind, account),
						SortParameter.parse(pageSort(sort), OpportunityService.sorts(custom)), custom,
						o -> rows.row(CsvDownload.values(new Object[] { o.getId(), o.getExternalId(), o.getName(),
								accountCells.reference(o.getAccountId()), accountCells.name(o.getAccountId()),
								pipelineNames.get(o.getPipelineId()), stageNames.get(o.getStageId()),
								o.getStageKind(), o.getAmount().amount(), o.getAmount().currency(),
								o.getProbability(), o.getCloseDate(), o.getNextStep(), o.getLostReason(),
								names.login(o.getOwnerId()), o.getOwnerId(), names.user(o.getOwnerId()), o.getTeamId(),
								names.team(o.getTeamId()), o.getCreatedAt(), o.getUpdatedAt() },
								CustomFieldQuery.exportValues(o.getCustomFields(), exported)))));
	}

	@GetMapping("/new")
	String newOpportunity(@RequestParam(required = false) UUID account, Model model) {
		return form(OpportunityInput.forAccount(account, defaultCurrency.code(), LocalDate.now(clock)), null,
				customFields.blank(OpportunityService.ENTITY), model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("input") OpportunityInput input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		requireAccount(input, errors);
		Actor actor = currentActor.get();
		SalesCustomFields.Submitted custom = customFields.submitted(OpportunityService.ENTITY, params, actor);
		CustomFieldForm form = custom.form();
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				Opportunity o = opportunities.create(actor, input.toDraft(), custom.values());
				redirect.addFlashAttribute("success", "flash.opportunity.created");
				return "redirect:/opportunities/" + o.getId();
			}
			catch (InvalidField invalid) {
				form = reject(errors, form, invalid);
			}
		}
		return form(input, null, form, model);
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		Actor actor = currentActor.get();
		Opportunity o = opportunities.get(actor, id);
		model.addAttribute("opportunity", o);
		model.addAttribute("history", opportunities.history(actor, id));
		model.addAttribute("pipeline", pipelines.get(o.getPipelineId()));
		model.addAttribute("now", clock.instant());
		choices.addNames(model, List.of(o));
		choices.addProductNames(model, o);
		return "sales/opportunities/show";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		Actor actor = currentActor.get();
		Opportunity o = opportunities.get(actor, id);
		return form(OpportunityInput.of(o), o, customFields.of(OpportunityService.ENTITY, o, actor), model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("input") OpportunityInput input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		requireAccount(input, errors);
		Actor actor = currentActor.get();
		Opportunity current = opportunities.get(actor, id);
		SalesCustomFields.Submitted custom = customFields.submitted(OpportunityService.ENTITY, params, actor);
		CustomFieldForm form = custom.form();
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				opportunities.update(actor, id, input.version() == null ? -1 : input.version(), input.toDraft(),
						custom.values());
				redirect.addFlashAttribute("success", "flash.opportunity.updated");
				return "redirect:/opportunities/" + id;
			}
			catch (InvalidField invalid) {
				form = reject(errors, form, invalid);
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
		}
		return form(input, current, form, model);
	}

	/** Moves the opportunity to another stage from its detail page; a lost stage needs the reason. */
	@PostMapping("/{id}/stage")
	String moveFromPage(@PathVariable UUID id, @RequestParam UUID stageId,
			@RequestParam(required = false) String lostReason, RedirectAttributes redirect) {
		try {
			opportunities.move(currentActor.get(), id, null, stageId, lostReason, null);
			redirect.addFlashAttribute("success", "flash.opportunity.moved");
		}
		catch (InvalidField invalid) {
			redirect.addFlashAttribute("failure", invalid.messageKey());
		}
		return "redirect:/opportunities/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		opportunities.delete(currentActor.get(), id);
		redirect.addFlashAttribute("success", "flash.opportunity.deleted");
		return "redirect:/opportunities";
	}

	/** The form names the account by its id, which the API may replace by the account's external id. */
	private static void requireAccount(OpportunityInput input, BindingResult errors) {
		if (input.accountId() == null) {
			errors.rejectValue("accountId", "validation.account.required");
		}
	}

	private String form(OpportunityInput input, Opportunity opportunity, CustomFieldForm cf, Model model) {
		model.addAttribute("input", input);
		model.addAttribute("opportunity", opportunity);
		model.addAttribute("cf", cf);
		if (input.accountId() != null) {
			model.addAttribute("chosenAccountName",
					choices.accountName(currentActor.get(), input.accountId()));
		}
		choices.addForm(model);
		return "sales/opportunities/form";
	}

	/** Shows a domain check's refusal at its field: a custom field, a line's field or one of the form's. */
	private static CustomFieldForm reject(BindingResult errors, CustomFieldForm form, InvalidField invalid) {
		String field = invalid.field();
		if (CustomFieldForm.concerns(field)) {
			return form.withError(field, invalid.messageKey());
		}
		if (field.startsWith("lines[")) {
			errors.rejectValue(field.replace(".product", ".productId"), invalid.messageKey());
		}
		else if (errors.getFieldType(field) != null || field.endsWith("Id")) {
			errors.rejectValue(field, invalid.messageKey());
		}
		else {
			errors.reject(invalid.messageKey());
		}
		return form;
	}
}
