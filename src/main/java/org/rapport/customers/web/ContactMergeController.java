package org.rapport.customers.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.DuplicateGroup;
import org.rapport.customers.DuplicateRule;
import org.rapport.customers.MergeFields;
import org.rapport.customers.MergeFields.Side;
import org.rapport.customers.MergeTable;
import org.rapport.customers.internal.Contact;
import org.rapport.customers.internal.ContactFilter;
import org.rapport.customers.internal.ContactMerge;
import org.rapport.customers.internal.ContactService;
import org.rapport.customers.internal.CustomerDuplicates;
import org.rapport.customers.internal.ListSort;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
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
 * The administrators' list of duplicate contacts, and the page that merges two contacts.
 */
@Controller
class ContactMergeController {

	private static final List<String> RULES = List.of("email", "name");

	private final ContactService contacts;
	private final ContactMerge merge;
	private final CustomerDuplicates duplicates;
	private final CurrentActor currentActor;
	private final MergeTable table;

	ContactMergeController(ContactService contacts, ContactMerge merge, CustomerDuplicates duplicates,
			CurrentActor currentActor, MergeTable table) {
		this.contacts = contacts;
		this.merge = merge;
		this.duplicates = duplicates;
		this.currentActor = currentActor;
		this.table = table;
	}

	@GetMapping("/contacts/duplicates")
	String duplicates(@RequestParam(required = false) String by, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		DuplicateRule rule = DuplicateRule.parse(by, DuplicateRule.EMAIL) == DuplicateRule.NAME ? DuplicateRule.NAME
				: DuplicateRule.EMAIL;
		Paging paging = Paging.of(page, size);
		ResultPage<DuplicateGroup<Contact>> result = duplicates.contactGroups(currentActor.get(), rule, paging.page(),
				paging.size());
		model.addAttribute("kind", "contacts");
		model.addAttribute("rules", RULES);
		model.addAttribute("by", rule.param());
		model.addAttribute("result", result);
		model.addAttribute("groups", result.items().stream().map(g -> {
			UUID oldest = g.members().get(0).getId();
			return new MergeViews.Group(g.key(), g.members().stream()
				.map(c -> candidate(c, "/contacts/" + oldest + "/merge?with=" + c.getId()))
				.toList());
		}).toList());
		return "merge/duplicates";
	}

	/** Without {@code with}: the contacts to pick from; with it, the side-by-side merge table. */
	@GetMapping("/contacts/{id}/merge")
	String mergePage(@PathVariable UUID id, @RequestParam(required = false) UUID with,
			@RequestParam(required = false) String q, Model model) {
		Actor actor = currentActor.get();
		Contact contact = contacts.get(actor, id);
		if (!ContactMerge.mayMerge(actor, contact)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Not allowed to merge this contact");
		}
		if (with == null) {
			model.addAttribute("kind", "contact");
			model.addAttribute("listHref", "/contacts");
			model.addAttribute("recordHref", "/contacts/" + id);
			model.addAttribute("recordLabel", contact.getFullName());
			model.addAttribute("candidates", duplicates
				.contactsLike(actor, contact.getEmail(), contact.getFirstName(), contact.getLastName(),
						contact.getAccount() == null ? null : contact.getAccount().getName(), id, 20)
				.stream()
				.map(c -> candidate(c, "/contacts/" + id + "/merge?with=" + c.getId()))
				.toList());
			model.addAttribute("q", q);
			model.addAttribute("found", q == null || q.isBlank() ? List.of()
					: contacts.list(actor, new ContactFilter(q, null, null, null), ListSort.parse("name"), 0, 20)
						.items()
						.stream()
						.filter(c -> !c.getId().equals(id))
						.map(c -> candidate(c, "/contacts/" + id + "/merge?with=" + c.getId()))
						.toList());
			return "merge/candidates";
		}
		return form(contact, contacts.get(actor, with), null, model);
	}

	@PostMapping("/contacts/{id}/merge")
	String merge(@PathVariable UUID id, @RequestParam UUID mergedId, @RequestParam long version,
			@RequestParam long mergedVersion, @RequestParam Map<String, String> parameters, Model model,
			RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		try {
			merge.merge(actor, id, version, mergedId, mergedVersion, MergeViews.choices(parameters));
			redirect.addFlashAttribute("success", "flash.merge.done");
			return "redirect:/contacts/" + id;
		}
		catch (OptimisticLockingFailureException stale) {
			return form(contacts.get(actor, id), contacts.get(actor, mergedId), "form.stale", model);
		}
		catch (InvalidField invalid) {
			return form(contacts.get(actor, id), contacts.get(actor, mergedId), invalid.messageKey(), model);
		}
	}

	private String form(Contact survivor, Contact merged, String failure, Model model) {
		if (survivor.getId().equals(merged.getId())) {
			throw new InvalidField("mergedId", "validation.merge.same", "A contact cannot be merged into itself");
		}
		MergeFields<Contact> fields = merge.fields();
		Map<String, Side> chosen = fields.choose(survivor, merged, Map.of());
		model.addAttribute("kind", "contact");
		model.addAttribute("listHref", "/contacts");
		model.addAttribute("rows", table.rows(fields, survivor, merged, chosen));
		model.addAttribute("survivorLabel", survivor.getFullName());
		model.addAttribute("mergedLabel", merged.getFullName());
		model.addAttribute("survivorHref", "/contacts/" + survivor.getId());
		model.addAttribute("mergedHref", "/contacts/" + merged.getId());
		model.addAttribute("action", "/contacts/" + survivor.getId() + "/merge");
		model.addAttribute("swapHref", "/contacts/" + merged.getId() + "/merge?with=" + survivor.getId());
		model.addAttribute("mergedId", merged.getId());
		model.addAttribute("survivorVersion", survivor.getVersion());
		model.addAttribute("mergedVersion", merged.getVersion());
		model.addAttribute("failure", failure);
		return "merge/form";
	}

	private static MergeViews.Candidate candidate(Contact contact, String mergeHref) {
		return new MergeViews.Candidate(contact.getFullName(),
				MergeViews.joined(contact.getAccount() == null ? null : contact.getAccount().getName(),
						contact.getEmail(), contact.getPhone()),
				"/contacts/" + contact.getId(), mergeHref);
	}
}
