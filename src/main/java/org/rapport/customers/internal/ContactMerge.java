package org.rapport.customers.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.ContactsMerged;
import org.rapport.customers.MergeCheck;
import org.rapport.customers.MergeEntry;
import org.rapport.customers.MergeFields;
import org.rapport.customers.MergeFields.Field;
import org.rapport.customers.MergeFields.Side;
import org.rapport.customers.MergeKind;
import org.rapport.customers.MergeLog;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges one contact into another: the survivor takes the chosen values (its account among them), what other
 * modules keep for the merged contact moves to it, and the merged contact goes.
 */
@Service
@Transactional(readOnly = true)
public class ContactMerge {

	/** The kind of record whose custom fields a merge chooses between. */
	static final String ENTITY = "contact";

	/** The standard fields a merge chooses between, in the order the merge page lists them. */
	public static final MergeFields<Contact> FIELDS = MergeFields.of(
			Field.text("firstName", "field.firstName", Contact::getFirstName),
			Field.text("lastName", "field.lastName", Contact::getLastName),
			Field.text("account", "field.account", c -> c.getAccount() == null ? null : c.getAccount().getName()),
			Field.text("title", "field.title", Contact::getTitle),
			Field.text("email", "field.email", Contact::getEmail),
			Field.text("phone", "field.phone", Contact::getPhone),
			Field.text("address", "field.address",
					c -> c.getAddress().isEmpty() ? null : c.getAddress().singleLine()),
			Field.text("doNotContact", "field.doNotContact", c -> c.isDoNotContact() ? Boolean.TRUE : null),
			Field.owner(Contact::getOwnerId));

	private final ContactService contactService;
	private final Contacts contacts;
	private final MergeLog log;
	private final CustomFields customFields;
	private final MergeCheck<Contact> check;
	private final ApplicationEventPublisher events;

	ContactMerge(ContactService contactService, Contacts contacts, MergeLog log, ApplicationEventPublisher events,
			CustomFields customFields) {
		this.contactService = contactService;
		this.contacts = contacts;
		this.log = log;
		this.events = events;
		this.customFields = customFields;
		this.check = new MergeCheck<>(Contact.class, "contact", contactService::get, ContactMerge::mayMerge);
	}

	/** The fields a merge of two contacts chooses between: the standard ones, then the active custom fields. */
	public MergeFields<Contact> fields() {
		return MergeFields.withCustomFields(FIELDS, customFields.active(ENTITY));
	}

	/**
	 * Merges {@code mergedId} into {@code survivorId} with the field choices; the same rules as for accounts:
	 * both visible (else not found), an administrator or the manager of their team (else not permitted), both
	 * versions current.
	 */
	@Transactional
	public Contact merge(Actor actor, UUID survivorId, long survivorVersion, UUID mergedId, long mergedVersion,
			Map<String, String> choices) {
		MergeCheck.Pair<Contact> pair = check.pair(actor, survivorId, survivorVersion, mergedId, mergedVersion);
		Contact survivor = pair.survivor();
		Contact merged = pair.merged();
		MergeFields<Contact> fields = fields();
		Map<String, Side> chosen = fields.choose(survivor, merged, choices);
		ContactDetails details = new ContactDetails(from(chosen, "firstName", survivor, merged).getFirstName(),
				from(chosen, "lastName", survivor, merged).getLastName(),
				from(chosen, "title", survivor, merged).getTitle(), from(chosen, "email", survivor, merged).getEmail(),
				from(chosen, "phone", survivor, merged).getPhone(),
				from(chosen, "address", survivor, merged).getAddress(),
				from(chosen, "doNotContact", survivor, merged).isDoNotContact());
		Account account = from(chosen, "account", survivor, merged).getAccount();
		Contact owner = from(chosen, "owner", survivor, merged);
		Map<String, String> mergedValues = MergeFields.withCustomFields(fields.values(merged), merged);
		String mergedName = merged.getFullName();

		// as with accounts: other modules move their references inside this transaction, before the removal
		events.publishEvent(new ContactsMerged(survivor.id(), merged.id()));
		survivor.revise(details, account, owner.owner(), owner.team());
		survivor.changeCustomFields(MergeFields.customFields(survivor, merged, chosen));
		// removed as a record of its own: no ContactDeleted, whose listeners would forget what is the survivor's now
		contacts.delete(merged);
		Contact saved = contacts.saveAndFlush(survivor);
		log.record(actor, MergeKind.CONTACT, survivorId, mergedId, mergedName, mergedValues,
				MergeFields.asText(chosen));
		return saved;
	}

	/** The merges into the contact, newest first; the contact must be visible. */
	public List<MergeEntry> mergesInto(Actor actor, UUID contact, int limit) {
		contactService.get(actor, contact);
		return log.mergesInto(contact, limit);
	}

	public static boolean mayMerge(Actor actor, Contact contact) {
		return actor.canMerge(contact.owner(), contact.team());
	}

	private static Contact from(Map<String, Side> chosen, String field, Contact survivor, Contact merged) {
		return MergeFields.pick(chosen, field, survivor, merged);
	}
}
