package org.rapport.sales.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.customers.LifecycleStatus;
import org.rapport.sales.ContractActivated;
import org.rapport.sales.ContractId;
import org.rapport.sales.ContractsImported;
import org.rapport.sales.OpportunitiesImported;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.OpportunityWon;
import org.rapport.sales.OrderId;
import org.rapport.sales.OrderPlaced;
import org.rapport.sales.OrdersImported;
import org.rapport.sales.StageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each account's lifecycle stage in step with what it bought: on every purchase as it happens, and every
 * night for the moves that time makes. A purchase is a deal: a won opportunity together with the order and
 * contract made from it counts once.
 */
@Service
@EnableConfigurationProperties(LifecycleProperties.class)
public class CustomerLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CustomerLifecycle.class);

	private final Customers customers;
	private final Contracts contracts;
	private final EntityManager em;
	private final LifecycleProperties properties;

	CustomerLifecycle(Customers customers, Contracts contracts, EntityManager em, LifecycleProperties properties) {
		this.customers = customers;
		this.contracts = contracts;
		this.em = em;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(OrderPlaced placed) {
		follow(placed.account(), LocalDate.now(ZoneOffset.UTC), Map.of());
	}

	@ApplicationModuleListener
	void on(ContractActivated activated) {
		follow(activated.account(), LocalDate.now(ZoneOffset.UTC), Map.of());
	}

	@ApplicationModuleListener
	void on(OpportunityWon won) {
		LocalDate day = won.closeDate() == null ? LocalDate.now(ZoneOffset.UTC) : won.closeDate();
		follow(won.account(), LocalDate.now(ZoneOffset.UTC), Map.of("opportunity:" + won.opportunity(), day));
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
			.setParameter("bought", List.of(OrderStatus.CONFIRMED, OrderStatus.FULFILLED)), ids(batch.created(),
					batch.updated(), OrderId::value));
	}

	@ApplicationModuleListener
	void on(ContractsImported batch) {
		followAccounts(em.createQuery("select distinct c.accountId from Contract c where c.id in :ids "
				+ "and c.status <> :draft", UUID.class)
			.setParameter("draft", ContractStatus.DRAFT), ids(batch.created(), batch.updated(), ContractId::value));
	}

	@ApplicationModuleListener
	void on(OpportunitiesImported batch) {
		followAccounts(em.createQuery("select distinct o.accountId from Opportunity o where o.id in :ids "
				+ "and o.stageKind = :won", UUID.class)
			.setParameter("won", StageKind.WON), ids(batch.created(), batch.updated(), OpportunityId::value));
	}

	private void followAccounts(TypedQuery<UUID> accounts, List<UUID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (UUID account : accounts.setParameter("ids", ids).getResultList()) {
			follow(new AccountId(account), today, Map.of());
		}
	}

	private static <I> List<UUID> ids(List<I> created, List<I> updated, Function<I, UUID> value) {
		List<UUID> ids = new ArrayList<>(created.size() + updated.size());
		created.forEach(id -> ids.add(value.apply(id)));
		updated.forEach(id -> ids.add(value.apply(id)));
		return ids;
	}

	/** Moves the account to the stage its purchases give on the day, if that differs; answers whether it moved. */
	@Transactional
	public boolean follow(AccountId account, LocalDate today) {
		return follow(account, today, Map.of());
	}

	/** The nightly pass over every account that ever bought; answers how many moved. */
	public int followAll(LocalDate today) {
		int moved = 0;
		for (UUID account : buyers()) {
			try {
				if (follow(new AccountId(account), today)) {
					moved++;
				}
			}
			catch (RuntimeException failed) {
				log.warn("Lifecycle of account {} not followed: {}", account, failed.toString());
			}
		}
		log.info("Customer lifecycle for {}: {} accounts moved", today, moved);
		return moved;
	}

	private boolean follow(AccountId account, LocalDate today, Map<String, LocalDate> announced) {
		LifecycleStatus status = customers.lifecycleOf(account).orElse(null);
		if (status == null) {
			return false;
		}
		Map<String, LocalDate> purchases = new HashMap<>(announced);
		List<LifecycleRules.Period> periods = new ArrayList<>();
		collect(account.value(), purchases, periods);
		LocalDate since = status.since() == null ? null : status.since().atZone(ZoneOffset.UTC).toLocalDate();
		LifecycleRules.Decision decision = properties.rules()
			.decide(purchases.values(), periods, status.stage(), since, today);
		if (!decision.moves()) {
			return false;
		}
		customers.moveLifecycle(account, decision.stage(), decision.reason());
		return true;
	}

	private void collect(UUID account, Map<String, LocalDate> purchases, List<LifecycleRules.Period> periods) {
		for (Object[] row : em.createQuery("select o.id, o.closeDate from Opportunity o where o.accountId = :account "
				+ "and o.stageKind = :won", Object[].class)
			.setParameter("account", account)
			.setParameter("won", StageKind.WON)
			.getResultList()) {
			// the same key as the order made from it, which is the same deal
			add(purchases, "opportunity:" + row[0], (LocalDate) row[1]);
		}
		for (Object[] row : em.createQuery("select o.id, o.opportunityId, o.orderDate from SalesOrder o "
				+ "where o.accountId = :account and o.status in :bought", Object[].class)
			.setParameter("account", account)
			.setParameter("bought", List.of(OrderStatus.CONFIRMED, OrderStatus.FULFILLED))
			.getResultList()) {
			add(purchases, row[1] == null ? "order:" + row[0] : "opportunity:" + row[1], (LocalDate) row[2]);
		}
		for (Contract contract : contracts.startedOf(account)) {
			String key = contract.getOpportunityId() == null ? "contract:" + contract.getId()
					: "opportunity:" + contract.getOpportunityId();
			add(purchases, key, contract.getStartDate());
			LocalDate end = contract.getEndDate();
			if (contract.getStatus() == ContractStatus.TERMINATED && contract.getUpdatedAt() != null) {
				LocalDate ended = contract.getUpdatedAt().atZone(ZoneOffset.UTC).toLocalDate();
				end = ended.isBefore(end) ? ended : end;
			}
			periods.add(new LifecycleRules.Period(contract.getStartDate(), end));
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
