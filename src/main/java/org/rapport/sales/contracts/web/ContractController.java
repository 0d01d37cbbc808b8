package org.rapport.sales.contracts.web;

import org.rapport.sales.web.SalesCustomFields;
import org.rapport.shared.DefaultCurrency;
import org.rapport.shared.RuleBroken;
import org.rapport.web.CsvDownload;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.customization.CustomFieldForm;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserDirectory;
import org.rapport.sales.contracts.internal.Contract;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.sales.contracts.internal.ContractFilter;
import org.rapport.sales.contracts.internal.ContractStatus;
import org.rapport.web.FilterQuery;
import org.rapport.web.OwnerNames;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.rapport.shared.InvalidField;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
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
 * The contract pages: the list with its filters, the detail page with renew and terminate, and the form, which a
 * won opportunity opens with its account and id filled in.
 */
@Controller
@RequestMapping("/contracts")
class ContractController {

	private final ContractBook contracts;
	private final Customers customers;
	private final CurrentActor currentActor;
	private final SalesCustomFields customFields;
	private final UserDirectory directory;
	private final AccountReferences accounts;
	private final DefaultCurrency defaultCurrency;

	ContractController(ContractBook contracts, Customers customers, CurrentActor currentActor,
			SalesCustomFields customFields, UserDirectory directory, AccountReferences accounts,
			DefaultCurrency defaultCurrency) {
		this.accounts = accounts;
		this.defaultCurrency = defaultCurrency;
		this.contracts = contracts;
		this.customers = customers;
		this.currentActor = currentActor;
		this.customFields = customFields;
		this.directory = directory;
	}

	@GetMapping
	String list(@RequestParam(required = false) UUID account, @RequestParam(required = false) ContractStatus status,
			@RequestParam(required = false) Integer endingWithin, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-Target", required = false) String target,
			@RequestParam MultiValueMap<String, String> params, Model model) {
		Actor actor = currentActor.get();
		ContractFilter filter = new ContractFilter(account, status, endingWithin);
		CustomFieldQuery custom = customFields.query(ContractBook.ENTITY, params);
		SortWhitelist.Choice sorting = SortParameter.choose(sort, ContractBook.sorts(custom));
		Paging paging = Paging.of(page, size);
		ResultPage<Contract> result = contracts.list(actor, filter, sorting.sort(), custom, paging.page(),
			paging.size());
		model.addAttribute("result", result);
		model.addAttribute("filter", filter);
		model.addAttribute("cfq", custom);
		model.addAttribute("baseQuery", new FilterQuery().with("account", account).with("status", status)
			.with("endingWithin", endingWithin).with("size", size).withAll(custom.params()).encoded());
		model.addAttribute("sort", sorting.param());
		model.addAttribute("sorting", sorting);
		model.addAttribute("accountNames",
				accountNames(result.items().stream().map(Contract::getAccountId).collect(Collectors.toSet())));
		if (htmx != null && "results".equals(target)) {
			return "sales/contracts/list :: results";
		}
		if (account != null) {
			customers.findAccount(actor, new AccountId(account))
				.ifPresent(summary -> model.addAttribute("filterAccount", summary));
		}
		model.addAttribute("statuses", ContractStatus.values());
		return "sales/contracts/list";
	}

	/** The form; from a won opportunity it carries the opportunity's account and id. */
	@GetMapping("/export.csv")
	void export(@RequestParam(required = false) UUID account, @RequestParam(required = false) ContractStatus status,
			@RequestParam(required = false) Integer endingWithin, @RequestParam(required = false) String sort,
			@RequestParam MultiValueMap<String, String> params, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		Actor actor = currentActor.get();
		OwnerNames names = new OwnerNames(directory);
		CustomFieldQuery custom = customFields.query(ContractBook.ENTITY, params);
		var exported = custom.exportedColumns();
		ExportedAccounts accountCells = new ExportedAccounts(accounts);
		CsvDownload.write(response, "contracts.csv", CsvDownload.header(new String[] { "id", "external_id", "number",
				"account", "account_name", "opportunity_id", "status", "start_date", "end_date", "value", "currency",
				"auto_renew", "renewal_notice_days", "description", "service_level", "owner", "owner_id", "owner_name", "team_id",
				"team_name", "created_at", "updated_at" },
				custom.exportedHeader()),
				rows -> contracts.forEach(actor, new ContractFilter(account, status, endingWithin),
						SortParameter.parse(sort, ContractBook.sorts(custom)), custom,
						c -> rows.row(CsvDownload.values(new Object[] { c.getId(), c.getExternalId(), c.getNumber(),
								accountCells.reference(c.getAccountId()), accountCells.name(c.getAccountId()),
								c.getOpportunityId(), c.getStatus(), c.getStartDate(), c.getEndDate(),
								c.getValue() == null ? null : c.getValue().amount(),
								c.getValue() == null ? null : c.getValue().currency(), c.isAutoRenew(),
								c.getRenewalNoticeDays(), c.getDescription(), c.getServiceLevel(), names.login(c.getOwnerId()),
								c.getOwnerId(), names.user(c.getOwnerId()), c.getTeamId(),
								names.team(c.getTeamId()), c.getCreatedAt(), c.getUpdatedAt() },
								CustomFieldQuery.exportValues(c.getCustomFields(), exported)))));
	}

