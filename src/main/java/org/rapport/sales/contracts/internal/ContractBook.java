package org.rapport.sales.contracts.internal;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.identity.VisibleQuery;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.opportunities.internal.OpportunityRows;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
import org.rapport.shared.ExternalIds;
import org.springframework.data.domain.Sort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lists, opens, agrees, renews and ends contracts within what the acting user may see, and moves their status by
 * the calendar.
 */
@Service
@Transactional(readOnly = true)
public class ContractBook {

	private static final Logger log = LoggerFactory.getLogger(ContractBook.class);

	/** The name of contracts among the kinds of record that take custom fields. */
	public static final String ENTITY = "contract";

	/** The longest "ending within", in days: past it every running contract ends within, as 200 years cover. */
	static final int MAX_ENDING_WITHIN = 200 * 366;

	/** How many contracts the calendar moves in one transaction. */
	static final int CALENDAR_BATCH = 200;

	private final Contracts contracts;
	private final Customers customers;
	private final EntityManager em;
	private final Clock clock;
	private final CustomFields customFields;
	private final TransactionTemplate transactions;
	private final OpportunityRows opportunities;

	ContractBook(Contracts contracts, Customers customers, EntityManager em,
			Clock clock, CustomFields customFields,
			PlatformTransactionManager transactionManager, OpportunityRows opportunities) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.opportunities = opportunities;
		this.contracts = contracts;
		this.customers = customers;
		this.em = em;
		this.clock = clock;
		this.customFields = customFields;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * The orders the contract list offers: by end date, ending in the id, or by number, which is unique; an index
	 * starts with each.
	 */
	public static final SortWhitelist SORTS = SortWhitelist
		.defaultingTo("endDate", Sort.Direction.ASC, "c.endDate", "c.id")
		.with("number", "c.number");

	/** The orders of the list with these custom fields. */
	public static SortWhitelist sorts(CustomFieldQuery custom) {
		return custom.sortable(SORTS, "c");
	}

	public ResultPage<Contract> list(Actor actor, ContractFilter filter, Sort sort, int page, int size) {
		return list(actor, filter, sort, CustomFieldQuery.none(), page, size);
	}

	/** A page of the visible contracts that match the filter and the custom-field filters, in the chosen order. */
	public ResultPage<Contract> list(Actor actor, ContractFilter filter, Sort sort, CustomFieldQuery custom,
			int page, int size) {
		return custom.applyTo(query(actor, filter), "c")
			.page(em, Contract.class, null, sorts(custom).orderBy(sort), page, size);
	}

	/** Hands every visible contract that matches to the action, in list order, for an export. */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public void forEach(Actor actor, ContractFilter filter, Sort sort, CustomFieldQuery custom,
			java.util.function.Consumer<Contract> action) {
		custom.applyTo(query(actor, filter), "c")
			.forEach(em, Contract.class, null, sorts(custom).orderBy(sort), action);
	}

	private VisibleQuery query(Actor actor, ContractFilter filter) {
		LocalDate today = today();
		ContractStatus status = filter.status();
		LocalDate endsBy = null;
		LocalDate endsFrom = null;
		if (filter.endingWithin() != null) {
			endsFrom = today;
			// beyond the last date a contract may end, "ending within" no longer narrows: and the database has an end
			endsBy = today.plusDays(Math.max(0, Math.min(filter.endingWithin(), MAX_ENDING_WITHIN)));
			status = status == null ? ContractStatus.ACTIVE : status;
		}
		VisibleQuery query = new VisibleQuery("Contract", "c", actor)
			.where("c.accountId = :account", "account", filter.account())
			.where("c.status = :status", "status", status)
			.where("c.endDate >= :endsFrom", "endsFrom", endsFrom)
			.where("c.endDate <= :endsBy", "endsBy", endsBy);
		return query;
	}

	/** The contract, if it exists and the actor may see it; otherwise it is not found. */
	public Contract get(Actor actor, UUID id) {
		return contracts.findById(id)
			.filter(contract -> actor.canSee(new UserId(contract.getOwnerId()), team(contract.getTeamId())))
			.orElseThrow(() -> new RecordNotFound("contract.notFound", "No contract " + id, id));
	}

