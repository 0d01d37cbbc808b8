package org.rapport.activities.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.rapport.activities.ActivitiesWrittenInBulk;
import org.rapport.customers.AccountDeleted;
import org.rapport.customers.AccountDependents;
import org.rapport.customers.AccountHolding;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountsMerged;
import org.rapport.customers.ContactChanged;
import org.rapport.customers.ContactDeleted;
import org.rapport.customers.ContactId;
import org.rapport.customers.ContactsMerged;
import org.rapport.sales.ContractId;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.OrderId;
import org.rapport.support.CaseId;
import org.rapport.support.CasesMovedToAccount;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps activities and the reported changes of the timeline with the records they are about when those change: a merged account's or contact's activities go
 * to the record that remains, a converted lead's cases take theirs to the lead's new account, a contact's follow it to another account, and a deleted record's go with it. An
 * account's delete asks about its activities first, like about its opportunities: they move to another account or go
 * with it. Each change is one indexed statement, however many activities it moves; the search index follows
 * through {@link ActivitiesWrittenInBulk}.
 * <p>
 * Plain {@code @EventListener}s: they run inside the transaction of the merge, delete or change, so that both
 * happen or neither.
 */
@Component
class FollowedRecords implements AccountDependents {

	/** The kinds of sales record that go with a deleted account, or move with it to another. */
	private static final List<String> SALES_OF_AN_ACCOUNT = List.of(OpportunityId.TYPE, OrderId.TYPE, ContractId.TYPE);

