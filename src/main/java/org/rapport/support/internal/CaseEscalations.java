package org.rapport.support.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.UserSummary;
import org.rapport.notifications.Delivery;
import org.rapport.notifications.Notice;
import org.rapport.notifications.NoticeKind;
import org.rapport.notifications.Notifications;
import org.rapport.support.CaseEscalated;
import org.rapport.support.CaseStatusChanged;
import org.rapport.support.CasesEscalated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates the cases whose SLA events fell due, on the scheduler. Each case keeps the time of its next event, indexed,
 * so a sweep reads only the cases due; each event escalates a case once (the case keeps which did), a batch of cases in
 * a transaction, so that a sweep after downtime catches up on every event missed, in order; a batch that fails is done
 * again case by case, so that one case that fails keeps no other from escalating. Level 1 tells the owner, level 2 the
 * managers of the case's queue, level 3 moves the case to the policy's escalation queue and tells that queue's
 * managers. The notices wait for the working hours of the case's calendar unless the policy escalates around the
 * clock, and each is sent once.
 */
@Service
public class CaseEscalations {

	private static final Logger log = LoggerFactory.getLogger(CaseEscalations.class);

	/** The kind of notice an escalation sends. */
	public static final String NOTICE_KIND = "support.caseEscalated";

	/** How many cases or notices one step of a sweep reads. */
	static final int BATCH = 200;

	private final Cases cases;
	private final CaseEvents events;
	private final CaseNotices notices;
	private final ServiceLevels levels;
	private final UserDirectory directory;
	private final Notifications notifications;
	private final ApplicationEventPublisher publisher;
	private final Clock clock;
	private final TransactionTemplate transactions;

