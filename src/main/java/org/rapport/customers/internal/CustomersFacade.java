package org.rapport.customers.internal;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountSummary;
import org.rapport.customers.ContactId;
import org.rapport.customers.ContactMatch;
import org.rapport.customers.ContactSummary;
import org.rapport.customers.Customers;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.LifecycleStatus;
import org.rapport.customers.NewAccount;
import org.rapport.customers.NewContact;
import org.rapport.identity.Actor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.shared.PostalAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CustomersFacade implements Customers {

	private final AccountService accounts;
	private final ContactService contacts;
	private final Accounts accountRows;
	private final EntityManager em;
	private final Lifecycle lifecycle;
	private final CustomerDuplicates duplicates;
	private final Contacts contactRows;

	CustomersFacade(AccountService accounts, ContactService contacts, Accounts accountRows, EntityManager em,
			Lifecycle lifecycle, CustomerDuplicates duplicates, Contacts contactRows) {
		this.contactRows = contactRows;
		this.duplicates = duplicates;
		this.accounts = accounts;
		this.contacts = contacts;
		this.accountRows = accountRows;
		this.em = em;
		this.lifecycle = lifecycle;
	}

	@Override
	public Optional<AccountSummary> findAccount(Actor actor, AccountId id) {
		// Looked up without AccountService.get, whose refusal would mark the caller's transaction for rollback.
		return accountRows.findById(id.value())
			.filter(account -> actor.canSee(account.owner(), account.team()))
			.map(CustomersFacade::summary);
	}

	@Override
	public Optional<ContactSummary> findContact(Actor actor, ContactId id) {
		return contactRows.findById(id.value())
			.filter(contact -> actor.canSee(new UserId(contact.getOwnerId()), team(contact.getTeamId())))
			.map(contact -> new ContactSummary(contact.id(), contact.accountId(), contact.getFullName(),
					new UserId(contact.getOwnerId()), team(contact.getTeamId()), contact.getEmail()));
	}

	@Override
	public List<ContactSummary> contactsOf(Actor actor, AccountId account, int limit) {
		return new org.rapport.identity.VisibleQuery("Contact", "c", actor)
			.where("c.accountKey = :account", "account", account.value())
			.list(em, Contact.class, null, "c.lastName, c.firstName, c.id", Math.max(1, Math.min(limit, 200)))
			.stream()
			.map(contact -> new ContactSummary(contact.id(), contact.accountId(), contact.getFullName(),
					new UserId(contact.getOwnerId()), team(contact.getTeamId()), contact.getEmail()))
			.toList();
	}

	@Override
	public Optional<AccountId> contactAccount(ContactId contact) {
		return contactRows.findById(contact.value()).map(Contact::accountId);
	}

	@Override
	public Map<ContactId, String> contactNames(Collection<ContactId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return contactRows.findAllById(ids.stream().map(ContactId::value).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Contact::id, Contact::getFullName));
	}

	private static TeamId team(UUID team) {
		return team == null ? null : new TeamId(team);
	}

	@Override
	public Map<AccountId, String> accountNames(Collection<AccountId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return accountRows.findAllById(ids.stream().map(AccountId::value).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Account::id, Account::getName));
	}

	@Override
	public List<AccountSummary> accountsNamed(Actor actor, String prefix, int limit) {
		return accounts.list(actor, new AccountFilter(prefix, null, null, null, null),
			AccountService.SORTS.defaultSort(), 0, limit)
			.items()
			.stream()
			.map(CustomersFacade::summary)
			.toList();
	}

	@Override
	public List<ContactMatch> possibleDuplicateContacts(Actor actor, String email, String company, String firstName,
			String lastName, int limit) {
		return duplicates.contactsLike(actor, email, firstName, lastName, company, null, limit)
			.stream()
			.map(contact -> new ContactMatch(contact.id(), contact.accountId(),
					contact.getAccount() == null ? null : contact.getAccount().getName(), contact.getFullName(),
					contact.getEmail()))
			.toList();
	}

	@Override
	@Transactional
	public AccountId openAccount(Actor actor, NewAccount account) {
		return accounts.createCarrying(actor, new AccountDetails(account.name(), account.type(), null,
				account.website(), account.phone(), account.email(), PostalAddress.EMPTY, LifecycleStage.PROSPECT,
				account.source(), null), account.owner(), account.customFields())
			.id();
	}

	@Override
	@Transactional
	public ContactId addContact(Actor actor, NewContact contact) {
		return contacts.createCarrying(actor, new ContactDetails(contact.firstName(), contact.lastName(),
				contact.title(), contact.email(), contact.phone(), PostalAddress.EMPTY, false),
				contact.account() == null ? null : contact.account().value(), contact.owner(), contact.customFields())
			.id();
	}

	@Override
	public Optional<LifecycleStatus> lifecycleOf(AccountId account) {
		return lifecycle.statusOf(account);
	}

	@Override
	public Map<AccountId, LifecycleStatus> lifecycleOf(Collection<AccountId> accounts) {
		return lifecycle.statusesOf(accounts);
	}

	@Override
	@Transactional
	public void moveLifecycle(AccountId account, LifecycleStage to, String reason) {
		lifecycle.move(account, to, reason);
	}

	@Override
	@Transactional
	public void moveLifecycle(AccountId account, LifecycleStage to, String reason, java.time.Instant tookEffect) {
		lifecycle.move(account, to, reason, tookEffect);
	}

	static AccountSummary summary(Account account) {
		return new AccountSummary(account.id(), account.getName(), account.owner(), account.team(),
				account.getLifecycleStage());
	}
}
