package org.rapport.customers.web;

import org.rapport.web.OwnerNames;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.rapport.web.CsvDownload;
import org.rapport.web.FilterQuery;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.AccountPanel;
import org.rapport.customers.Industry;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.Account;
import org.rapport.customers.MergeEntry;
import org.rapport.customers.internal.AccountFilter;
import org.rapport.customers.internal.AccountMerge;
import org.rapport.customers.internal.CustomerDuplicates;
import org.rapport.customers.internal.AccountService;
import org.rapport.customers.internal.AccountService.ContactsOnDelete;
import org.rapport.customers.internal.AccountService.RelatedOnDelete;
import org.rapport.customers.AccountHolding;
import org.rapport.customization.CustomField;
import org.rapport.customization.CustomFieldForm;
import org.rapport.customization.CustomFieldInput;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserDirectory;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordInUse;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
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
 * The account pages: the list with its filters, the detail page, the forms and the CSV export.
 */
@Controller
@RequestMapping("/accounts")
class AccountController {

	private final AccountService accounts;
	private final CurrentActor currentActor;
	private final Choices choices;
	private final List<AccountPanel> panels;
	private final CustomFields customFields;
	private final CustomerDuplicates duplicates;
	private final AccountMerge merge;
	private final MessageSource messages;
	private final UserDirectory directory;

	/** How many possible duplicates the form lists. */
	static final int DUPLICATE_LIMIT = 10;

