package org.rapport.customers.internal;

import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.rapport.customers.ContactDeleted;
import org.rapport.identity.Actor;
import org.rapport.customization.CustomFields;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.identity.VisibleQuery;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.shared.ExternalIds;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
import org.springframework.data.domain.Sort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists, opens, creates, changes and deletes contacts, always within what the acting user may see.
 */
@Service
@Transactional(readOnly = true)
public class ContactService {

	private static final String FETCH_ACCOUNT = "left join fetch c.account";

	private final Contacts contacts;
	private final AccountService accounts;
	private final UserDirectory directory;
	private final EntityManager em;
	private final ApplicationEventPublisher events;

	/** The name of contacts among the kinds of record that take custom fields. */
	public static final String ENTITY = "contact";

	private final CustomFields customFields;

	ContactService(Contacts contacts, AccountService accounts, UserDirectory directory, EntityManager em,
			ApplicationEventPublisher events, CustomFields customFields) {
		this.customFields = customFields;
		this.contacts = contacts;
		this.accounts = accounts;
		this.directory = directory;
		this.em = em;
		this.events = events;
	}

	/**
	 * The orders the contact list offers, each served by an index that starts with its paths (and, for a team's
	 * list, the team): last and first name, creation and last change, each ending in the id.
	 */
	public static final SortWhitelist SORTS = SortWhitelist
		.defaultingTo("name", Sort.Direction.ASC, "c.lastName", "c.firstName", "c.id")
		.with("createdAt", "c.createdAt", "c.id")
		.alias("created", "createdAt")
		.with("updatedAt", "c.updatedAt", "c.id")
		.alias("updated", "updatedAt");

	/** The orders of the contact list with these custom fields. */
	public static SortWhitelist sorts(CustomFieldQuery custom) {
		return custom.sortable(SORTS, "c");
	}

	public ResultPage<Contact> list(Actor actor, ContactFilter filter, Sort sort, int page, int size) {
		return list(actor, filter, sort, CustomFieldQuery.none(), page, size);
	}

	/** A page of the visible contacts that match the filter and the custom-field filters, in the chosen order. */
	public ResultPage<Contact> list(Actor actor, ContactFilter filter, Sort sort, CustomFieldQuery custom, int page,
			int size) {
		return custom.applyTo(query(actor, filter), "c")
			.page(em, Contact.class, FETCH_ACCOUNT, sorts(custom).orderBy(sort), page, size);
	}

	/** Hands every visible contact that matches to the action, in list order, for an export. */
	public void forEach(Actor actor, ContactFilter filter, Sort sort, CustomFieldQuery custom,
			Consumer<Contact> action) {
		custom.applyTo(query(actor, filter), "c")
			.forEach(em, Contact.class, FETCH_ACCOUNT, sorts(custom).orderBy(sort), action);
	}

	private VisibleQuery query(Actor actor, ContactFilter filter) {
		return new VisibleQuery("Contact", "c", actor).startingWith(filter.q(), "c.lastName", "c.firstName", "c.email")
			.where("c.ownerId = :owner", "owner", filter.owner())
			.where("c.teamId = :team", "team", filter.team())
			.where("c.account.id = :account", "account", filter.account());
	}

	/** The contact, if it exists and the actor may see it; otherwise it is not found. */
	public Contact get(Actor actor, UUID id) {
		return contacts.findWithAccount(id)
			.filter(contact -> actor.canSee(contact.owner(), contact.team()))
			.orElseThrow(() -> new RecordNotFound("contact.notFound", "No contact " + id, id));
	}

	@Transactional
	public Contact create(Actor actor, ContactDetails details, UUID account, UserId owner, TeamId team) {
		return create(actor, details, account, owner, team, null);
	}

	/** Creates a contact with custom field values, which their definitions check (defaults fill the rest). */
	@Transactional
	public Contact create(Actor actor, ContactDetails details, UUID account, UserId owner, TeamId team,
			Map<String, ?> custom) {
		return add(actor, details, account, owner, team, customFields.merge(ENTITY, Map.of(), custom, true), true);
	}

	/**
	 * Adds a contact that Rapport makes from another record (a converted lead's person) with the custom field values
	 * that record carries over; defaults fill the rest, and required fields are not enforced.
	 */
	@Transactional
	public Contact createCarrying(Actor actor, ContactDetails details, UUID account, UserId owner,
			Map<String, Object> carried) {
		return add(actor, details, account, owner, null, customFields.merge(ENTITY, carried, null, true), false);
	}

	/** Adds a contact; an owner and team chosen by the user go through the owner policy. */
	private Contact add(Actor actor, ContactDetails details, UUID account, UserId owner, TeamId team,
			Map<String, Object> values, boolean chosenByUser) {
		requireFreeExternalId(actor, details, null);
		UserId chosenOwner = owner == null ? actor.id() : owner;
		Contact contact = Contact.create(details, visibleAccount(actor, account), chosenOwner, chosenByUser
				? directory.assign(actor, chosenOwner, team, null, null) : directory.teamForOwner(chosenOwner, team));
		contact.changeCustomFields(values);
		return contacts.save(contact);
	}

	@Transactional
	public Contact update(Actor actor, UUID id, long expectedVersion, ContactDetails details, UUID account,
			UserId owner, TeamId team) {
		return update(actor, id, expectedVersion, details, account, owner, team, null);
	}

	/** Changes a contact; custom field values not given ({@code null} for none) stay as they are. */
	@Transactional
	public Contact update(Actor actor, UUID id, long expectedVersion, ContactDetails details, UUID account,
			UserId owner, TeamId team, Map<String, ?> custom) {
		Contact contact = get(actor, id);
		if (contact.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Contact.class, id);
		}
		requireFreeExternalId(actor, details, id);
		if (custom != null) {
			contact.changeCustomFields(customFields.merge(ENTITY, contact.getCustomFields(), custom, false));
		}
		UserId chosenOwner = owner == null ? contact.owner() : owner;
		TeamId chosenTeam = owner == null && team == null ? contact.team()
				: directory.assign(actor, chosenOwner, team, contact.owner(), contact.team());
		UserId ownerBefore = contact.owner();
		contact.revise(details, visibleAccount(actor, account), chosenOwner, chosenTeam);
		contact.announceOwner(org.rapport.customers.ContactId.TYPE, ownerBefore.value(), actor.id().value());
		return contacts.saveAndFlush(contact);
	}

	/** Refuses an external id that another contact holds, as imports refuse it. */
	private void requireFreeExternalId(Actor actor, ContactDetails details, UUID self) {
		ExternalIds.requireFree(details.externalId(), self, contacts::findByExternalId,
				other -> actor.canSee(other.owner(), other.team()));
	}

	@Transactional
	public void delete(Actor actor, UUID id) {
		Contact contact = get(actor, id);
		if (!actor.canManage(contact.owner(), contact.team())) {
			throw new NotPermitted("contact.delete.notPermitted",
					"Only the owner, a manager of its team or an administrator may delete this contact");
		}
		contacts.delete(contact);
		events.publishEvent(new ContactDeleted(contact.id(), contact.accountId()));
	}

	private Account visibleAccount(Actor actor, UUID account) {
		if (account == null) {
			return null;
		}
		try {
			return accounts.get(actor, account);
		}
		catch (RecordNotFound notVisible) {
			throw new InvalidField("accountId", "validation.account.unknown", "No account with this id");
		}
	}
}
