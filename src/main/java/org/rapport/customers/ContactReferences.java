package org.rapport.customers;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.Actor;

/**
 * Finds the contacts that records of other kinds name by reference, such as the contact a lead became, and says how
 * exports write them so that an import finds them again: by the contact's id in Rapport or its external id, as for
 * accounts ({@link AccountReferences}).
 */
public interface ContactReferences {

	/**
	 * The visible contacts that these cells name, by cell (without surrounding spaces): each cell is tried as a
	 * contact's id, then as its external id; cells that name none are left out. One look-up of each per call.
	 */
	Map<String, UUID> byReference(Actor actor, Collection<String> references);

	/**
	 * The cells an export writes for these contacts, whoever may see them, in one query: each one's external id, else
	 * its id. Contacts that do not exist are left out.
	 */
	Map<UUID, String> written(Collection<UUID> contacts);
}
