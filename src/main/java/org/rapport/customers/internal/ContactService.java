package org.rapport.customers.internal;

import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.function.Consumer;
import org.rapport.customers.ContactDeleted;
import org.rapport.identity.Actor;
import org.rapport.identity.VisibleQuery;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.shared.InvalidField;
import org.rapport.shared.ResultPage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

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

	ContactService(Contacts contacts, AccountService accounts, UserDirectory directory, EntityManager em,
			ApplicationEventPublisher events) {
		this.contacts = contacts;
		this.accounts = accounts;
		this.directory = directory;
		this.em = em;
		this.events = events;
	}

	public ResultPage<Contact> list(Actor actor, ContactFilter filter, ListSort.Sorting sorting, int page, int size) {
		return query(actor, filter).page(em, Contact.class, FETCH_ACCOUNT, orderBy(sorting), page, size);
	}

	/** Hands every visible contact that matches to the action, in list order, for an export. */
	public void forEach(Actor actor, ContactFilter filter, ListSort.Sorting sorting, Consumer<Contact> action) {
		query(actor, filter).forEach(em, Contact.class, FETCH_ACCOUNT, orderBy(sorting), action);
	}

	private VisibleQuery query(Actor actor, ContactFilter filter) {
		return new VisibleQuery("Contact", "c", actor).startingWith(filter.q(), "c.lastName", "c.firstName", "c.email")
			.where("c.ownerId = :owner", "owner", filter.owner())
			.where("c.teamId = :team", "team", filter.team())
			.where("c.account.id = :account", "account", filter.account());
	}

	private static String orderBy(ListSort.Sorting sorting) {
		String direction = sorting.direction();
		return switch (sorting.field()) {
			case NAME -> "c.lastName " + direction + ", c.firstName " + direction + ", c.id " + direction;
			case CREATED -> "c.createdAt " + direction + ", c.id " + direction;
			case UPDATED -> "c.updatedAt " + direction + ", c.id " + direction;
		};
	}

	/** The contact, if it exists and the actor may see it; otherwise 404. */
	public Contact get(Actor actor, UUID id) {
		return contacts.findWithAccount(id)
			.filter(contact -> actor.canSee(contact.owner(), contact.team()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No contact " + id));
	}

	@Transactional
	public Contact create(Actor actor, ContactDetails details, UUID account, UserId owner, TeamId team) {
		UserId chosenOwner = owner == null ? actor.id() : owner;
		return contacts.save(Contact.create(details, visibleAccount(actor, account), chosenOwner,
				directory.teamForOwner(chosenOwner, team)));
	}

	@Transactional
	public Contact update(Actor actor, UUID id, long expectedVersion, ContactDetails details, UUID account,
			UserId owner, TeamId team) {
		Contact contact = get(actor, id);
		if (contact.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Contact.class, id);
		}
		UserId chosenOwner = owner == null ? contact.owner() : owner;
		TeamId chosenTeam = owner == null && team == null ? contact.team() : directory.teamForOwner(chosenOwner, team);
		contact.revise(details, visibleAccount(actor, account), chosenOwner, chosenTeam);
		return contacts.saveAndFlush(contact);
	}

	@Transactional
	public void delete(Actor actor, UUID id) {
		Contact contact = get(actor, id);
		if (!actor.canManage(contact.owner(), contact.team())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
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
		catch (ResponseStatusException notVisible) {
			throw new InvalidField("accountId", "validation.account.unknown", "No account with this id");
		}
	}
}
