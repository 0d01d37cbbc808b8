package org.rapport.sales;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.shared.MatchBy;

/**
 * Reads and writes contracts in bulk for an import: one query per batch for the lookups, batched statements for the
 * writes, one {@link ContractsImported} event per batch. Runs in the caller's transaction. New contracts take their
 * numbers from the same sequence as those made one by one. No per-record events: an imported contract announces no
 * activation.
 */
public interface ContractImports {

	/** The day contracts' statuses follow. */
	LocalDate today();

	/** Visible contracts whose external id is one of the values; contracts match by nothing else. */
	List<ContractValues> findContracts(Actor actor, MatchBy key, Collection<String> values);

	/** Which of these external ids some contract already has, visible or not. */
	Set<String> takenExternalIds(Collection<String> externalIds);

	/** Stores new contracts (their ids given, their numbers drawn now) with version 0. */
	void insertContracts(Actor actor, List<ContractValues> contracts);

	/** Overwrites contracts whose version is still the one given. Returns the ids written. */
	Set<UUID> updateContracts(Actor actor, List<ContractValues> contracts);

	/** The current values of these contracts, whoever may see them; for undoing an import. */
	List<ContractValues> contracts(Collection<UUID> ids);

	/** Whether one of these contracts was renewed, which makes the contract of its next period. */
	boolean anyRenewed(Collection<UUID> ids);

	/** Deletes these contracts. */
	void deleteContracts(Collection<UUID> ids);
}
