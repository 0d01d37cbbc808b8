package org.rapport.sales.lifecycle.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.customers.LifecycleStatus;
import org.rapport.sales.ContractActivated;
import org.rapport.sales.ContractsImported;
import org.rapport.sales.OpportunitiesImported;
import org.rapport.sales.OpportunityWon;
import org.rapport.sales.OrderPlaced;
import org.rapport.sales.OrdersImported;
import org.rapport.sales.StageKind;
import org.rapport.sales.contracts.internal.Contract;
import org.rapport.sales.contracts.internal.ContractStatus;
import org.rapport.sales.contracts.internal.Contracts;
import org.rapport.sales.orders.internal.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each account's lifecycle stage in step with what it bought: on every purchase as it happens, and every
 * night for the moves that time makes. A purchase is a deal: a won opportunity together with the order and
 * contract made from it counts once.
 */
@Service
@EnableConfigurationProperties(LifecycleProperties.class)
public class CustomerLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CustomerLifecycle.class);

	/** How many accounts are followed together. */
	private static final int CHUNK = 1000;

	/** How often a move that lost a race with another change of the account is decided and tried again. */
	private static final int ATTEMPTS = 3;

	private final Customers customers;
	private final Contracts contracts;
	private final EntityManager em;
	private final LifecycleProperties properties;
	private final Clock clock;

	/** A transaction of its own for each account's move, so that one that loses a race can be tried again. */
	private final TransactionTemplate ownTransaction;

	CustomerLifecycle(Customers customers, Contracts contracts, EntityManager em, LifecycleProperties properties,
			Clock clock, PlatformTransactionManager transactions) {
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.customers = customers;
		this.contracts = contracts;
		this.em = em;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(OrderPlaced placed) {
		followRetrying(placed.account(), LocalDate.now(clock), Map.of());
	}

	@ApplicationModuleListener
	void on(ContractActivated activated) {
		followRetrying(activated.account(), LocalDate.now(clock), Map.of());
	}

	@ApplicationModuleListener
	void on(OpportunityWon won) {
		LocalDate day = won.closeDate() == null ? LocalDate.now(clock) : won.closeDate();
		followRetrying(won.account(), LocalDate.now(clock), Map.of("opportunity:" + won.opportunity(), day));
	}

	/**
	 * An import writes orders, contracts and opportunities in batches, without an event per purchase: the accounts of
	 * the batch's confirmed or fulfilled orders, started contracts and won opportunities follow them as they would
	 * follow a purchase made in the pages.
	 */
	@ApplicationModuleListener
	void on(OrdersImported batch) {
		followAccounts(em.createQuery("select distinct o.accountId from SalesOrder o where o.id in :ids "
				+ "and o.status in :bought", UUID.class)
			.setParameter("bought", List.of(OrderStatus.CONFIRMED, OrderStatus.FULFILLED)), batch.writtenIds());
	}

	@ApplicationModuleListener
	void on(ContractsImported batch) {
		followAccounts(em.createQuery("select distinct c.accountId from Contract c where c.id in :ids "
				+ "and c.status <> :draft", UUID.class)
			.setParameter("draft", ContractStatus.DRAFT), batch.writtenIds());
	}

	@ApplicationModuleListener
	void on(OpportunitiesImported batch) {
		followAccounts(em.createQuery("select distinct o.accountId from Opportunity o where o.id in :ids "
				+ "and o.stageKind = :won", UUID.class)
			.setParameter("won", StageKind.WON), batch.writtenIds());
	}

	private void followAccounts(TypedQuery<UUID> accounts, List<UUID> ids) {
		if (!ids.isEmpty()) {
			followMany(accounts.setParameter("ids", ids).getResultList(), LocalDate.now(clock));
		}
	}

	/** Moves the account to the stage its purchases give on the day, if that differs; answers whether it moved. */
	@Transactional
	public boolean follow(AccountId account, LocalDate today) {
		return followRetrying(account, today, Map.of());
	}

	/** The nightly pass over every account that ever bought; answers how many moved. */
	public int followAll(LocalDate today) {
		int moved = followMany(buyers(), today);
		log.info("Customer lifecycle for {}: {} accounts moved", today, moved);
		return moved;
	}

	/**
	 * Follows the account in a transaction of its own; a move that loses a race with another change of the account
	 * (a person's edit, say) fails on the account's version without failing that change, and is decided again from
	 * what the account holds then, so that it is neither lost nor applied over a stage it was not decided from.
	 */
	private boolean followRetrying(AccountId account, LocalDate today, Map<String, LocalDate> announced) {
		for (int attempt = 1;; attempt++) {
			try {
				return Boolean.TRUE.equals(ownTransaction.execute(tx -> follow(account, today, announced)));
			}
			catch (OptimisticLockingFailureException raced) {
				if (attempt == ATTEMPTS) {
					throw raced;
				}
				log.debug("Lifecycle of account {} changed meanwhile, deciding again", account.value());
			}
		}
	}

	private boolean follow(AccountId account, LocalDate today, Map<String, LocalDate> announced) {
		LifecycleStatus status = customers.lifecycleOf(account).orElse(null);
		if (status == null) {
			return false;
		}
		Purchases bought = new Purchases();
		bought.dates.putAll(announced);
		collect(List.of(account.value()), Map.of(account.value(), bought));
		return move(status, bought, today);
	}

	/**
	 * Follows many accounts, a thousand at a time: their stages and purchases in four queries per thousand, then a
	 * move for each account whose stage changes. Answers how many moved.
	 */
	private int followMany(Collection<UUID> accounts, LocalDate today) {
		int moved = 0;
		List<UUID> all = new ArrayList<>(accounts);
		for (int from = 0; from < all.size(); from += CHUNK) {
			List<UUID> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			Map<AccountId, LifecycleStatus> statuses = customers
				.lifecycleOf(chunk.stream().map(AccountId::new).toList());
			Map<UUID, Purchases> purchases = new HashMap<>();
			chunk.forEach(account -> purchases.put(account, new Purchases()));
			collect(chunk, purchases);
			for (UUID account : chunk) {
				LifecycleStatus status = statuses.get(new AccountId(account));
				if (status == null) {
					continue;
				}
				Purchases bought = purchases.get(account);
				try {
					boolean done;
					try {
						done = Boolean.TRUE.equals(ownTransaction.execute(tx -> move(status, bought, today)));
					}
					catch (OptimisticLockingFailureException raced) {
						// the account changed since the chunk was read: decide again from what it holds now
						done = followRetrying(status.account(), today, Map.of());
					}
					if (done) {
						moved++;
					}
				}
				catch (RuntimeException failed) {
					log.warn("Lifecycle of account {} not followed: {}", account, failed.toString());
				}
			}
		}
		return moved;
	}

	private boolean move(LifecycleStatus status, Purchases bought, LocalDate today) {
		LocalDate since = status.since() == null ? null : status.since().atZone(ZoneOffset.UTC).toLocalDate();
		LifecycleRules.Decision decision = properties.rules()
			.decide(bought.dates.values(), bought.periods, status.stage(), since, today);
		if (!decision.moves()) {
			return false;
		}
		LocalDate lostSince = LifecycleRules.NO_PURCHASE.equals(decision.reason())
				? properties.rules().lostSince(bought.dates.values(), bought.periods, today) : today;
		if (lostSince.isBefore(today)) {
			// a pass that finds the account lost since some days (after a pause, an import or on first start) dates
			// the move on the day it took effect, never before the account's previous move
			java.time.Instant tookEffect = lostSince.atStartOfDay(ZoneOffset.UTC).toInstant();
			if (status.since() != null && tookEffect.isBefore(status.since())) {
				tookEffect = status.since();
			}
			customers.moveLifecycle(status.account(), decision.stage(), decision.reason(), tookEffect);
			return true;
		}
		customers.moveLifecycle(status.account(), decision.stage(), decision.reason());
		return true;
	}

	/**
	 * What an account bought: a day per deal (keyed so that a won opportunity and the order and contract made from it
	 * count once), and the periods of its contracts.
	 */
	private static final class Purchases {

		final Map<String, LocalDate> dates = new HashMap<>();
		final List<LifecycleRules.Period> periods = new ArrayList<>();
	}

	private void collect(List<UUID> accounts, Map<UUID, Purchases> purchases) {
		for (Object[] row : em.createQuery("select o.accountId, o.id, o.closeDate from Opportunity o "
				+ "where o.accountId in :accounts and o.stageKind = :won", Object[].class)
			.setParameter("accounts", accounts)
			.setParameter("won", StageKind.WON)
			.getResultList()) {
			// the same key as the order made from it, which is the same deal
			add(purchases.get((UUID) row[0]).dates, "opportunity:" + row[1], (LocalDate) row[2]);
		}
		for (Object[] row : em.createQuery("select o.accountId, o.id, o.opportunityId, o.orderDate from SalesOrder o "
				+ "where o.accountId in :accounts and o.status in :bought", Object[].class)
			.setParameter("accounts", accounts)
			.setParameter("bought", List.of(OrderStatus.CONFIRMED, OrderStatus.FULFILLED))
			.getResultList()) {
			add(purchases.get((UUID) row[0]).dates, row[2] == null ? "order:" + row[1] : "opportunity:" + row[2],
					(LocalDate) row[3]);
		}
		for (Contract contract : contracts.startedOf(accounts)) {
			Purchases bought = purchases.get(contract.getAccountId());
			String key = contract.getOpportunityId() == null ? "contract:" + contract.getId()
					: "opportunity:" + contract.getOpportunityId();
			add(bought.dates, key, contract.getStartDate());
			LocalDate end = contract.getEndDate();
			if (contract.getStatus() == ContractStatus.TERMINATED && contract.getUpdatedAt() != null) {
				LocalDate ended = contract.getUpdatedAt().atZone(ZoneOffset.UTC).toLocalDate();
				end = ended.isBefore(end) ? ended : end;
			}
			bought.periods.add(new LifecycleRules.Period(contract.getStartDate(), end));
		}
	}

	private static void add(Map<String, LocalDate> purchases, String key, LocalDate day) {
		if (day != null) {
			purchases.merge(key, day, (one, other) -> one.isBefore(other) ? one : other);
		}
	}

	private Set<UUID> buyers() {
		Set<UUID> accounts = new LinkedHashSet<>();
		accounts.addAll(em.createQuery("select distinct o.accountId from SalesOrder o where o.status in :bought",
				UUID.class).setParameter("bought", List.of(OrderStatus.CONFIRMED, OrderStatus.FULFILLED))
			.getResultList());
		accounts.addAll(em.createQuery("select distinct c.accountId from Contract c where c.status <> :draft",
				UUID.class).setParameter("draft", ContractStatus.DRAFT).getResultList());
		accounts.addAll(em.createQuery("select distinct o.accountId from Opportunity o where o.stageKind = :won",
				UUID.class).setParameter("won", StageKind.WON).getResultList());
		return accounts;
	}
}