	@Transactional
	public Contract create(Actor actor, ContractDetails details) {
		return create(actor, details, null);
	}

	/** Makes a contract with custom field values, which their definitions check (defaults fill the rest). */
	@Transactional
	public Contract create(Actor actor, ContractDetails details, Map<String, ?> custom) {
		AccountId account = visibleAccount(actor, details.accountId());
		Contract.Terms terms = terms(details);
		String serviceLevel = Contract.serviceLevel(details.serviceLevel());
		OpportunityId opportunity = visibleOpportunity(actor, details.opportunityId(), account);
		requireFreeExternalId(actor, details, null);
		Contract contract = Contract.agree(nextNumber(), account, opportunity, terms, actor.id(), actor.team(),
				today());
		contract.identify(details.externalId());
		contract.promise(serviceLevel);
		contract.changeCustomFields(customFields.merge(ENTITY, Map.of(), custom, true));
		return contracts.saveAndFlush(contract);
	}

	@Transactional
	public Contract update(Actor actor, UUID id, long expectedVersion, ContractDetails details) {
		return update(actor, id, expectedVersion, details, null);
	}

	/** Changes a contract's terms; custom field values not given ({@code null} for none) stay as they are. */
	@Transactional
	public Contract update(Actor actor, UUID id, long expectedVersion, ContractDetails details,
			Map<String, ?> custom) {
		Contract contract = current(actor, id, expectedVersion);
		if (details.accountId() != null && !details.accountId().equals(contract.getAccountId())) {
			throw new InvalidField("accountId", "validation.contract.account.fixed",
					"A contract stays with the account it was made with");
		}
		Contract.Terms terms = terms(details);
		String serviceLevel = Contract.serviceLevel(details.serviceLevel());
		requireFreeExternalId(actor, details, id);
		contract.revise(terms, today());
		contract.identify(details.externalId());
		contract.promise(serviceLevel);
		if (custom != null) {
			contract.changeCustomFields(customFields.merge(ENTITY, contract.getCustomFields(), custom, false));
		}
		return contracts.saveAndFlush(contract);
	}

	/** Refuses an external id that another contract holds, as imports refuse it. */
	private void requireFreeExternalId(Actor actor, ContractDetails details, UUID self) {
		ExternalIds.requireFree(details.externalId(), self, contracts::findByExternalId,
				other -> actor.canSee(new UserId(other.getOwnerId()), team(other.getTeamId())));
	}

	/** Renews a running or expired contract: answers the contract of the next period. */
	@Transactional
	public Contract renew(Actor actor, UUID id, long expectedVersion) {
		Contract contract = current(actor, id, expectedVersion);
		Contract next = contract.renew(nextNumber(), today());
		contracts.save(next);
		contracts.saveAndFlush(contract);
		return next;
	}

	@Transactional
	public Contract terminate(Actor actor, UUID id, long expectedVersion) {
		Contract contract = current(actor, id, expectedVersion);
		contract.terminate();
		return contracts.saveAndFlush(contract);
	}