	@GetMapping("/new")
	String newContract(@RequestParam(required = false) UUID account, @RequestParam(required = false) UUID opportunity,
			Model model) {
		model.addAttribute("input",
				ContractInput.forAccount(account, opportunity, contracts.today(), defaultCurrency.code()));
		return form(model, account, customFields.blank(ContractBook.ENTITY));
	}

	@PostMapping
	String create(@Valid @ModelAttribute("input") ContractInput input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		SalesCustomFields.Submitted custom = customFields.submitted(ContractBook.ENTITY, params, actor);
		CustomFieldForm form = custom.form();
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				Contract contract = contracts.create(actor, input.toDetails(), custom.values());
				redirect.addFlashAttribute("success", "flash.contract.created");
				return "redirect:/contracts/" + contract.getId();
			}
			catch (InvalidField invalid) {
				form = SalesCustomFields.reject(errors, form, invalid);
			}
		}
		return form(model, input.accountId(), form);
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		Contract contract = contracts.get(currentActor.get(), id);
		model.addAttribute("contract", contract);
		model.addAttribute("accountNames", accountNames(Set.of(contract.getAccountId())));
		return "sales/contracts/show";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		Actor actor = currentActor.get();
		Contract contract = contracts.get(actor, id);
		model.addAttribute("contract", contract);
		model.addAttribute("input", ContractInput.of(contract));
		return form(model, contract.getAccountId(), customFields.of(ContractBook.ENTITY, contract, actor));
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("input") ContractInput input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		Contract contract = contracts.get(actor, id);
		model.addAttribute("contract", contract);
		SalesCustomFields.Submitted custom = customFields.submitted(ContractBook.ENTITY, params, actor);
		CustomFieldForm form = custom.form();
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				contracts.update(actor, id, input.version() == null ? -1 : input.version(), input.toDetails(),
						custom.values());
				redirect.addFlashAttribute("success", "flash.contract.updated");
				return "redirect:/contracts/" + id;
			}
			catch (InvalidField invalid) {
				form = SalesCustomFields.reject(errors, form, invalid);
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
			catch (RuleBroken refused) {
				errors.reject("contract.change.refused");
			}
		}
		return form(model, contract.getAccountId(), form);
	}

	@PostMapping("/{id}/renew")
	String renew(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
		try {
			Contract next = contracts.renew(currentActor.get(), id, version);
			redirect.addFlashAttribute("success", "flash.contract.renewed");
			return "redirect:/contracts/" + next.getId();
		}
		catch (OptimisticLockingFailureException | RuleBroken refused) {
			redirect.addFlashAttribute("failure", "contract.change.refused");
			return "redirect:/contracts/" + id;
		}
	}

	@PostMapping("/{id}/terminate")
	String terminate(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
		try {
			contracts.terminate(currentActor.get(), id, version);
			redirect.addFlashAttribute("success", "flash.contract.terminated");
		}
		catch (OptimisticLockingFailureException | RuleBroken refused) {
			redirect.addFlashAttribute("failure", "contract.change.refused");
		}
		return "redirect:/contracts/" + id;
	}

	private String form(Model model, UUID account, CustomFieldForm cf) {
		model.addAttribute("cf", cf);
		if (account != null) {
			customers.findAccount(currentActor.get(), new AccountId(account))
				.ifPresent(summary -> model.addAttribute("chosenAccount", summary));
		}
		return "sales/contracts/form";
	}

	private Map<UUID, String> accountNames(Set<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		customers.accountNames(ids.stream().map(AccountId::new).collect(Collectors.toSet()))
			.forEach((id, name) -> names.put(id.value(), name));
		return names;
	}
}
