package org.rapport.support.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.rapport.sales.LeadConverted;
import org.rapport.sales.LeadDependents;
import org.rapport.sales.LeadHolding;
import org.rapport.sales.LeadId;
import org.rapport.sales.LeadsMerged;
import org.rapport.support.CaseId;
import org.rapport.support.CasesMovedToAccount;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a lead's cases with what the lead became: converting it moves its cases to the new account and contact (and
 * says so, so that what is about them rolls up to the account),
 * merging it into another lead moves them to that lead, and a lead with cases is not deleted (it is converted or
 * merged instead). Plain listeners in the conversion's or the merge's transaction, so that a lead never goes while its
 * cases stay behind.
 */
@Component
class LeadCasesKeeper implements LeadDependents {

	private final CaseBook cases;
	private final EntityManager em;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	LeadCasesKeeper(CaseBook cases, EntityManager em, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.cases = cases;
		this.em = em;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(LeadConverted converted) {
		List<UUID> moved = cases.leadConverted(converted.lead(), converted.account(), converted.contact());
		if (!moved.isEmpty()) {
			events.publishEvent(new CasesMovedToAccount(moved.stream().map(CaseId::new).toList(), converted.account()));
		}
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(LeadsMerged merge) {
		em.createNativeQuery("update support_case set lead_id = :to, version = version + 1, updated_at = :at "
				+ "where lead_id = :from")
			.setParameter("to", merge.survivor().value())
			.setParameter("from", merge.merged().value())
			.setParameter("at", clock.instant())
			.executeUpdate();
	}

	@Override
	@Transactional(readOnly = true)
	public List<LeadHolding> holdingsOf(LeadId lead) {
		long count = em.createQuery("select count(c) from SupportCase c where c.leadId = :lead", Long.class)
			.setParameter("lead", lead.value())
			.getSingleResult();
		return List.of(new LeadHolding("lead.holds.cases", count));
	}
}
