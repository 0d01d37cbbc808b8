package org.rapport.customers;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.identity.Actor;

/**
 * What other modules may ask of accounts and contacts, always within what the acting user may see.
 */
public interface Customers {

	/** The account, if it exists and the actor may see it. */
	Optional<AccountSummary> findAccount(Actor actor, AccountId id);

	/** Names of the given accounts, in one query, whoever may see them; for labels beside records already shown. */
	Map<AccountId, String> accountNames(Collection<AccountId> ids);

	/** The contact, if it exists and the actor may see it. */
	Optional<ContactSummary> findContact(Actor actor, ContactId id);

	/** The contacts of the account that the actor may see, by name, at most {@code limit} of them. */
	List<ContactSummary> contactsOf(Actor actor, AccountId account, int limit);

	/** The account of the contact, whoever may see it; empty for an unknown contact or one of no account. */
	Optional<AccountId> contactAccount(ContactId contact);

	/** Names of the given contacts, in one query, whoever may see them; for labels beside records already shown. */
	Map<ContactId, String> contactNames(Collection<ContactId> ids);

	/** Visible accounts whose name starts with the text, by name. */
	List<AccountSummary> accountsNamed(Actor actor, String prefix, int limit);

	/** Opens an account for the actor. */
	AccountId openAccount(Actor actor, NewAccount account);

	/**
	 * Visible contacts that may be the same person: the same e-mail, or the same first and last name at an account
	 * of the given company name, all compared case-insensitively; blank values match nothing.
	 */
	List<ContactMatch> possibleDuplicateContacts(Actor actor, String email, String company, String firstName,
			String lastName, int limit);

	/** Adds a contact for the actor; the account, if any, must be visible to them. */
	ContactId addContact(Actor actor, NewContact contact);

	/** The account's lifecycle stage and since when it holds, whoever asks; for rules that move it. */
	Optional<LifecycleStatus> lifecycleOf(AccountId account);

	/** The lifecycle stages of these accounts and since when they hold them, in one query; unknown ones left out. */
	Map<AccountId, LifecycleStatus> lifecycleOf(Collection<AccountId> accounts);

	/**
	 * Moves the account to another lifecycle stage, records the change with its reason (a message key or a
	 * person's words) and publishes {@link LifecycleStageChanged}; a move to the stage it holds changes nothing,
	 * and one that races another change of the account fails with an optimistic locking failure, to be decided
	 * again by the caller.
	 */
	void moveLifecycle(AccountId account, LifecycleStage to, String reason);

	/**
	 * Moves the account as {@link #moveLifecycle(AccountId, LifecycleStage, String)} does, recording the move at the
	 * earlier time it took effect (a rule that finds an account lost since some days, say); a time after now is
	 * recorded as now.
	 */
	void moveLifecycle(AccountId account, LifecycleStage to, String reason, java.time.Instant tookEffect);
}
