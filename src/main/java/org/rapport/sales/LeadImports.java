package org.rapport.sales;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.shared.MatchBy;

/**
 * Reads and writes leads in bulk for an import: one query per batch for the lookups, batched statements for the
 * writes, one {@link LeadsImported} event per batch. Runs in the caller's transaction. New leads start as new.
 */
public interface LeadImports {

	/** The ratings a lead may have. */
	List<String> ratings();

	/**
	 * Visible leads whose external id, e-mail or last name (case-insensitively, except the external id) is one of
	 * the values.
	 */
	List<LeadValues> findLeads(Actor actor, MatchBy key, Collection<String> values);

	/** Which of these external ids some lead already has, visible or not. */
	Set<String> takenExternalIds(Collection<String> externalIds);

	/** Stores new leads (their ids given) with version 0, created by the actor. */
	void insertLeads(Actor actor, List<LeadValues> leads);

	/** Overwrites leads whose version is still the one given; returns the ids written. */
	Set<UUID> updateLeads(Actor actor, List<LeadValues> leads);

	/** The current values of these leads, whoever may see them; for undoing an import. */
	List<LeadValues> leads(Collection<UUID> ids);

	/** Deletes these leads. */
	void deleteLeads(Collection<UUID> ids);
}
