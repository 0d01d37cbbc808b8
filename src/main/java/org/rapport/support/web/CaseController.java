package org.rapport.support.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountReferences;
import org.rapport.customers.Customers;
import org.rapport.customers.ExportedAccounts;
import org.rapport.customization.CustomFieldForm;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.sales.ContractId;
import org.rapport.sales.LeadId;
import org.rapport.sales.LeadRequesters;
import org.rapport.sales.SalesRecords;
import org.rapport.sales.ServiceContracts;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RecordRef;
import org.rapport.shared.ResultPage;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.SortWhitelist;
import org.rapport.support.internal.CaseBook;
import org.rapport.support.internal.CaseChannel;
import org.rapport.support.internal.CaseComment;
import org.rapport.support.internal.CaseEscalations;
import org.rapport.support.internal.CaseFilter;
import org.rapport.support.internal.CasePriority;
import org.rapport.support.internal.CaseStatus;
import org.rapport.support.internal.SlaState;
import org.rapport.support.internal.SupportCase;
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
 * The case pages: the list with its filters and export, a team's queue with the agent's own open cases, the case
 * page with its SLA clocks, comments and status moves, and the form.
 */
@Controller
@RequestMapping("/cases")
class CaseController {

	static final int QUEUE_SIZE = 25;

	private final CaseBook cases;
	private final Customers customers;
	private final SalesRecords sales;
	private final CurrentActor currentActor;
	private final SupportCustomFields customFields;
	private final UserDirectory directory;
	private final AccountReferences accounts;
	private final CaseEscalations escalations;
	private final ServiceContracts serviceContracts;
	private final LeadRequesters leads;

	/** How many running contracts of an account the form offers. */
	static final int CONTRACT_CHOICES = 100;

	CaseController(CaseBook cases, Customers customers, SalesRecords sales, CurrentActor currentActor,
			SupportCustomFields customFields, UserDirectory directory, AccountReferences accounts,
			CaseEscalations escalations, ServiceContracts serviceContracts, LeadRequesters leads) {
		this.leads = leads;
		this.serviceContracts = serviceContracts;
		this.escalations = escalations;
		this.cases = cases;
		this.customers = customers;
		this.sales = sales;
		this.currentActor = currentActor;
		this.customFields = customFields;
		this.directory = directory;
		this.accounts = accounts;
	}

	@GetMapping
	String list(@RequestParam(required = false) UUID account, @RequestParam(required = false) CaseStatus status,
			@RequestParam(required = false) CasePriority priority, @RequestParam(required = false) UUID queue,
			@RequestParam(required = false) UUID owner, @RequestParam(required = false) SlaState sla,
			@RequestParam(required = false) Boolean open, @RequestParam(required = false) UUID lead,
			@RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-Target", required = false) String target,
			@RequestParam MultiValueMap<String, String> params, Model model) {
		Actor actor = currentActor.get();
		CaseFilter filter = new CaseFilter(account, status, priority, queue, owner, sla, open, lead);
		CustomFieldQuery custom = customFields.query(params);
		SortWhitelist.Choice sorting = SortParameter.choose(CaseBook.sortOrDefault(sort, sla),
				CaseBook.sorts(custom));
		Paging paging = Paging.of(page, size);
		ResultPage<SupportCase> result = cases.list(actor, filter, sorting.sort(), custom, paging.page(),
				paging.size());
		model.addAttribute("result", result);
		model.addAttribute("filter", filter);
		model.addAttribute("cfq", custom);
		model.addAttribute("baseQuery", new FilterQuery().with("account", account).with("status", status)
			.with("priority", priority).with("queue", queue).with("owner", owner).with("sla", sla).with("open", open)
			.with("lead", lead)
			.with("size", size).withAll(custom.params()).encoded());
		model.addAttribute("sort", sorting.param());
		model.addAttribute("sorting", sorting);
		rowsOf(result.items(), model);
		if (htmx != null && "results".equals(target)) {
			return "support/cases/list :: results";
		}
		if (account != null) {
			customers.findAccount(actor, new AccountId(account))
				.ifPresent(summary -> model.addAttribute("filterAccount", summary));
		}
		if (lead != null) {
			sales.find(actor, new RecordRef(LeadId.TYPE, lead))
				.ifPresent(found -> model.addAttribute("filterLead", found));
		}
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("priorities", CasePriority.values());
		model.addAttribute("slaStates", SlaState.values());
		model.addAttribute("teams", directory.teams());
		model.addAttribute("users", directory.activeUsers());
		return "support/cases/list";
	}

