package org.rapport.customers.web;

import org.rapport.web.OwnerNames;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.rapport.web.CsvDownload;
import org.rapport.web.FilterQuery;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.MergeEntry;
import org.rapport.customers.AccountReferences;
import org.rapport.customers.internal.AccountService;
import org.rapport.customers.internal.ContactMerge;
import org.rapport.customers.internal.CustomerDuplicates;
import org.rapport.customers.internal.Contact;
import org.rapport.customers.internal.ContactFilter;
import org.rapport.customers.internal.ContactService;
import org.rapport.identity.Actor;
import org.rapport.customization.CustomFields;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customization.CustomFieldInput;
import org.rapport.customization.CustomFieldForm;
import org.rapport.customization.CustomField;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserDirectory;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
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
 * The contact pages: the list with its filters, the detail page, the forms and the CSV export.
 */
@Controller
@RequestMapping("/contacts")
class ContactController {

	private final ContactService contacts;
	private final AccountService accounts;
	private final CurrentActor currentActor;
	private final Choices choices;
	private final CustomerDuplicates duplicates;
	private final ContactMerge merge;

	private final CustomFields customFields;
	private final UserDirectory directory;

	ContactController(ContactService contacts, AccountService accounts, CurrentActor currentActor, Choices choices,
			CustomerDuplicates duplicates, ContactMerge merge, CustomFields customFields, UserDirectory directory) {
		this.customFields = customFields;
		this.duplicates = duplicates;
		this.merge = merge;
		this.contacts = contacts;
		this.accounts = accounts;
		this.currentActor = currentActor;
		this.choices = choices;
		this.directory = directory;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) UUID owner,
			@RequestParam(required = false) UUID team, @RequestParam(required = false) UUID account,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-Target", required = false) String target,
			@RequestParam MultiValueMap<String, String> params, Model model) {
		Actor actor = currentActor.get();
		ContactFilter filter = new ContactFilter(q, owner, team, account);
		CustomFieldQuery custom = CustomFieldQuery.of(customFields.active(ContactService.ENTITY), params);
		SortWhitelist.Choice sorting = SortParameter.choose(sort, ContactService.sorts(custom));
		Paging paging = Paging.of(page, size);
		ResultPage<Contact> result = contacts.list(actor, filter, sorting.sort(), custom, paging.page(), paging.size());
		model.addAttribute("result", result);
		model.addAttribute("filter", filter);
		model.addAttribute("cfq", custom);
		model.addAttribute("baseQuery", new FilterQuery().with("q", q).with("owner", owner).with("team", team)
			.with("account", account).with("size", size).withAll(custom.params()).encoded());
		model.addAttribute("sort", sorting.param());
		model.addAttribute("sorting", sorting);
		choices.addNames(model, result.items(), Contact::getOwnerId, Contact::getTeamId);
		if (htmx != null && "results".equals(target)) {
			return "customers/contacts/list :: results";
		}
		if (account != null) {
			model.addAttribute("filterAccount", accounts.get(actor, account));
		}
		choices.addTo(model);
		return "customers/contacts/list";
	}

	@GetMapping("/export.csv")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) UUID owner,
			@RequestParam(required = false) UUID team, @RequestParam(required = false) UUID account,
			@RequestParam(required = false) String sort, @RequestParam MultiValueMap<String, String> params,
			HttpServletResponse response) throws IOException {
		Actor actor = currentActor.get();
		OwnerNames names = new OwnerNames(directory);
		CustomFieldQuery custom = CustomFieldQuery.of(customFields.active(ContactService.ENTITY), params);
		List<CustomField> exported = custom.exportedColumns();
		CsvDownload.write(response, "contacts.csv", CsvDownload.header(new String[] { "id", "external_id", "account",
				"account_name", "first_name", "last_name", "title", "email", "phone", "street", "city", "postal_code",
				"region", "country", "do_not_contact", "owner", "owner_id", "owner_name", "team_id", "team_name",
				"created_at", "updated_at" },
				custom.exportedHeader()),
				rows -> contacts.forEach(actor, new ContactFilter(q, owner, team, account),
					SortParameter.parse(sort, ContactService.sorts(custom)),
						custom, c -> {
							var address = c.getAddress();
							rows.row(CsvDownload.values(new Object[] { c.getId(), c.getExternalId(),
									c.getAccount() == null ? null
											: AccountReferences.reference(c.getAccount().getId(),
													c.getAccount().getExternalId()),
									c.getAccount() == null ? null : c.getAccount().getName(), c.getFirstName(),
									c.getLastName(), c.getTitle(), c.getEmail(), c.getPhone(), address.street(),
									address.city(), address.postalCode(), address.region(), address.country(),
									c.isDoNotContact(), names.login(c.getOwnerId()), c.getOwnerId(),
									names.user(c.getOwnerId()), c.getTeamId(),
									names.team(c.getTeamId()), c.getCreatedAt(),
									c.getUpdatedAt() }, CustomFieldQuery.exportValues(c.getCustomFields(), exported)));
						}));
	}

	@GetMapping("/new")
	String newContact(@RequestParam(required = false) UUID account, Model model) {
		Actor actor = currentActor.get();
		if (account != null) {
			model.addAttribute("chosenAccount", accounts.get(actor, account));
		}
		model.addAttribute("input", ContactInput.forAccount(account));
		model.addAttribute("cf", CustomFieldForm.blank(customFields.active(ContactService.ENTITY)));
		choices.addTo(model);
		return "customers/contacts/form";
	}

	/**
	 * Creates the contact, unless it looks like contacts the user can see: then the form comes back listing them,
	 * and saving it again with {@code proceed} creates the contact all the same.
	 */
	@PostMapping
	String create(@Valid @ModelAttribute("input") ContactInput input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, @RequestParam(defaultValue = "false") boolean proceed,
			Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		Map<String, String> text = CustomFieldForm.textFrom(params);
		CustomFieldInput custom = customFields.read(ContactService.ENTITY, text, actor.zone());
		CustomFieldForm form = CustomFieldForm.submitted(customFields.active(ContactService.ENTITY), text,
				custom.errors());
		if (!errors.hasErrors() && !custom.hasErrors() && !proceed) {
			List<Contact> alike = duplicates.contactsLike(actor, input.email(), input.firstName(), input.lastName(),
					accountName(actor, input.accountId()), null, AccountController.DUPLICATE_LIMIT);
			if (!alike.isEmpty()) {
				model.addAttribute("duplicates", alike.stream()
					.map(c -> new MergePages.Candidate(c.getFullName(), MergePages.joined(
							c.getAccount() == null ? null : c.getAccount().getName(), c.getEmail()),
							"/contacts/" + c.getId(), null))
					.toList());
				model.addAttribute("cf", form);
				return form(actor, input, model);
			}
		}
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				Contact contact = contacts.create(actor, input.toDetails(), input.accountId(), input.owner(),
						input.team(), custom.values());
				redirect.addFlashAttribute("success", "flash.contact.created");
				return "redirect:/contacts/" + contact.getId();
			}
			catch (InvalidField invalid) {
				form = CustomFieldErrors.reject(errors, form, invalid);
			}
		}
		model.addAttribute("cf", form);
		return form(actor, input, model);
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		Contact contact = contacts.get(currentActor.get(), id);
		model.addAttribute("contact", contact);
		choices.addNames(model, List.of(contact), Contact::getOwnerId, Contact::getTeamId);
		choices.addAuthorNames(model, contact);
		Actor actor = currentActor.get();
		model.addAttribute("mayMerge", ContactMerge.mayMerge(actor, contact));
		List<MergeEntry> merges = merge.mergesInto(actor, id, 20);
		model.addAttribute("merges", merges);
		choices.addMergerNames(model, merges);
		return "customers/contacts/show";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		Actor actor = currentActor.get();
		Contact contact = contacts.get(actor, id);
		model.addAttribute("contact", contact);
		model.addAttribute("cf", CustomFieldForm.of(customFields.active(ContactService.ENTITY),
				contact.getCustomFields(), actor.zone()));
		return form(actor, ContactInput.of(contact), model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("input") ContactInput input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		model.addAttribute("contact", contacts.get(actor, id));
		Map<String, String> text = CustomFieldForm.textFrom(params);
		CustomFieldInput custom = customFields.read(ContactService.ENTITY, text, actor.zone());
		CustomFieldForm form = CustomFieldForm.submitted(customFields.active(ContactService.ENTITY), text,
				custom.errors());
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				contacts.update(actor, id, input.version() == null ? -1 : input.version(), input.toDetails(),
						input.accountId(), input.owner(), input.team(), custom.values());
				redirect.addFlashAttribute("success", "flash.contact.updated");
				return "redirect:/contacts/" + id;
			}
			catch (InvalidField invalid) {
				form = CustomFieldErrors.reject(errors, form, invalid);
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
		}
		model.addAttribute("cf", form);
		return form(actor, input, model);
	}

	private String accountName(Actor actor, UUID account) {
		if (account == null) {
			return null;
		}
		try {
			return accounts.get(actor, account).getName();
		}
		catch (RecordNotFound notVisible) {
			return null;
		}
	}

	private String form(Actor actor, ContactInput input, Model model) {
		model.addAttribute("input", input);
		if (input.accountId() != null && !model.containsAttribute("chosenAccount")) {
			try {
				model.addAttribute("chosenAccount", accounts.get(actor, input.accountId()));
			}
			catch (RecordNotFound notVisible) {
				// the form shows the account field empty and its error
			}
		}
		choices.addTo(model);
		return "customers/contacts/form";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		contacts.delete(currentActor.get(), id);
		redirect.addFlashAttribute("success", "flash.contact.deleted");
		return "redirect:/contacts";
	}
}