	CaseEscalations(Cases cases, CaseEvents events, CaseNotices notices, ServiceLevels levels, UserDirectory directory,
			Notifications notifications, ApplicationEventPublisher publisher, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.cases = cases;
		this.events = events;
		this.notices = notices;
		this.levels = levels;
		this.directory = directory;
		this.notifications = notifications;
		this.publisher = publisher;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Escalates every case due by now and sends the notices due; answers how many escalations it made. */
	public int sweep() {
		// as the database keeps it, so that a notice due now counts as due in this very sweep
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		long started = System.nanoTime();
		Memo memo = new Memo();
		int escalated = 0;
		Set<UUID> skipped = new LinkedHashSet<>();
		while (true) {
			List<UUID> due = transactions.execute(status -> cases.dueForEscalation(now, PageRequest.of(0, BATCH)));
			due.removeAll(skipped);
			if (due.isEmpty()) {
				break;
			}
			escalated += escalateAll(due, now, memo, skipped);
		}
		int sent = memo.sent + sendDue(now);
		if (escalated > 0 || sent > 0) {
			log.info("Case escalation at {}: {} escalations, {} notices sent in {} ms", now, escalated, sent,
					java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		}
		return escalated;
	}

	/**
	 * Escalates a batch of cases in one transaction; should one of them fail, the batch is undone and each case is
	 * escalated in a transaction of its own, so that the others still escalate. The cases that escalate no further
	 * now go into {@code skipped}.
	 */
	private int escalateAll(List<UUID> due, Instant now, Memo memo, Set<UUID> skipped) {
		int sentBefore = memo.sent;
		try {
			return transactions.execute(status -> {
				// the batch's cases in one query; each is then found in the transaction's context
				cases.findAllById(due);
				Announcements announcements = new Announcements();
				int made = 0;
				for (UUID id : due) {
					int one = escalate(id, now, memo, announcements);
					made += one;
					if (one == 0) {
						skipped.add(id);
					}
				}
				announcements.publish();
				return made;
			});
		}
		catch (RuntimeException batchFailed) {
			due.forEach(skipped::remove);
			memo.sent = sentBefore;
		}
		int escalated = 0;
		for (UUID id : due) {
			int sentBeforeCase = memo.sent;
			try {
				Integer made = transactions.execute(status -> {
					Announcements announcements = new Announcements();
					int one = escalate(id, now, memo, announcements);
					announcements.publish();
					return one;
				});
				escalated += made;
				if (made == 0) {
					skipped.add(id);
				}
			}
			catch (ObjectOptimisticLockingFailureException changed) {
				// an agent changed the case meanwhile: the next sweep looks at it again as it is then
				skipped.add(id);
				memo.sent = sentBeforeCase;
			}
			catch (RuntimeException failed) {
				skipped.add(id);
				memo.sent = sentBeforeCase;
				log.warn("Case {} not escalated: {}", id, failed.toString());
			}
		}
		return escalated;
	}

	private int escalate(UUID id, Instant now, Memo memo, Announcements announcements) {
		SupportCase found = cases.findById(id).orElse(null);
		if (found == null) {
			return 0;
		}
		Optional<BusinessHours> hours = memo.hours(found.getCalendarId());
		Optional<SlaPolicy> policy = memo.policy(found.getPolicyId());
		List<SupportCase.Pending> due = found.dueEvents(hours.orElse(null), now);
		if (due.isEmpty()) {
			return 0;
		}
		boolean raise = policy.map(SlaPolicy::isRaisePriority).orElse(false);
		UUID escalationQueue = policy.map(SlaPolicy::getEscalationTeamId).orElse(null);
		boolean aroundTheClock = policy.map(SlaPolicy::isAroundTheClock).orElse(false);
		// the notices wait for the next working moment of the case's calendar, unless the policy says otherwise
		Instant sendAt = aroundTheClock || hours.isEmpty() ? now : hours.get().plus(now, Duration.ZERO);
		for (SupportCase.Pending event : due) {
			UUID queueBefore = found.getTeamId();
			int level = found.escalate(event.event(), raise, escalationQueue, hours.orElse(null), now);
			String detail = event.event().name() + (level == SupportCase.MAX_LEVEL && escalationQueue != null
					&& !escalationQueue.equals(queueBefore) ? " queue=" + escalationQueue : "");
			events.save(new CaseEvent(found.getId(), CaseEvent.ESCALATED, level, detail, event.at()));
			for (UUID recipient : recipients(found, level, memo)) {
				CaseNotice notice = new CaseNotice(found.getId(), recipient, level, sendAt);
				if (!sendAt.isAfter(now)) {
					// due at once: sent in this very transaction, which records it sent
					notice.markSent();
					announcements.notices.add(noticeOf(found, notice));
					memo.sent++;
				}
				notices.save(notice);
			}
		}
		// the case, read in this transaction, is written when it commits, with the rest of its batch: a case an agent
		// changed meanwhile fails the batch there, which is then done case by case
		announcements.take(found);
		return due.size();
	}

	/** Who hears of an escalation to the level: the owner, then the managers of the case's queue. */
	private List<UUID> recipients(SupportCase found, int level, Memo memo) {
		List<UUID> recipients = new ArrayList<>();
		if (level == 1 || found.getTeamId() == null) {
			recipients.add(found.getOwnerId());
		}
		else {
			recipients.addAll(memo.managers(found.getTeamId()));
			if (recipients.isEmpty()) {
				recipients.add(found.getOwnerId());
			}
		}
		return recipients;
	}

	/**
	 * Hands the notices due to the notification centre, a batch at a time, each batch in the transaction that marks
	 * its notices sent, so that each goes out once; should a batch fail, each of its notices is tried on its own.
	 */
	int sendDue(Instant now) {
		int sent = 0;
		Set<UUID> failed = new LinkedHashSet<>();
		while (true) {
			List<UUID> due = transactions.execute(status -> notices.dueBy(now, PageRequest.of(0, BATCH)));
			due.removeAll(failed);
			if (due.isEmpty()) {
				return sent;
			}
			try {
				sent += transactions.execute(status -> {
					List<Notice> told = due.stream().map(this::send).flatMap(Optional::stream).toList();
					notifications.notifyAll(told);
					return told.size();
				});
				continue;
			}
			catch (RuntimeException batchFailed) {
				// tried one by one below
			}
			for (UUID id : due) {
				try {
					sent += transactions.execute(status -> send(id).map(notice -> {
						notifications.notify(notice);
						return 1;
					}).orElse(0));
				}
				catch (RuntimeException notSent) {
					failed.add(id);
					log.warn("Escalation notice {} not sent: {}", id, notSent.toString());
				}
			}
		}
	}

	/** Marks the notice sent, if it was not, and answers what it tells; nothing for a case no longer there. */
	private Optional<Notice> send(UUID id) {
		return notices.findById(id).filter(notice -> !notice.isSent()).flatMap(notice -> {
			notice.markSent();
			return cases.findById(notice.getCaseId()).map(found -> noticeOf(found, notice));
		});
	}

	private static Notice noticeOf(SupportCase found, CaseNotice notice) {
		return new Notice(new UserId(notice.getRecipientId()), NOTICE_KIND, "notice.support.caseEscalated",
				List.of(found.getNumber(), found.getSubject(), String.valueOf(notice.getLevel())),
				"/cases/" + found.getId(), null);
	}

	/**
	 * What the cases of a transaction announce as they escalate: the escalations and the moves to Escalated go out as
	 * one event for the lot, anything else as it is, and the notices due at once are told together.
	 */
	private final class Announcements {

		private final List<CaseEscalated> escalations = new ArrayList<>();

		private final List<CaseStatusChanged> moves = new ArrayList<>();

		private final List<Object> others = new ArrayList<>();

		/** The notices due at once, told in the same transaction. */
		private final List<Notice> notices = new ArrayList<>();

		void take(SupportCase found) {
			for (Object event : found.takeEvents()) {
				if (event instanceof CaseEscalated escalated) {
					escalations.add(escalated);
				}
				else if (event instanceof CaseStatusChanged moved) {
					moves.add(moved);
				}
				else {
					others.add(event);
				}
			}
		}

		/** Published in the transaction, so that the event publication registry keeps them with its changes. */
		void publish() {
			if (!escalations.isEmpty() || !moves.isEmpty()) {
				publisher.publishEvent(new CasesEscalated(escalations, moves));
			}
			others.forEach(publisher::publishEvent);
			notifications.notifyAll(notices);
		}
	}

	/** What one sweep reads once: calendars, policies and the managers of each queue. */
	private final class Memo {

		private final java.util.Map<UUID, Optional<BusinessHours>> hours = new java.util.HashMap<>();

		private final java.util.Map<UUID, Optional<SlaPolicy>> policies = new java.util.HashMap<>();

		private final java.util.Map<UUID, List<UUID>> managers = new java.util.HashMap<>();

		/** The notices sent as their cases escalated. */
		int sent;

		Optional<BusinessHours> hours(UUID calendar) {
			return calendar == null ? Optional.empty() : this.hours.computeIfAbsent(calendar, levels::hours);
		}

		Optional<SlaPolicy> policy(UUID policy) {
			return policy == null ? Optional.empty() : policies.computeIfAbsent(policy, levels::findPolicy);
		}

		List<UUID> managers(UUID team) {
			return managers.computeIfAbsent(team, id -> directory.managersOf(new TeamId(id))
				.stream()
				.map(UserSummary::id)
				.map(UserId::value)
				.toList());
		}
	}

	/** The history of escalations of a case, oldest first. */
	public List<CaseEvent> eventsOf(UUID caseId) {
		return events.ofCase(caseId);
	}

	/** The kind of notice escalations send, in the centre and by e-mail unless the user chooses otherwise. */
	@Configuration(proxyBeanMethods = false)
	static class Kinds {

		@Bean
		NoticeKind caseEscalated() {
			return new NoticeKind(NOTICE_KIND, "notice.kind.support.caseEscalated", Delivery.BOTH);
		}
	}
}
