package org.rapport.customers.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.DuplicateRule;
import org.rapport.customers.internal.Contact;
import org.rapport.customers.internal.ContactFilter;
import org.rapport.customers.internal.ContactMerge;
import org.rapport.customers.internal.ContactService;
import org.rapport.customers.internal.CustomerDuplicates;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' list of duplicate contacts, and the page that merges two contacts.
 */
@Controller
class ContactMergeController {

	private static final List<DuplicateRule> RULES = List.of(DuplicateRule.EMAIL, DuplicateRule.NAME);

	private final ContactService contacts;
	private final ContactMerge merge;
	private final CustomerDuplicates duplicates;
	private final CurrentActor currentActor;
	private final MergePages<Contact> pages;

	ContactMergeController(ContactService contacts, ContactMerge merge, CustomerDuplicates duplicates,
			CurrentActor currentActor, MergeTable table) {
		this.contacts = contacts;
		this.merge = merge;
		this.duplicates = duplicates;
		this.currentActor = currentActor;
		this.pages = MergePages.of(table, "contact", "contacts", merge::fields, Contact::getFullName,
				c -> MergePages.joined(accountName(c), c.getEmail(), c.getPhone()));
	}

	@GetMapping("/contacts/duplicates")
	String duplicates(@RequestParam(required = false) String by, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		return pages.duplicates(RULES, by, page, size,
				(rule, number, length) -> duplicates.contactGroups(currentActor.get(), rule, number, length), model);
	}

	/** Without {@code with}: the contacts to pick from; with it, the side-by-side merge table. */
	@GetMapping("/contacts/{id}/merge")
	String mergePage(@PathVariable UUID id, @RequestParam(required = false) UUID with,
			@RequestParam(required = false) String q, Model model) {
		Actor actor = currentActor.get();
		Contact contact = contacts.get(actor, id);
		pages.requireMayMerge(ContactMerge.mayMerge(actor, contact));
		if (with == null) {
			return pages.candidates(contact,
					duplicates.contactsLike(actor, contact.getEmail(), contact.getFirstName(), contact.getLastName(),
							accountName(contact), id, 20),
					q, search -> contacts
						.list(actor, new ContactFilter(search, null, null, null), ContactService.SORTS.defaultSort(), 0,
							20)
						.items(),
					model);
		}
		return pages.form(contact, contacts.get(actor, with), null, model);
	}

	@PostMapping("/contacts/{id}/merge")
	String merge(@PathVariable UUID id, @RequestParam UUID mergedId, @RequestParam long version,
			@RequestParam long mergedVersion, @RequestParam Map<String, String> parameters, Model model,
			RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		return pages.submit(id, mergedId, parameters,
				choices -> merge.merge(actor, id, version, mergedId, mergedVersion, choices),
				record -> contacts.get(actor, record), model, redirect);
	}

	private static String accountName(Contact contact) {
		return contact.getAccount() == null ? null : contact.getAccount().getName();
	}
}