	/**
	 * Moves every contract the calendar reaches on the day: drafts start, running ones expire, or renew when they
	 * renew automatically. The contracts move in batches that commit each, so that a long run keeps no locks for
	 * long; a contract that cannot move is logged and skipped, and the others move. Answers how many moved.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public int followCalendar(LocalDate today) {
		List<UUID> due = contracts.dueOn(today);
		int moved = 0;
		int skipped = 0;
		for (int from = 0; from < due.size(); from += CALENDAR_BATCH) {
			List<UUID> batch = due.subList(from, Math.min(due.size(), from + CALENDAR_BATCH));
			try {
				moved += transactions.execute(status -> follow(batch, today));
			}
			catch (RuntimeException batchFailed) {
				// one contract spoilt the batch: each of them again on its own, so that only the bad one stays behind
				for (UUID id : batch) {
					try {
						moved += transactions.execute(status -> follow(List.of(id), today));
					}
					catch (RuntimeException failed) {
						skipped++;
						log.warn("Contract {} not moved by the calendar of {}: {}", id, today, failed.toString());
					}
				}
			}
		}
		log.info("Contract calendar for {}: {} contracts moved, {} skipped", today, moved, skipped);
		return moved;
	}

	private int follow(List<UUID> ids, LocalDate today) {
		int moved = 0;
		for (UUID id : ids) {
			Contract contract = contracts.findById(id).orElse(null);
			if (contract == null) {
				continue;
			}
			if (contract.isDueForRenewal(today)) {
				Contract next = contract.renew(nextNumber(), today);
				contracts.save(next);
				moved++;
			}
			else if (contract.followCalendar(today)) {
				moved++;
			}
			contracts.save(contract);
		}
		contracts.flush();
		return moved;
	}

	/**
	 * The latest contracts of an account that the actor may see, latest end first: the visibility rule is part of
	 * the query, so that hidden contracts do not shorten the page.
	 */
	public List<Contract> contractsOf(Actor actor, AccountId account, int limit) {
		return query(actor, new ContractFilter(account.value(), null, null))
			.page(em, Contract.class, null, "c.endDate desc, c.id desc", 0, limit)
			.items();
	}

	/** The value of an account's running contracts, per currency. */
	public List<Money> activeValueOf(AccountId account) {
		return contracts.activeValueOf(account.value())
			.stream()
			.map(row -> new Money((BigDecimal) row[1], (String) row[0]))
			.toList();
	}

	private Contract current(Actor actor, UUID id, long expectedVersion) {
		Contract contract = get(actor, id);
		if (contract.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Contract.class, id);
		}
		return contract;
	}

	private static Contract.Terms terms(ContractDetails details) {
		if (details.startDate() == null) {
			throw new InvalidField("startDate", "validation.required", "A contract needs a start date");
		}
		if (details.endDate() == null || details.endDate().isBefore(details.startDate())) {
			throw new InvalidField("endDate", "validation.contract.end", "A contract ends on or after its start");
		}
		if (!Money.isCurrency(details.currency())) {
			throw new InvalidField("currency", "validation.currency", "Not an ISO 4217 currency code");
		}
		if (details.value() == null || details.value().signum() < 0) {
			throw new InvalidField("value", "validation.price", "A contract value cannot be negative");
		}
		return new Contract.Terms(details.startDate(), details.endDate(),
				new Money(details.value(), details.currency().strip().toUpperCase(Locale.ROOT)), details.autoRenew(),
				details.renewalNoticeDays(), details.description());
	}

	private AccountId visibleAccount(Actor actor, UUID accountId) {
		if (accountId == null) {
			throw new InvalidField("accountId", "validation.account.unknown", "A contract needs an account");
		}
		return customers.findAccount(actor, new AccountId(accountId))
			.orElseThrow(() -> new InvalidField("accountId", "validation.account.unknown",
					"No account you can see with this id"))
			.id();
	}

	/** The opportunity a contract is made from: one of the contract's account that the actor may see. */
	private OpportunityId visibleOpportunity(Actor actor, UUID opportunityId, AccountId account) {
		if (opportunityId == null) {
			return null;
		}
		return opportunities.findById(opportunityId)
			.filter(o -> actor.canSee(o.owner(), o.team()))
			.filter(o -> o.account().equals(account))
			.map(o -> new OpportunityId(o.getId()))
			.orElseThrow(() -> new InvalidField("opportunityId", "validation.opportunity.unknown",
					"No opportunity of this account that you can see"));
	}

	/** The next contract number, such as CTR-000042. */
	private String nextNumber() {
		Number next = (Number) em.createNativeQuery(NEXT_NUMBER).getSingleResult();
		return number(next.longValue());
	}

	/** Draws the next contract number; bulk writers draw theirs from the same sequence. */
	public static final String NUMBER_SEQUENCE = "contract_number_seq";

	static final String NEXT_NUMBER = "select nextval('" + NUMBER_SEQUENCE + "')";

	/** The number of the contract that drew this value of the sequence. */
	public static String number(long next) {
		return "CTR-%06d".formatted(next);
	}

	private static TeamId team(UUID team) {
		return team == null ? null : new TeamId(team);
	}
}
