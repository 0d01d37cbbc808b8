package org.rapport.customers;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.shared.MatchBy;

/**
 * Reads and writes accounts and contacts in bulk for an import: one query per batch for the lookups, batched
 * statements for the writes, and one {@link AccountsImported} or {@link ContactsImported} event per batch. Runs in
 * the caller's transaction.
 */
public interface CustomerImports {

	/**
	 * Visible accounts whose external id, e-mail or name (case-insensitively, except the external id) is one of
	 * the values.
	 */
	List<AccountValues> findAccounts(Actor actor, MatchBy key, Collection<String> values);

	/**
	 * Visible contacts whose external id, e-mail or last name (case-insensitively, except the external id) is one
	 * of the values.
	 */
	List<ContactValues> findContacts(Actor actor, MatchBy key, Collection<String> values);

	/** Which of these external ids some account already has, visible or not. */
	Set<String> takenAccountExternalIds(Collection<String> externalIds);

	/** Which of these external ids some contact already has, visible or not. */
	Set<String> takenContactExternalIds(Collection<String> externalIds);

	/** Stores new accounts (their ids given) with version 0, created by the actor. */
	void insertAccounts(Actor actor, List<AccountValues> accounts);

	/**
	 * Overwrites accounts whose version is still the one given, as the actor; returns the ids written (each now
	 * one version further), leaving out those changed meanwhile.
	 */
	Set<UUID> updateAccounts(Actor actor, List<AccountValues> accounts);

	/** Stores new contacts (their ids given) with version 0, created by the actor. */
	void insertContacts(Actor actor, List<ContactValues> contacts);

	/** Overwrites contacts whose version is still the one given; returns the ids written. */
	Set<UUID> updateContacts(Actor actor, List<ContactValues> contacts);

	/** The current values of these accounts, whoever may see them; for undoing an import. */
	List<AccountValues> accounts(Collection<UUID> ids);

	/** The current values of these contacts, whoever may see them; for undoing an import. */
	List<ContactValues> contacts(Collection<UUID> ids);

	/** Deletes these accounts, publishing {@link AccountDeleted} for each. */
	void deleteAccounts(Collection<UUID> ids);

	/** Deletes these contacts, publishing {@link ContactDeleted} for each. */
	void deleteContacts(Collection<UUID> ids);

	/** Counts of the records that point at these accounts (contacts), for refusing an unsafe undo. */
	Map<UUID, Long> contactsAt(Collection<UUID> accountIds);
}
