package org.rapport.sales.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.VisibleQuery;
import org.rapport.sales.ContractId;
import org.rapport.sales.ContractImports;
import org.rapport.sales.ContractValues;
import org.rapport.sales.ContractsImported;
import org.rapport.sales.contracts.internal.Contract;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.shared.BulkRows;
import org.rapport.shared.Money;
import org.rapport.shared.MatchBy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk path of contract imports: rows written many at once through {@link BulkRows} (new ones with COPY on
 * PostgreSQL) without a domain event per contract, one event per batch; numbers drawn from the sequence
 * {@link ContractBook} draws from.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class BulkContracts implements ContractImports {

	private static final String COLUMNS = "start_date, end_date, contract_value, currency, status, auto_renew, "
			+ "renewal_notice_days, description, external_id, owner_id, team_id, custom_fields";

	/** The types of the columns above, a letter each (see {@link BulkRows}). */
	private static final String TYPES = "ddnvvbivvuuj";

	private final EntityManager em;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;
	private final ContractBook book;
	private final BulkRows bulk;
	private final Clock clock;

	BulkContracts(EntityManager em, NamedParameterJdbcTemplate named,
			ApplicationEventPublisher events, ContractBook book, BulkRows bulk, Clock clock) {
		this.clock = clock;
		this.em = em;
		this.named = named;
		this.events = events;
		this.book = book;
		this.bulk = bulk;
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public LocalDate today() {
		return book.today();
	}

	@Override
	public List<ContractValues> findContracts(Actor actor, MatchBy key, Collection<String> values) {
		if (key != MatchBy.EXTERNAL_ID) {
			throw new IllegalArgumentException("Contracts match by external id only");
		}
		Set<String> keys = new HashSet<>();
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				keys.add(value.strip());
			}
		}
		if (keys.isEmpty()) {
			return List.of();
		}
		VisibleQuery visible = new VisibleQuery("Contract", "c", actor).where("c.externalId in :matchKeys",
				"matchKeys", keys);
		TypedQuery<Contract> query = em.createQuery("select c from Contract c" + visible.whereClause(),
				Contract.class);
		visible.parameters().forEach(query::setParameter);
		List<Contract> found = query.getResultList();
		found.forEach(em::detach);
		return found.stream().map(BulkContracts::values).toList();
	}

	@Override
	public Set<String> takenExternalIds(Collection<String> externalIds) {
		return bulk.existing("contract", "external_id", externalIds);
	}

	@Override
	public void insertContracts(Actor actor, List<ContractValues> contracts) {
		if (contracts.isEmpty()) {
			return;
		}
		Iterator<Long> numbers = bulk.nextValues(ContractBook.NUMBER_SEQUENCE, contracts.size()).iterator();
		bulk.insertRecords("contract", "number, account_id, " + COLUMNS, "vu" + TYPES, contracts,
				c -> BulkRows.row(new Object[] { ContractBook.number(numbers.next()), c.accountId() }, columns(c)),
				ContractValues::id, actor.id().value(), now());
		events.publishEvent(
				new ContractsImported(contracts.stream().map(c -> new ContractId(c.id())).toList(), List.of()));
	}

	@Override
	public Set<UUID> updateContracts(Actor actor, List<ContractValues> contracts) {
		if (contracts.isEmpty()) {
			return Set.of();
		}
		Set<UUID> written = bulk.updateRecords("contract", COLUMNS, TYPES, contracts, this::columns,
				ContractValues::id, ContractValues::version, actor.id().value(), now());
		events.publishEvent(new ContractsImported(List.of(), written.stream().map(ContractId::new).toList()));
		return written;
	}

	@Override
	public List<ContractValues> contracts(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Contract> found = em.createQuery("select c from Contract c where c.id in :ids", Contract.class)
			.setParameter("ids", ids)
			.getResultList();
		found.forEach(em::detach);
		return found.stream().map(BulkContracts::values).toList();
	}

	@Override
	public boolean anyRenewed(Collection<UUID> ids) {
		return !ids.isEmpty() && !named.queryForList(
				"select id from contract where renewed_from_id in (:ids) or (id in (:ids) and renewed_to_id is not null)",
				new MapSqlParameterSource("ids", ids), UUID.class).isEmpty();
	}

	@Override
	public void deleteContracts(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			named.update("delete from contract where id in (:ids)", new MapSqlParameterSource("ids", ids));
			events.publishEvent(
					new ContractsImported(List.of(), List.of(), ids.stream().map(ContractId::new).toList()));
		}
	}

	private static ContractValues values(Contract c) {
		return new ContractValues(c.getId(), c.getVersion(), c.getOwnerId(), c.getTeamId(), c.getExternalId(),
				c.getAccountId(), c.getNumber(), c.getStartDate(), c.getEndDate(), c.getValue().amount(),
				c.getValue().currency(), c.getStatus().name(), c.isAutoRenew(), c.getRenewalNoticeDays(),
				c.getDescription(), c.getCustomFields());
	}

	private Object[] columns(ContractValues c) {
		// the value rounded to its currency as the contract's page keeps it
		Money value = new Money(c.value(), c.currency());
		return new Object[] { c.startDate(), c.endDate(), value.amount(), value.currency(), c.status(), c.autoRenew(),
				c.renewalNoticeDays(), c.description(), c.externalId(), c.ownerId(), c.teamId(),
				bulk.json(c.customFields()) };
	}


	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
