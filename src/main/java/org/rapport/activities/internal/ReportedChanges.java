package org.rapport.activities.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountsMerged;
import org.rapport.customers.ContactId;
import org.rapport.customers.ContactsMerged;
import org.rapport.customers.Customers;
import org.rapport.customers.LifecycleStageChanged;
import org.rapport.sales.ContractActivated;
import org.rapport.sales.ContractId;
import org.rapport.sales.LeadConverted;
import org.rapport.sales.LeadId;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.OpportunityStageChanged;
import org.rapport.sales.OrderId;
import org.rapport.sales.OrderPlaced;
import org.rapport.sales.SalesRecord;
import org.rapport.sales.SalesRecords;
import org.rapport.shared.RecordRef;
import org.rapport.support.CaseEscalated;
import org.rapport.support.CaseId;
import org.rapport.support.CaseOpened;
import org.rapport.support.CaseStatusChanged;
import org.rapport.support.CasesEscalated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes what the customers, sales and support modules report onto the timelines of the records concerned: stage
 * moves, lifecycle changes, conversions, orders placed, contracts starting, merges, and cases opened, moved and
 * escalated (the escalation sweep reports a batch of cases at once). Each listener runs after the change
 * committed, in a transaction of its own; the event publication registry hands an event over again after a crash.
 * The entry keeps the owner and team the record had, which decide who sees it on an account's timeline.
 */
@Component
class ReportedChanges {

	private final TimelineChanges changes;
	private final SalesRecords sales;
	private final Customers customers;
	private final Clock clock;

	ReportedChanges(TimelineChanges changes, SalesRecords sales, Customers customers, Clock clock) {
		this.changes = changes;
		this.sales = sales;
		this.customers = customers;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(OpportunityStageChanged moved) {
		RecordRef about = new RecordRef(OpportunityId.TYPE, moved.opportunity().value());
		sales.describe(about).ifPresent(deal -> changes.save(of(ChangeKind.OPPORTUNITY_STAGE, at(moved.at()), deal)
			.values(id(moved.from() == null ? null : moved.from().value()), id(moved.to().value()))));
	}

	@ApplicationModuleListener
	void on(LifecycleStageChanged changed) {
		UUID account = changed.account().value();
		changes.save(new TimelineChange(ChangeKind.LIFECYCLE, at(changed.at()), new RecordRef(AccountId.TYPE, account),
				account, null, null)
			.values(changed.from() == null ? null : changed.from().name(), changed.to().name())
			.note(changed.reason()));
	}

	@ApplicationModuleListener
	void on(LeadConverted converted) {
		RecordRef lead = new RecordRef(LeadId.TYPE, converted.lead().value());
		Optional<SalesRecord> described = sales.describe(lead);
		RecordRef became = converted.opportunity() != null
				? new RecordRef(OpportunityId.TYPE, converted.opportunity().value())
				: new RecordRef(AccountId.TYPE, converted.account().value());
		changes.save(new TimelineChange(ChangeKind.LEAD_CONVERTED, at(converted.at()), lead,
				converted.account().value(), converted.owner() == null ? null : converted.owner().value(),
				described.map(SalesRecord::team).map(team -> team.value()).orElse(null))
			.refers(became));
	}

	@ApplicationModuleListener
	void on(OrderPlaced placed) {
		sales.describe(new RecordRef(OrderId.TYPE, placed.order().value()))
			.ifPresent(order -> changes.save(of(ChangeKind.ORDER_PLACED, clock.instant(), order)
				.note(placed.number())
				.amount(placed.total().amount(), placed.total().currency())));
	}

	@ApplicationModuleListener
	void on(ContractActivated activated) {
		sales.describe(new RecordRef(ContractId.TYPE, activated.contract().value()))
			.ifPresent(contract -> changes.save(of(ChangeKind.CONTRACT_ACTIVATED, clock.instant(), contract)
				.values(activated.startDate().toString(), activated.endDate().toString())
				.amount(activated.value().amount(), activated.value().currency())));
	}

	@ApplicationModuleListener
	void on(AccountsMerged merged) {
		UUID survivor = merged.survivor().value();
		changes.save(new TimelineChange(ChangeKind.ACCOUNT_MERGED, clock.instant(),
				new RecordRef(AccountId.TYPE, survivor), survivor, null, null));
	}

	@ApplicationModuleListener
	void on(ContactsMerged merged) {
		UUID survivor = merged.survivor().value();
		UUID account = customers.contactAccount(merged.survivor()).map(AccountId::value).orElse(null);
		changes.save(new TimelineChange(ChangeKind.CONTACT_MERGED, clock.instant(),
				new RecordRef(ContactId.TYPE, survivor), account, null, null));
	}

	@ApplicationModuleListener
	void on(CaseOpened opened) {
		changes.save(ofCase(ChangeKind.CASE_OPENED, opened.id(), opened.account(), opened.owner(), opened.team(),
				opened.at()).note(opened.number()));
	}

	@ApplicationModuleListener
	void on(CaseStatusChanged moved) {
		changes.save(statusMove(moved));
	}

	@ApplicationModuleListener
	void on(CaseEscalated escalated) {
		changes.save(escalation(escalated));
	}

	/** A sweep's batch of escalations, written in one transaction: the status moves, then the escalations. */
	@ApplicationModuleListener
	void on(CasesEscalated batch) {
		java.util.List<TimelineChange> entries = new java.util.ArrayList<>();
		batch.moves().forEach(moved -> entries.add(statusMove(moved)));
		batch.escalations().forEach(escalated -> entries.add(escalation(escalated)));
		changes.saveAll(entries);
	}

	private TimelineChange statusMove(CaseStatusChanged moved) {
		return ofCase(ChangeKind.CASE_STATUS, moved.id(), moved.account(), moved.owner(), moved.team(), moved.at())
			.values(moved.from(), moved.to())
			.note(moved.number());
	}

	private TimelineChange escalation(CaseEscalated escalated) {
		return ofCase(ChangeKind.CASE_ESCALATED, escalated.id(), escalated.account(), escalated.owner(),
				escalated.team(), escalated.at())
			.values(null, String.valueOf(escalated.level()))
			.note(escalated.number());
	}

	private TimelineChange ofCase(ChangeKind kind, CaseId id, AccountId account, org.rapport.identity.UserId owner,
			org.rapport.identity.TeamId team, Instant at) {
		// a lead's case has no account, and so shows on no account's timeline
		return new TimelineChange(kind, at(at), new RecordRef(CaseId.TYPE, id.value()),
				account == null ? null : account.value(),
				owner == null ? null : owner.value(), team == null ? null : team.value());
	}

	private static TimelineChange of(ChangeKind kind, Instant at, SalesRecord record) {
		return new TimelineChange(kind, at, record.ref(), record.account() == null ? null : record.account().value(),
				record.owner().value(), record.team() == null ? null : record.team().value());
	}

	private Instant at(Instant reported) {
		return reported == null ? clock.instant() : reported;
	}

	private static String id(UUID id) {
		return id == null ? null : id.toString();
	}
}
