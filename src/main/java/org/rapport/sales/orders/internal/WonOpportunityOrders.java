package org.rapport.sales.orders.internal;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserSummary;
import org.rapport.sales.OpportunitiesImported;
import org.rapport.sales.OpportunityWon;
import org.rapport.sales.StageKind;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the lines of a won opportunity into a confirmed order, once per opportunity: when it is won in the
 * pipeline, and when an import writes it won.
 */
@Component
public class WonOpportunityOrders {

	private static final Logger log = LoggerFactory.getLogger(WonOpportunityOrders.class);

	private final OrderBook orders;
	private final UserDirectory directory;
	private final EntityManager em;

	WonOpportunityOrders(OrderBook orders, UserDirectory directory, EntityManager em) {
		this.orders = orders;
		this.directory = directory;
		this.em = em;
	}

	/**
	 * An import writes opportunities in batches, without an event per win: the won ones of the batch that have lines
	 * and no order yet get theirs, as a win in the pipeline would give them.
	 */
	@ApplicationModuleListener
	void on(OpportunitiesImported batch) {
		List<UUID> ids = batch.writtenIds();
		if (ids.isEmpty()) {
			return;
		}
		// the won ones with their lines and without an order yet, in one query
		List<Opportunity> won = em.createQuery("select distinct o from Opportunity o join fetch o.lines "
				+ "where o.id in :ids and o.stageKind = :won and not exists "
				+ "(select 1 from SalesOrder s where s.opportunityId = o.id)", Opportunity.class)
			.setParameter("ids", ids)
			.setParameter("won", StageKind.WON)
			.getResultList();
		won.forEach(opportunity -> order(opportunity.win()));
	}

	/**
	 * Runs after the winning transaction commits, outside a transaction of its own so that a second delivery of
	 * the same event, which the unique opportunity index turns away, ends quietly.
	 */
	@Async
	@TransactionalEventListener
	void on(OpportunityWon won) {
		order(won);
	}

	public void order(OpportunityWon won) {
		if (won.lines().isEmpty()) {
			return;
		}
		List<SalesOrder.Line> lines = won.lines()
			.stream()
			.map(line -> new SalesOrder.Line(line.product(), line.quantity(),
					line.unitPrice().discounted(line.discountPercent())))
			.toList();
		String currency = lines.get(0).unitPrice().currency();
		if (lines.stream().map(SalesOrder.Line::unitPrice).map(Money::currency).anyMatch(c -> !c.equals(currency))) {
			log.warn("Opportunity {} was won with lines in several currencies; no order made", won.opportunity());
			return;
		}
		TeamId team = directory.find(won.owner()).map(UserSummary::team).orElse(null);
		try {
			orders.orderWonOpportunity(won.opportunity(), won.account(), won.closeDate(), won.owner(), team, lines)
				.ifPresent(order -> log.info("Order {} made from won opportunity {}", order.getNumber(),
						won.opportunity()));
		}
		catch (DataIntegrityViolationException alreadyOrdered) {
			if (orders.orderOf(won.opportunity()).isEmpty()) {
				throw alreadyOrdered;
			}
		}
	}
}