	AccountController(AccountService accounts, CurrentActor currentActor, Choices choices,
			ObjectProvider<AccountPanel> panels, CustomerDuplicates duplicates, AccountMerge merge,
			CustomFields customFields, MessageSource messages, UserDirectory directory) {
		this.messages = messages;
		this.customFields = customFields;
		this.duplicates = duplicates;
		this.merge = merge;
		this.accounts = accounts;
		this.currentActor = currentActor;
		this.choices = choices;
		this.panels = panels.stream().sorted(Comparator.comparingInt(AccountPanel::order)).toList();
		this.directory = directory;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) UUID owner,
			@RequestParam(required = false) UUID team, @RequestParam(required = false) LifecycleStage stage,
			@RequestParam(required = false) Industry industry, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-Target", required = false) String target,
			@RequestParam MultiValueMap<String, String> params, Model model) {
		AccountFilter filter = new AccountFilter(q, owner, team, stage, industry);
		CustomFieldQuery custom = CustomFieldQuery.of(customFields.active(AccountService.ENTITY), params);
		SortWhitelist.Choice sorting = SortParameter.choose(sort, AccountService.sorts(custom));
		Paging paging = Paging.of(page, size);
		ResultPage<Account> result = accounts.list(currentActor.get(), filter, sorting.sort(), custom, paging.page(),
				paging.size());
		model.addAttribute("result", result);
		model.addAttribute("filter", filter);
		model.addAttribute("cfq", custom);
		model.addAttribute("baseQuery", new FilterQuery().with("q", q).with("owner", owner).with("team", team)
			.with("stage", stage).with("industry", industry).with("size", size).withAll(custom.params()).encoded());
		model.addAttribute("sort", sorting.param());
		model.addAttribute("sorting", sorting);
		choices.addNames(model, result.items(), Account::getOwnerId, Account::getTeamId);
		if (htmx != null && "results".equals(target)) {
			return "customers/accounts/list :: results";
		}
		choices.addTo(model);
		return "customers/accounts/list";
	}

	@GetMapping("/export.csv")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) UUID owner,
			@RequestParam(required = false) UUID team, @RequestParam(required = false) LifecycleStage stage,
			@RequestParam(required = false) Industry industry, @RequestParam(required = false) String sort,
			@RequestParam MultiValueMap<String, String> params, HttpServletResponse response) throws IOException {
		Actor actor = currentActor.get();
		OwnerNames names = new OwnerNames(directory);
		CustomFieldQuery custom = CustomFieldQuery.of(customFields.active(AccountService.ENTITY), params);
		List<CustomField> exported = custom.exportedColumns();
		CsvDownload.write(response, "accounts.csv", CsvDownload.header(new String[] { "id", "external_id", "name",
				"type", "industry", "lifecycle_stage", "website", "phone", "email", "billing_street", "billing_city",
				"billing_postal_code", "billing_region", "billing_country", "owner", "owner_id", "owner_name",
				"team_id", "team_name", "source", "description", "created_at", "updated_at" },
				custom.exportedHeader()),
				rows -> accounts.forEach(actor, new AccountFilter(q, owner, team, stage, industry),
						SortParameter.parse(sort, AccountService.sorts(custom)), custom, a -> {
							var address = a.getBillingAddress();
							rows.row(CsvDownload.values(new Object[] { a.getId(), a.getExternalId(), a.getName(),
									a.getType(), a.getIndustry(), a.getLifecycleStage(), a.getWebsite(), a.getPhone(),
									a.getEmail(), address.street(), address.city(), address.postalCode(),
									address.region(), address.country(), names.login(a.getOwnerId()), a.getOwnerId(),
									names.user(a.getOwnerId()), a.getTeamId(), names.team(a.getTeamId()),
									a.getSource(), a.getDescription(), a.getCreatedAt(), a.getUpdatedAt() },
									CustomFieldQuery.exportValues(a.getCustomFields(), exported)));
						}));
	}

	/** Options for an account picker: the first visible accounts whose name starts with the typed text. */
	@GetMapping("/picker")
	String picker(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("options", accounts
			.list(currentActor.get(), new AccountFilter(q, null, null, null, null), AccountService.SORTS.defaultSort(),
				0, 20)
			.items());
		return "customers/accounts/picker :: options";
	}

	@GetMapping("/new")
	String newAccount(Model model) {
		model.addAttribute("input", AccountInput.empty());
		model.addAttribute("cf", CustomFieldForm.blank(customFields.active(AccountService.ENTITY)));
		choices.addTo(model);
		return "customers/accounts/form";
	}

	/**
	 * Creates the account, unless it looks like accounts the user can see: then the form comes back listing them,
	 * and saving it again with {@code proceed} creates the account all the same.
	 */
	@PostMapping
	String create(@Valid @ModelAttribute("input") AccountInput input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, @RequestParam(defaultValue = "false") boolean proceed,
			Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		List<CustomField> fields = customFields.active(AccountService.ENTITY);
		Map<String, String> text = CustomFieldForm.textFrom(params);
		CustomFieldInput custom = customFields.read(AccountService.ENTITY, text, actor.zone());
		CustomFieldForm form = CustomFieldForm.submitted(fields, text, custom.errors());
		if (!errors.hasErrors() && !custom.hasErrors() && !proceed) {
			List<Account> alike = duplicates.accountsLike(actor, input.name(), input.website(), null,
					DUPLICATE_LIMIT);
			if (!alike.isEmpty()) {
				model.addAttribute("duplicates", alike.stream()
					.map(a -> new MergePages.Candidate(a.getName(), MergePages.joined(a.getWebsite(), a.getEmail()),
							"/accounts/" + a.getId(), null))
					.toList());
				model.addAttribute("cf", form);
				choices.addTo(model);
				return "customers/accounts/form";
			}
		}
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				Account account = accounts.create(actor, input.toDetails(), input.owner(), input.team(),
						custom.values());
				redirect.addFlashAttribute("success", "flash.account.created");
				return "redirect:/accounts/" + account.getId();
			}
			catch (InvalidField invalid) {
				form = CustomFieldErrors.reject(errors, form, invalid);
			}
		}
		model.addAttribute("cf", form);
		choices.addTo(model);
		return "customers/accounts/form";
	}


	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		Account account = accounts.get(currentActor.get(), id);
		model.addAttribute("account", account);
		model.addAttribute("contacts", accounts.contactsOf(id, 50));
		model.addAttribute("contactCount", accounts.contactCount(id));
		choices.addNames(model, List.of(account), Account::getOwnerId, Account::getTeamId);
		choices.addAuthorNames(model, account);
		model.addAttribute("panels", panels);
		Actor actor = currentActor.get();
		model.addAttribute("mayMerge", AccountMerge.mayMerge(actor, account));
		List<MergeEntry> merges = merge.mergesInto(actor, id, 20);
		model.addAttribute("merges", merges);
		choices.addMergerNames(model, merges);
		return "customers/accounts/show";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		Account account = accounts.get(currentActor.get(), id);
		model.addAttribute("account", account);
		model.addAttribute("input", AccountInput.of(account));
		model.addAttribute("cf", CustomFieldForm.of(customFields.active(AccountService.ENTITY),
				account.getCustomFields(), currentActor.get().zone()));
		choices.addTo(model);
		return "customers/accounts/form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("input") AccountInput input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		Account account = accounts.get(actor, id);
		model.addAttribute("account", account);
		List<CustomField> fields = customFields.active(AccountService.ENTITY);
		Map<String, String> text = CustomFieldForm.textFrom(params);
		CustomFieldInput custom = customFields.read(AccountService.ENTITY, text, actor.zone());
		CustomFieldForm form = CustomFieldForm.submitted(fields, text, custom.errors());
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				accounts.update(actor, id, input.version() == null ? -1 : input.version(), input.toDetails(),
						input.owner(), input.team(), custom.values());
				redirect.addFlashAttribute("success", "flash.account.updated");
				return "redirect:/accounts/" + id;
			}
			catch (InvalidField invalid) {
				form = CustomFieldErrors.reject(errors, form, invalid);
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
		}
		model.addAttribute("cf", form);
		choices.addTo(model);
		return "customers/accounts/form";
	}

	@GetMapping("/{id}/delete")
	String confirmDelete(@PathVariable UUID id, Model model, Locale locale) {
		Account account = accounts.get(currentActor.get(), id);
		model.addAttribute("account", account);
		model.addAttribute("contactCount", accounts.contactCount(id));
		List<AccountHolding> holdings = accounts.holdingsOf(account.id());
		List<AccountHolding> kept = holdings.stream().filter(AccountHolding::keepsAccount).toList();
		List<AccountHolding> following = holdings.stream().filter(holding -> !holding.keepsAccount()).toList();
		if (!kept.isEmpty()) {
			model.addAttribute("kept", messages.getMessage("account.delete.kept",
					new Object[] { account.getName(), listed(kept, locale) }, locale));
		}
		if (!following.isEmpty()) {
			model.addAttribute("following", listed(following, locale));
		}
		return "customers/accounts/delete";
	}

	private String listed(List<AccountHolding> holdings, Locale locale) {
		return String.join(messages.getMessage("list.separator", null, ", ", locale),
				holdings.stream().map(holding -> messages.getMessage(holding, locale)).toList());
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable UUID id, @RequestParam(required = false) ContactsOnDelete contacts,
			@RequestParam(required = false) RelatedOnDelete related, @RequestParam(required = false) UUID moveTo,
			Model model, Locale locale, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		long contactCount = accounts.contactCount(id);
		if (contactCount > 0 && contacts == null) {
			redirect.addFlashAttribute("failure", "account.delete.choose");
			return "redirect:/accounts/" + id + "/delete";
		}
		try {
			accounts.delete(actor, id, contacts, related, moveTo);
		}
		catch (RecordInUse refused) {
			model.addAttribute("refusal", refused.message(messages, locale));
			return confirmDelete(id, model, locale);
		}
		catch (InvalidField invalid) {
			model.addAttribute("refusal", messages.getMessage(invalid.messageKey(), null, locale));
			return confirmDelete(id, model, locale);
		}
		redirect.addFlashAttribute("success", "flash.account.deleted");
		return "redirect:/accounts";
	}
}
