package org.rapport.integration.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.sales.ContractImports;
import org.rapport.sales.ContractValues;
import org.rapport.shared.MatchBy;
import org.springframework.stereotype.Component;

/**
 * Imports contracts; they match by external id only. A new one is a draft unless the row says it is active, in euros
 * unless it gives a currency; its status then follows the calendar as a contract made in Rapport does (a draft
 * whose start has come runs, a running one whose end has passed expires). Rapport numbers new contracts.
 */
@Component
class ContractWriter extends RowWriter<ContractValues> {

	static final String DRAFT = "DRAFT";

	static final String ACTIVE = "ACTIVE";

	static final String EXPIRED = "EXPIRED";

	private final ContractImports contracts;

	ContractWriter(ContractImports contracts) {
		this.contracts = contracts;
	}

	@Override
	ImportEntity entity() {
		return ImportEntity.CONTRACTS;
	}

	@Override
	Class<ContractValues> type() {
		return ContractValues.class;
	}

	@Override
	List<ContractValues> find(Actor actor, MatchBy key, Collection<String> values) {
		return contracts.findContracts(actor, key, values);
	}

	@Override
	String lookupValue(MatchBy key, Map<String, Object> values) {
		return key == MatchBy.EXTERNAL_ID ? (String) values.get("externalId") : null;
	}

	@Override
	String key(MatchBy key, Map<String, Object> values) {
		return lookupValue(key, values);
	}

	@Override
	String key(MatchBy key, ContractValues c) {
		return key == MatchBy.EXTERNAL_ID ? c.externalId() : null;
	}

	/** Like the contract form, an import changes only drafts and running contracts. */
	@Override
	String refusesUpdate(ContractValues existing) {
		return DRAFT.equals(existing.status()) || ACTIVE.equals(existing.status()) ? null : "import.error.contractEnded";
	}

	@Override
	ContractValues create(UUID id, Map<String, Object> v) {
		return merge(new ContractValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null, null, null,
				null, BigDecimal.ZERO, ProductWriter.DEFAULT_CURRENCY, DRAFT, false, 0, null, Map.of()), v);
	}

	@Override
	ContractValues merge(ContractValues c, Map<String, Object> v) {
		boolean newOwner = v.containsKey("owner");
		LocalDate start = (LocalDate) pick(v, "startDate", c.startDate());
		LocalDate end = (LocalDate) pick(v, "endDate", c.endDate());
		String status = c.status();
		if (DRAFT.equals(status) || ACTIVE.equals(status)) {
			status = calendar(pick(v, "status", status), start, end, contracts.today());
		}
		return new ContractValues(c.id(), c.version(), newOwner ? (UUID) v.get("ownerId") : c.ownerId(),
				newOwner ? (UUID) v.get("teamId") : c.teamId(), pick(v, "externalId", c.externalId()),
				pick(v, "accountId", c.accountId()), c.number(), start, end, pick(v, "value", c.value()),
				pick(v, "currency", c.currency()), status, pick(v, "autoRenew", c.autoRenew()),
				pick(v, "renewalNoticeDays", c.renewalNoticeDays()), pick(v, "description", c.description()),
				pick(v, "customFields", c.customFields()));
	}

	/** The status a draft or running contract has on {@code today}, as {@code Contract.followCalendar} gives it. */
	static String calendar(String status, LocalDate start, LocalDate end, LocalDate today) {
		if (DRAFT.equals(status) && start != null && !today.isBefore(start)) {
			status = ACTIVE;
		}
		if (ACTIVE.equals(status) && end != null && today.isAfter(end)) {
			status = EXPIRED;
		}
		return status;
	}

	@Override
	Map<String, Object> customFields(ContractValues record) {
		return record.customFields();
	}

	@Override
	UUID id(ContractValues record) {
		return record.id();
	}

	@Override
	long version(ContractValues record) {
		return record.version();
	}

	@Override
	String externalId(ContractValues record) {
		return record.externalId();
	}

	@Override
	ContractValues withVersion(ContractValues c, long version) {
		return new ContractValues(c.id(), version, c.ownerId(), c.teamId(), c.externalId(), c.accountId(), c.number(),
				c.startDate(), c.endDate(), c.value(), c.currency(), c.status(), c.autoRenew(), c.renewalNoticeDays(),
				c.description(), c.customFields());
	}

	@Override
	Set<String> takenExternalIds(Collection<String> externalIds) {
		return contracts.takenExternalIds(externalIds);
	}

	@Override
	void insert(Actor actor, List<ContractValues> records) {
		contracts.insertContracts(actor, records);
	}

	@Override
	Set<UUID> update(Actor actor, List<ContractValues> records) {
		return contracts.updateContracts(actor, records);
	}

	@Override
	List<ContractValues> current(Collection<UUID> ids) {
		return contracts.contracts(ids);
	}

	@Override
	String refuseDeleting(Collection<UUID> ids) {
		return contracts.anyRenewed(ids) ? "import.undo.contractRenewed" : null;
	}

	@Override
	void delete(Collection<UUID> ids) {
		contracts.deleteContracts(ids);
	}
}