	private final EntityManager em;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	FollowedRecords(EntityManager em, ApplicationEventPublisher events, Clock clock) {
		this.em = em;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccountHolding> holdingsOf(AccountId account) {
		long count = em.createQuery("select count(a) from Activity a where a.accountId = :account "
				+ "and a.aboutType <> :contact", Long.class)
			.setParameter("account", account.value())
			.setParameter("contact", ContactId.TYPE)
			.getSingleResult();
		return List.of(new AccountHolding("account.holds.activities", count, false));
	}

	/**
	 * The account's own activities and those of its opportunities, orders and contracts move to {@code moveTo} with
	 * them, or go with them; those of its converted leads stay with the leads, which no longer name an account.
	 * Its contacts' activities follow the contacts (see {@link #on(AccountDeleted)}).
	 */
	@Override
	@Transactional
	public void beforeDelete(AccountId account, AccountId moveTo) {
		UUID from = account.value();
		List<UUID> own = ids("a.aboutType = 'account' and a.aboutId = :from", from);
		List<UUID> sales = ids("a.accountId = :from and a.aboutType in :sales", from);
		List<UUID> leads = ids("a.accountId = :from and a.aboutType = 'lead'", from);
		String ownChanges = "c.aboutType = 'account' and c.aboutId = :from";
		String salesChanges = "c.accountId = :from and c.aboutType in :sales";
		if (moveTo == null) {
			delete(own);
			delete(sales);
			update("set a.accountId = null", leads, null);
			announce(leads, concat(own, sales));
			changes("delete from TimelineChange c where " + ownChanges + " or (" + salesChanges + ")", from, null);
		}
		else {
			update("set a.aboutId = :to, a.accountId = :to", own, moveTo.value());
			update("set a.accountId = :to", sales, moveTo.value());
			update("set a.accountId = null", leads, null);
			announce(concat(concat(own, sales), leads), List.of());
			changes("update TimelineChange c set c.aboutId = :to, c.accountId = :to where " + ownChanges, from,
					moveTo.value());
			changes("update TimelineChange c set c.accountId = :to where " + salesChanges, from, moveTo.value());
		}
		changes("update TimelineChange c set c.accountId = null where c.accountId = :from and c.aboutType = 'lead'",
				from, null);
	}

	/** The activities of an account's contacts go with the contacts, or stay with them without an account. */
	@EventListener
	@Transactional
	void on(AccountDeleted deleted) {
		List<UUID> contacts = ids("a.accountId = :from and a.aboutType = 'contact'", deleted.account().value());
		String contactChanges = " where c.accountId = :from and c.aboutType = 'contact'";
		if (deleted.contactsDeleted()) {
			delete(contacts);
			announce(List.of(), contacts);
			changes("delete from TimelineChange c" + contactChanges, deleted.account().value(), null);
		}
		else {
			update("set a.accountId = null", contacts, null);
			announce(contacts, List.of());
			changes("update TimelineChange c set c.accountId = null" + contactChanges, deleted.account().value(), null);
		}
	}

	@EventListener
	@Transactional
	void on(ContactDeleted deleted) {
		List<UUID> gone = ids("a.aboutType = 'contact' and a.aboutId = :from", deleted.contact().value());
		delete(gone);
		announce(List.of(), gone);
		changes("delete from TimelineChange c where c.aboutType = 'contact' and c.aboutId = :from",
				deleted.contact().value(), null);
	}

	/** A contact that moved to another account (or to none) takes its activities to that account's timeline. */
	@EventListener
	@Transactional
	void on(ContactChanged changed) {
		UUID account = changed.account() == null ? null : changed.account().value();
		UUID contact = changed.contact().value();
		List<UUID> moved = account == null
				? ids("a.aboutType = 'contact' and a.aboutId = :from and a.accountId is not null", contact)
				: em.createQuery("select a.id from Activity a where a.aboutType = 'contact' and a.aboutId = :from "
						+ "and (a.accountId is null or a.accountId <> :account)", UUID.class)
					.setParameter("from", contact)
					.setParameter("account", account)
					.getResultList();
		update(account == null ? "set a.accountId = null" : "set a.accountId = :to", moved, account);
		announce(moved, List.of());
		changes("update TimelineChange c set c.accountId = " + (account == null ? "null" : ":to")
				+ " where c.aboutType = 'contact' and c.aboutId = :from", contact, account);
	}

	@EventListener
	@Transactional
	void on(AccountsMerged merge) {
		UUID from = merge.merged().value();
		List<UUID> own = ids("a.aboutType = 'account' and a.aboutId = :from", from);
		List<UUID> rolledUp = ids("a.accountId = :from and not (a.aboutType = 'account' and a.aboutId = :from)", from);
		update("set a.aboutId = :to, a.accountId = :to", own, merge.survivor().value());
		update("set a.accountId = :to", rolledUp, merge.survivor().value());
		announce(concat(own, rolledUp), List.of());
		changes("update TimelineChange c set c.aboutId = :to where c.aboutType = 'account' and c.aboutId = :from", from,
				merge.survivor().value());
		changes("update TimelineChange c set c.accountId = :to where c.accountId = :from", from,
				merge.survivor().value());
	}

	@EventListener
	@Transactional
	void on(ContactsMerged merge) {
		List<UUID> moved = ids("a.aboutType = 'contact' and a.aboutId = :from", merge.merged().value());
		update("set a.aboutId = :to", moved, merge.survivor().value());
		announce(moved, List.of());
		changes("update TimelineChange c set c.aboutId = :to where c.aboutType = 'contact' and c.aboutId = :from",
				merge.merged().value(), merge.survivor().value());
	}

	/** A converted lead's cases joined its account: their activities and reported changes roll up to it now. */
	@EventListener
	@Transactional
	void on(CasesMovedToAccount moved) {
		UUID account = moved.account().value();
		for (List<UUID> cases : batches(moved.cases().stream().map(CaseId::value).toList())) {
			List<UUID> rolledUp = em.createQuery("select a.id from Activity a where a.aboutType = :type "
					+ "and a.aboutId in :cases", UUID.class)
				.setParameter("type", CaseId.TYPE)
				.setParameter("cases", cases)
				.getResultList();
			update("set a.accountId = :to", rolledUp, account);
			announce(rolledUp, List.of());
			em.createQuery("update TimelineChange c set c.accountId = :to where c.aboutType = :type "
					+ "and c.aboutId in :cases")
				.setParameter("to", account)
				.setParameter("type", CaseId.TYPE)
				.setParameter("cases", cases)
				.executeUpdate();
		}
	}

	private List<UUID> ids(String condition, UUID from) {
		var query = em.createQuery("select a.id from Activity a where " + condition, UUID.class)
			.setParameter("from", from);
		if (condition.contains(":sales")) {
			query.setParameter("sales", SALES_OF_AN_ACCOUNT);
		}
		return query.getResultList();
	}

	private void update(String assignments, List<UUID> ids, UUID to) {
		for (List<UUID> batch : batches(ids)) {
			var query = em.createQuery("update Activity a " + assignments
					+ ", a.version = a.version + 1, a.updatedAt = :at where a.id in :ids")
				.setParameter("ids", batch)
				.setParameter("at", clock.instant());
			if (assignments.contains(":to")) {
				query.setParameter("to", to);
			}
			query.executeUpdate();
		}
	}

	private void delete(List<UUID> ids) {
		for (List<UUID> batch : batches(ids)) {
			em.createNativeQuery("delete from activity_participant where activity_id in (:ids)")
				.setParameter("ids", batch)
				.executeUpdate();
			em.createQuery("delete from Activity a where a.id in :ids").setParameter("ids", batch).executeUpdate();
		}
	}

	/** One statement over the reported changes, which the search does not index. */
	private void changes(String statement, UUID from, UUID to) {
		var query = em.createQuery(statement).setParameter("from", from);
		if (statement.contains(":to")) {
			query.setParameter("to", to);
		}
		if (statement.contains(":sales")) {
			query.setParameter("sales", SALES_OF_AN_ACCOUNT);
		}
		query.executeUpdate();
	}

	private void announce(List<UUID> written, List<UUID> removed) {
		if (!written.isEmpty() || !removed.isEmpty()) {
			events.publishEvent(new ActivitiesWrittenInBulk(written, removed));
		}
	}

	private static List<List<UUID>> batches(List<UUID> ids) {
		List<List<UUID>> batches = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += 1000) {
			batches.add(ids.subList(from, Math.min(ids.size(), from + 1000)));
		}
		return batches;
	}

	private static List<UUID> concat(List<UUID> a, List<UUID> b) {
		List<UUID> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}
}