	@GetMapping("/export.csv")
	void export(@RequestParam(required = false) UUID account, @RequestParam(required = false) CaseStatus status,
			@RequestParam(required = false) CasePriority priority, @RequestParam(required = false) UUID queue,
			@RequestParam(required = false) UUID owner, @RequestParam(required = false) SlaState sla,
			@RequestParam(required = false) Boolean open, @RequestParam(required = false) UUID lead,
			@RequestParam(required = false) String sort,
			@RequestParam MultiValueMap<String, String> params, HttpServletResponse response) throws IOException {
		Actor actor = currentActor.get();
		OwnerNames names = new OwnerNames(directory);
		CustomFieldQuery custom = customFields.query(params);
		var exported = custom.exportedColumns();
		ExportedAccounts accountCells = new ExportedAccounts(accounts);
		LeadNames leadNames = new LeadNames(sales);
		Instant now = cases.now();
		CsvDownload.write(response, "cases.csv", CsvDownload.header(new String[] { "id", "number", "account",
				"account_name", "subject", "status", "priority", "channel", "category", "sla_state",
				"response_due_at", "resolution_due_at", "first_response_at", "resolved_at", "closed_at", "taken",
				"owner", "owner_id", "owner_name", "team_id", "team_name", "created_at", "updated_at", "lead_id",
				"lead_name" },
				custom.exportedHeader()),
				rows -> cases.forEach(actor, new CaseFilter(account, status, priority, queue, owner, sla, open, lead),
						SortParameter.parse(CaseBook.sortOrDefault(sort, sla), CaseBook.sorts(custom)), custom,
						c -> rows.row(CsvDownload.values(new Object[] { c.getId(), c.getNumber(),
								accountCells.reference(c.getAccountId()), accountCells.name(c.getAccountId()),
								c.getSubject(), c.getStatus(), c.getPriority(), c.getChannel(), c.getCategory(),
								c.slaState(now).orElse(null), c.getResponseDueAt(), c.getResolutionDueAt(),
								c.getFirstResponseAt(), c.getResolvedAt(), c.getClosedAt(), c.isTaken(),
								names.login(c.getOwnerId()), c.getOwnerId(), names.user(c.getOwnerId()),
								c.getTeamId(), names.team(c.getTeamId()), c.getCreatedAt(), c.getUpdatedAt(),
								c.getLeadId(), leadNames.name(c.getLeadId()) },
								CustomFieldQuery.exportValues(c.getCustomFields(), exported)))));
	}

	/** A team's queue (the user's own team unless another is asked for), and the user's own open cases. */
	@GetMapping("/queue")
	String queue(@RequestParam(required = false) UUID team, Model model) {
		Actor actor = currentActor.get();
		UUID shown = team != null ? team : actor.team() == null ? null : actor.team().value();
		// one more than shown, to know whether to link to the rest
		List<SupportCase> waiting = shown == null ? List.of()
				: new ArrayList<>(cases.queueHead(actor, new TeamId(shown), QUEUE_SIZE + 1));
		List<SupportCase> mine = new ArrayList<>(cases.mineHead(actor, QUEUE_SIZE + 1));
		model.addAttribute("moreWaiting", waiting.size() > QUEUE_SIZE);
		model.addAttribute("moreMine", mine.size() > QUEUE_SIZE);
		waiting = waiting.subList(0, Math.min(QUEUE_SIZE, waiting.size()));
		mine = mine.subList(0, Math.min(QUEUE_SIZE, mine.size()));
		List<SupportCase> all = new ArrayList<>(waiting);
		all.addAll(mine);
		rowsOf(all, model);
		model.addAttribute("team", shown);
		model.addAttribute("teams", directory.teams());
		model.addAttribute("waiting", waiting);
		model.addAttribute("mine", mine);
		model.addAttribute("me", actor.id().value());
		return "support/cases/queue";
	}

	/** The contacts of an account as the options of the form's contact select. */
	@GetMapping("/contact-options")
	String contactOptions(@RequestParam(required = false) UUID accountId, Model model) {
		model.addAttribute("contacts", contactsOf(currentActor.get(), accountId));
		model.addAttribute("chosenContact", null);
		return "support/cases/form :: contactOptions";
	}

	/** The running contracts of an account as the options of the form's contract select. */
	@GetMapping("/contract-options")
	String contractOptions(@RequestParam(required = false) UUID accountId, Model model) {
		model.addAttribute("contracts", contractsOf(currentActor.get(), accountId));
		return "support/cases/form :: contractOptions";
	}

	@GetMapping("/new")
	String newCase(@RequestParam(required = false) UUID account, @RequestParam(required = false) UUID contract,
			Model model) {
		Actor actor = currentActor.get();
		model.addAttribute("input",
				CaseFormInput.blank(account, contract, actor.team() == null ? null : actor.team().value()));
		return form(model, null, account, contract, customFields.blank());
	}

	@PostMapping
	String create(@Valid @ModelAttribute("input") CaseFormInput input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		SupportCustomFields.Submitted custom = customFields.submitted(params, actor);
		CustomFieldForm form = custom.form();
		if (input.accountId() == null && input.leadId() == null && !errors.hasFieldErrors("accountId")) {
			errors.rejectValue("accountId", "validation.account.required");
		}
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				SupportCase opened = cases.create(actor, input.toDetails(), custom.values(), input.queueId(),
						input.takesIt());
				redirect.addFlashAttribute("success", "flash.case.created");
				return "redirect:/cases/" + opened.getId();
			}
			catch (InvalidField invalid) {
				form = SupportCustomFields.reject(errors, form, invalid);
			}
		}
		return form(model, null, input.accountId(), input.contractId(), form);
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		Actor actor = currentActor.get();
		SupportCase found = cases.get(actor, id);
		model.addAttribute("move", new MoveInput(null, found.getResolution(), found.getVersion()));
		model.addAttribute("comment", new CommentInput(null, true));
		model.addAttribute("queueMove", new QueueMoveInput(found.getTeamId(), found.getVersion()));
		return page(actor, found, model);
	}

	@PostMapping("/{id}/status")
	String move(@PathVariable UUID id, @ModelAttribute("move") MoveInput move, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		if (!errors.hasErrors()) {
			try {
				cases.move(actor, id, move.version() == null ? -1 : move.version(), move.status(),
						move.resolution());
				redirect.addFlashAttribute("success", "flash.case.moved");
				return "redirect:/cases/" + id;
			}
			catch (InvalidField invalid) {
				errors.rejectValue(invalid.field(), invalid.messageKey(), invalid.getArguments(),
						invalid.getDefaultMessage());
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
			catch (RuleBroken refused) {
				errors.reject(refused.messageKey(), refused.getArguments(), refused.getDefaultMessage());
			}
		}
		SupportCase found = cases.get(actor, id);
		model.addAttribute("comment", new CommentInput(null, true));
		return page(actor, found, model);
	}

	@PostMapping("/{id}/comments")
	String comment(@PathVariable UUID id, @ModelAttribute("comment") CommentInput comment, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		if (!errors.hasErrors()) {
			try {
				cases.comment(actor, id, comment.isPublic(), comment.body());
				redirect.addFlashAttribute("success",
						comment.isPublic() ? "flash.case.answered" : "flash.case.commented");
				return "redirect:/cases/" + id + "#comments";
			}
			catch (InvalidField invalid) {
				errors.rejectValue("body", invalid.messageKey(), invalid.getArguments(), invalid.getDefaultMessage());
			}
		}
		SupportCase found = cases.get(actor, id);
		model.addAttribute("move", new MoveInput(null, found.getResolution(), found.getVersion()));
		return page(actor, found, model);
	}

	/** Moves the case to another team's queue, where it waits untaken. */
	@PostMapping("/{id}/queue")
	String moveToQueue(@PathVariable UUID id, @ModelAttribute("queueMove") QueueMoveInput queueMove,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		if (!errors.hasErrors()) {
			try {
				SupportCase moved = cases.moveToQueue(actor, id, queueMove.version() == null ? -1 : queueMove.version(),
						queueMove.teamId());
				redirect.addFlashAttribute("success", "flash.case.queueMoved");
				// a case moved to a team whose cases the actor does not see leaves the actor's view
				return actor.canSee(new UserId(moved.getOwnerId()), moved.getTeamId() == null ? null
						: new TeamId(moved.getTeamId())) ? "redirect:/cases/" + id : "redirect:/cases";
			}
			catch (InvalidField invalid) {
				errors.rejectValue("teamId", invalid.messageKey(), invalid.getArguments(), invalid.getDefaultMessage());
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
			catch (NotPermitted | RuleBroken refused) {
				errors.reject(refused.messageKey(), refused.getArguments(), refused.getDefaultMessage());
			}
		}
		SupportCase found = cases.get(actor, id);
		model.addAttribute("move", new MoveInput(null, found.getResolution(), found.getVersion()));
		model.addAttribute("comment", new CommentInput(null, true));
		return page(actor, found, model);
	}

	@PostMapping("/{id}/take")
	String take(@PathVariable UUID id, @RequestParam long version,
			@RequestParam(required = false) String from, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		SupportCase found = cases.get(actor, id);
		try {
			cases.take(actor, id, version);
			redirect.addFlashAttribute("success", "flash.case.taken");
		}
		catch (OptimisticLockingFailureException | RuleBroken refused) {
			redirect.addFlashAttribute("failure", "case.take.refused");
		}
		if ("queue".equals(from)) {
			return "redirect:/cases/queue" + (found.getTeamId() == null ? "" : "?team=" + found.getTeamId());
		}
		return "redirect:/cases/" + id;
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		Actor actor = currentActor.get();
		SupportCase found = cases.get(actor, id);
		model.addAttribute("input", CaseFormInput.of(found));
		return form(model, found, found.getAccountId(), found.getContractId(), customFields.of(found, actor));
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("input") CaseFormInput input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		SupportCase found = cases.get(actor, id);
		SupportCustomFields.Submitted custom = customFields.submitted(params, actor);
		CustomFieldForm form = custom.form();
		if (input.accountId() == null && input.leadId() == null && !errors.hasFieldErrors("accountId")) {
			errors.rejectValue("accountId", "validation.account.required");
		}
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				cases.update(actor, id, input.version() == null ? -1 : input.version(), input.toDetails(),
						custom.values());
				redirect.addFlashAttribute("success", "flash.case.updated");
				return "redirect:/cases/" + id;
			}
			catch (InvalidField invalid) {
				form = SupportCustomFields.reject(errors, form, invalid);
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
			catch (RuleBroken refused) {
				errors.reject(refused.messageKey(), refused.getArguments(), refused.getDefaultMessage());
			}
		}
		return form(model, found, input.accountId(), input.contractId(), form);
	}

	private String page(Actor actor, SupportCase found, Model model) {
		Instant now = cases.now();
		if (!model.containsAttribute("queueMove")) {
			model.addAttribute("queueMove", new QueueMoveInput(found.getTeamId(), found.getVersion()));
		}
		model.addAttribute("teams", directory.teams());
		model.addAttribute("escalations", escalations.eventsOf(found.getId()).stream().map(EscalationLine::of).toList());
		model.addAttribute("caze", found);
		model.addAttribute("now", now);
		model.addAttribute("slaState", found.slaState(now).orElse(null));
		model.addAttribute("slaLines", cases.clocksOf(found)
			.map(clocks -> List.of(SlaLine.of("response", clocks.response(), now),
					SlaLine.of("resolution", clocks.resolution(), now)))
			.orElse(List.of()));
		List<CaseComment> comments = cases.commentsOf(actor, found.getId());
		model.addAttribute("comments", comments);
		model.addAttribute("authorNames", userNames(comments.stream().map(CaseComment::getAuthorId).toList()));
		model.addAttribute("nextStatuses", found.getStatus().next());
		model.addAttribute("accountNames", accountNames(found.getAccountId() == null ? Set.of()
				: Set.of(found.getAccountId())));
		model.addAttribute("leadNames", leadNames(found.getLeadId() == null ? Set.of() : Set.of(found.getLeadId())));
		if (found.getLeadId() != null) {
			leads.requester(new LeadId(found.getLeadId()))
				.map(LeadRequesters.Requester::email)
				.ifPresent(email -> model.addAttribute("leadEmail", email));
		}
		model.addAttribute("ownerNames", userNames(List.of(found.getOwnerId())));
		model.addAttribute("queueName", found.getTeamId() == null ? null
				: directory.teamNames(List.of(new TeamId(found.getTeamId()))).get(new TeamId(found.getTeamId())));
		if (found.getContactId() != null) {
			customers.findContact(actor, new org.rapport.customers.ContactId(found.getContactId()))
				.ifPresent(contact -> model.addAttribute("contact", contact));
		}
		if (found.getContractId() != null) {
			sales.find(actor, new RecordRef(ContractId.TYPE, found.getContractId()))
				.ifPresent(contract -> model.addAttribute("contract", contract));
			serviceContracts.serviceLevel(new ContractId(found.getContractId()))
				.ifPresent(level -> model.addAttribute("contractServiceLevel", level));
		}
		return "support/cases/show";
	}

	private String form(Model model, SupportCase found, UUID account, UUID contract, CustomFieldForm cf) {
		Actor actor = currentActor.get();
		model.addAttribute("caze", found);
		model.addAttribute("leadNames",
				found == null || found.getLeadId() == null ? Map.of() : leadNames(Set.of(found.getLeadId())));
		model.addAttribute("cf", cf);
		model.addAttribute("priorities", CasePriority.values());
		model.addAttribute("channels", CaseChannel.values());
		model.addAttribute("teams", directory.teams());
		if (account != null) {
			customers.findAccount(actor, new AccountId(account))
				.ifPresent(summary -> model.addAttribute("chosenAccount", summary));
		}
		model.addAttribute("contacts", contactsOf(actor, account));
		List<ServiceContracts.ServiceContract> running = contractsOf(actor, account);
		model.addAttribute("contracts", running);
		// a contract that no longer runs stays on offer for the case that names it
		if (contract != null && running.stream().noneMatch(offered -> offered.id().value().equals(contract))) {
			sales.find(actor, new RecordRef(ContractId.TYPE, contract))
				.ifPresent(record -> model.addAttribute("chosenContract", record));
		}
		return "support/cases/form";
	}

	private List<ServiceContracts.ServiceContract> contractsOf(Actor actor, UUID account) {
		if (account == null) {
			return List.of();
		}
		return customers.findAccount(actor, new AccountId(account))
			.map(summary -> serviceContracts.running(actor, summary.id(), CONTRACT_CHOICES))
			.orElse(List.of());
	}

	private List<?> contactsOf(Actor actor, UUID account) {
		if (account == null) {
			return List.of();
		}
		return customers.findAccount(actor, new AccountId(account))
			.map(summary -> (List<?>) customers.contactsOf(actor, summary.id(), 200))
			.orElse(List.of());
	}

	/** The names of the accounts, owners and queues of the cases a page lists. */
	private void rowsOf(List<SupportCase> shown, Model model) {
		model.addAttribute("accountNames", accountNames(shown.stream()
			.map(SupportCase::getAccountId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet())));
		model.addAttribute("leadNames", leadNames(shown.stream()
			.map(SupportCase::getLeadId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet())));
		model.addAttribute("ownerNames", userNames(shown.stream().map(SupportCase::getOwnerId).toList()));
		model.addAttribute("now", cases.now());
	}

	private Map<UUID, String> accountNames(Set<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		customers.accountNames(ids.stream().map(AccountId::new).collect(Collectors.toSet()))
			.forEach((id, name) -> names.put(id.value(), name));
		return names;
	}

	private Map<UUID, String> leadNames(Set<UUID> ids) {
		return ids.isEmpty() ? Map.of() : sales.titles(LeadId.TYPE, ids);
	}

	/** The names of the leads of an export's cases, read as the rows come, each once. */
	private static final class LeadNames {

		private final SalesRecords sales;
		private final Map<UUID, String> known = new HashMap<>();

		LeadNames(SalesRecords sales) {
			this.sales = sales;
		}

		String name(UUID lead) {
			if (lead == null) {
				return null;
			}
			return known.computeIfAbsent(lead, id -> sales.titles(LeadId.TYPE, Set.of(id)).get(id));
		}
	}

	private Map<UUID, String> userNames(Collection<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		directory.displayNames(ids.stream().filter(java.util.Objects::nonNull).map(UserId::new).collect(Collectors.toSet()))
			.forEach((id, name) -> names.put(id.value(), name));
		return names;
	}
}
