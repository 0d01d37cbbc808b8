package org.rapport.support.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Norms;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.rapport.shared.BusinessRecord;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RuleBroken;
import org.rapport.support.CaseId;

/**
 * A customer's request to the service desk, from an account (and maybe one of its contacts) or from a lead. The case guards its own status moves (a closed case reopens only as
 * Reopened, resolving or closing needs a resolution) and keeps its two SLA clocks, first response and resolution, in
 * business time: they run from the opening, pause while the case waits on the customer, and stop at the first public
 * answer and at the resolution. After each change it keeps the due and warning times of the running targets, by which
 * the list filters on SLA state and the escalation sweep finds what falls due.
 */
@Entity
@Table(name = "support_case")
@Indexed(index = "support_case")
public class SupportCase extends BusinessRecord<SupportCase> {

	public static final int MAX_SUBJECT = 255;
	public static final int MAX_DESCRIPTION = 10_000;
	public static final int MAX_RESOLUTION = 4_000;
	public static final int MAX_CATEGORY = 100;

	@Column(nullable = false, updatable = false)
	@KeywordField(name = "number", normalizer = "lowercase", projectable = Projectable.YES)
	private String number;

	@Column(name = "account_id")
	@KeywordField(name = "accountId", projectable = Projectable.YES, searchable = Searchable.NO)
	private UUID accountId;

	/** The lead who asked, for a case without an account; converting the lead moves the case to its account. */
	@Column(name = "lead_id")
	private UUID leadId;

	@Column(name = "contact_id")
	private UUID contactId;

	@Column(name = "contract_id")
	private UUID contractId;

	@Column(nullable = false)
	@FullTextField(name = "name", analyzer = "name", searchAnalyzer = "name_query", projectable = Projectable.YES)
	@FullTextField(name = "name_prefix", analyzer = "name_prefix", searchAnalyzer = "name_query")
	@FullTextField(name = "name_grams", analyzer = "name_grams", norms = Norms.NO)
	private String subject;

	private String description;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CasePriority priority;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CaseStatus status;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CaseChannel channel;

	private String category;

	@Column(nullable = false)
	private boolean taken;

	private String resolution;

	@Column(name = "first_response_at")
	private Instant firstResponseAt;

	@Column(name = "resolved_at")
	private Instant resolvedAt;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Column(name = "policy_id")
	private UUID policyId;

	@Column(name = "calendar_id")
	private UUID calendarId;

	@Column(name = "response_target_minutes")
	private Integer responseTargetMinutes;

	@Column(name = "resolution_target_minutes")
	private Integer resolutionTargetMinutes;

	@Column(name = "warning_percent")
	private Integer warningPercent;

	@Column(name = "response_used_seconds")
	private Long responseUsedSeconds;

	@Column(name = "response_running_since")
	private Instant responseRunningSince;

	@Column(name = "response_stopped_at")
	private Instant responseStoppedAt;

	@Column(name = "resolution_used_seconds")
	private Long resolutionUsedSeconds;

	@Column(name = "resolution_running_since")
	private Instant resolutionRunningSince;

	@Column(name = "resolution_stopped_at")
	private Instant resolutionStoppedAt;

	@Column(name = "sla_changed_at")
	private Instant slaChangedAt;

	@Column(name = "response_due_at")
	private Instant responseDueAt;

	@Column(name = "resolution_due_at")
	private Instant resolutionDueAt;

	@Column(name = "sla_due_at")
	private Instant slaDueAt;

	/**
	 * The due time as lists sort and filter by it: the earliest due time, or for a case without one (no target
	 * running) a time beyond every due time, so that "due later than now or not at all" is one range of an index.
	 */
	@Column(name = "sla_order_at", nullable = false)
	private Instant slaOrderAt = NO_DUE;

	@Column(name = "sla_warning_at")
	private Instant slaWarningAt;

	@Column(name = "sla_breached", nullable = false)
	private boolean slaBreached;

	@Enumerated(EnumType.STRING)
	@Column(name = "sla_held_state")
	private SlaState slaHeldState;

	@Column(name = "escalation_level", nullable = false)
	private int escalationLevel;

	@Column(name = "next_escalation_at")
	private Instant nextEscalationAt;

	/** The SLA events that escalated the case, as the bits of {@link SlaEvent}. */
	@Column(nullable = false)
	private int escalations;

	@Column(name = "is_open", nullable = false)
	private boolean open;

	protected SupportCase() {
	}

	private SupportCase(String number, UUID owner, UUID queue, boolean taken) {
		super(owner, queue);
		this.number = number;
		this.taken = taken;
		this.status = CaseStatus.NEW;
		this.open = true;
	}

	/**
	 * A new case, in its queue (a team), taken by its owner or waiting there for an agent to take it; its SLA starts
	 * when the service applies a policy.
	 */
	static SupportCase open(String number, Details details, UUID owner, UUID queue, boolean taken) {
		SupportCase opened = new SupportCase(number, owner, queue, taken);
		opened.apply(details);
		return opened;
	}

	/** New details; a case that is closed no longer changes. */
	void revise(Details details) {
		if (status == CaseStatus.CLOSED) {
			throw new RuleBroken("support.case.closed", "A closed case no longer changes; reopen it first");
		}
		apply(details);
	}

	private void apply(Details details) {
		String trimmedSubject = details.subject() == null ? "" : details.subject().strip();
		if (trimmedSubject.isEmpty() || trimmedSubject.length() > MAX_SUBJECT) {
			throw new InvalidField("subject", "support.case.subject", "Give the case a subject of up to {0} characters",
					MAX_SUBJECT);
		}
		if (details.accountId() == null && details.leadId() == null) {
			throw new InvalidField("accountId", "validation.account.unknown", "A case needs an account or a lead");
		}
		if (details.accountId() != null && details.leadId() != null) {
			throw new InvalidField("leadId", "support.case.accountOrLead",
					"A case is for an account or for a lead, not both");
		}
		if (details.leadId() != null && details.contactId() != null) {
			throw new InvalidField("contactId", "support.case.leadContact",
					"A lead's case has no contact; it gets one when the lead is converted");
		}
		if (details.leadId() != null && details.contractId() != null) {
			throw new InvalidField("contractId", "support.case.leadContract", "A lead's case has no contract");
		}
		if (details.priority() == null) {
			throw new InvalidField("priority", "validation.required", "Choose a priority");
		}
		if (details.channel() == null) {
			throw new InvalidField("channel", "validation.required", "Choose a channel");
		}
		String text = blankToNull(details.description());
		if (text != null && text.length() > MAX_DESCRIPTION) {
			throw new InvalidField("description", "support.case.description",
					"A description has up to {0} characters", MAX_DESCRIPTION);
		}
		String trimmedCategory = blankToNull(details.category());
		if (trimmedCategory != null && trimmedCategory.length() > MAX_CATEGORY) {
			throw new InvalidField("category", "support.case.category", "A category has up to {0} characters",
					MAX_CATEGORY);
		}
		this.accountId = details.accountId();
		this.leadId = details.leadId();
		this.contactId = details.contactId();
		this.contractId = details.contractId();
		this.subject = trimmedSubject;
		this.description = text;
		this.priority = details.priority();
		this.channel = details.channel();
		this.category = trimmedCategory;
	}

	/**
	 * Holds the case to a policy's targets in the calendar's hours. The first policy starts both clocks at the case's
	 * opening; a later one keeps the business time used and measures it against the new targets.
	 */
	void holdTo(SlaPolicy policy, BusinessHours hours, Instant opened, Instant now) {
		if (policy == null) {
			if (policyId != null) {
				this.policyId = null;
				clearClocks();
			}
			return;
		}
		boolean first = responseTargetMinutes == null;
		this.policyId = policy.getId();
		this.calendarId = policy.getCalendarId();
		this.responseTargetMinutes = policy.getFirstResponseMinutes();
		this.resolutionTargetMinutes = policy.getResolutionMinutes();
		this.warningPercent = policy.getWarningPercent();
		if (first) {
			SlaClock response = SlaClock.start(hours, policy.firstResponseTarget(), warningPercent, opened);
			SlaClock resolution = SlaClock.start(hours, policy.resolutionTarget(), warningPercent, opened);
			if (firstResponseAt != null) {
				response = response.stop(later(opened, firstResponseAt));
			}
			if (status == CaseStatus.WAITING_ON_CUSTOMER) {
				response = response.pause(later(opened, now));
				resolution = resolution.pause(later(opened, now));
			}
			if (!open) {
				response = response.stop(later(opened, now));
				resolution = resolution.stop(later(opened, now));
			}
			keep(response, resolution, now);
		}
		else {
			keep(response(hours), resolution(hours), now);
		}
	}

	/** Announces the case's opening, once it is saved. */
	void announceOpened(Instant at) {
		registerEvent(new org.rapport.support.CaseOpened(id(), account(), number,
				new org.rapport.identity.UserId(getOwnerId()), team(), at));
	}

	private void announce(CaseStatus from, Instant at) {
		registerEvent(new org.rapport.support.CaseStatusChanged(id(), account(),
				number, from.name(), status.name(), new org.rapport.identity.UserId(getOwnerId()), team(), at));
	}

	/**
	 * Takes the events the case registered since it was read, which saving it would otherwise publish one by one: the
	 * escalation sweep publishes a batch's together.
	 */
	java.util.List<Object> takeEvents() {
		java.util.List<Object> taken = java.util.List.copyOf(domainEvents());
		clearDomainEvents();
		return taken;
	}

	/** The account the case is for; {@code null} for a lead's case. */
	private org.rapport.customers.AccountId account() {
		return accountId == null ? null : new org.rapport.customers.AccountId(accountId);
	}

	/**
	 * The lead the case was for became a contact of an account: the case is theirs from now on, whatever its status.
	 */
	void requesterConverted(UUID account, UUID contact) {
		this.accountId = java.util.Objects.requireNonNull(account, "account");
		this.contactId = contact;
		this.leadId = null;
		this.contractId = null;
	}

	private org.rapport.identity.TeamId team() {
		return getTeamId() == null ? null : new org.rapport.identity.TeamId(getTeamId());
	}

	private static Instant later(Instant a, Instant b) {
		return b.isBefore(a) ? a : b;
	}

	/** Moves the case to a status it may move to from its own; resolving or closing needs a resolution. */
	void moveTo(CaseStatus to, String givenResolution, BusinessHours hours, Instant now) {
		if (to == null) {
			throw new InvalidField("status", "validation.required", "Choose a status");
		}
		if (to == status) {
			return;
		}
		if (!status.canMoveTo(to)) {
			throw new RuleBroken("support.case.move", "A case that is {0} cannot move to {1}", status, to);
		}
		String text = blankToNull(givenResolution);
		if (text != null && text.length() > MAX_RESOLUTION) {
			throw new InvalidField("resolution", "support.case.resolutionLength", "A resolution has up to {0} characters",
					MAX_RESOLUTION);
		}
		if ((to == CaseStatus.RESOLVED || to == CaseStatus.CLOSED) && text == null && resolution == null) {
			throw new InvalidField("resolution", "support.case.resolution",
					"Say how the case was resolved before resolving or closing it");
		}
		if (text != null) {
			this.resolution = text;
		}
		SlaClock response = hours == null ? null : response(hours);
		SlaClock resolving = hours == null ? null : resolution(hours);
		CaseStatus from = status;
		this.status = to;
		announce(from, now);
		if (to == CaseStatus.RESOLVED || to == CaseStatus.CLOSED) {
			if (resolvedAt == null) {
				this.resolvedAt = now;
			}
			if (to == CaseStatus.CLOSED) {
				this.closedAt = now;
			}
			this.open = false;
			if (response != null) {
				response = response.stop(now);
				resolving = resolving.stop(now);
			}
		}
		else if (to == CaseStatus.REOPENED) {
			this.resolvedAt = null;
			this.closedAt = null;
			this.open = true;
			if (resolving != null) {
				// the resolution target runs on from the business time it had used
				resolving = SlaClock.restore(hours, resolving.target(), resolving.warningPercent(), resolving.used(now),
						now, null, now);
			}
		}
		else if (to == CaseStatus.WAITING_ON_CUSTOMER) {
			if (response != null) {
				response = response.pause(now);
				resolving = resolving.pause(now);
			}
		}
		else if (from == CaseStatus.WAITING_ON_CUSTOMER && response != null) {
			response = response.resume(now);
			resolving = resolving.resume(now);
		}
		if (response != null) {
			keep(response, resolving, now);
		}
	}

	/**
	 * An agent's public answer: the first is the case's first response, which stops that clock; a new case is in
	 * progress from then.
	 */
	void answered(BusinessHours hours, Instant now) {
		if (firstResponseAt == null) {
			this.firstResponseAt = now;
			if (hours != null) {
				keep(response(hours).stop(now), resolution(hours), now);
			}
		}
		if (status == CaseStatus.NEW) {
			this.status = CaseStatus.IN_PROGRESS;
			announce(CaseStatus.NEW, now);
		}
	}

	/**
	 * The customer's reply: a case waiting on them is in progress again and its clocks run on; a resolved case
	 * reopens.
	 */
	void customerReplied(BusinessHours hours, Instant now) {
		if (status == CaseStatus.WAITING_ON_CUSTOMER) {
			moveTo(CaseStatus.IN_PROGRESS, null, hours, now);
		}
		else if (status == CaseStatus.RESOLVED) {
			moveTo(CaseStatus.REOPENED, null, hours, now);
		}
	}

	/** An agent takes the case from its queue. */
	void take(UUID agent, UUID agentTeam) {
		if (!open) {
			throw new RuleBroken("support.case.takeClosed", "Only an open case is taken");
		}
		assignOwner(agent, getTeamId() == null ? agentTeam : getTeamId());
		this.taken = true;
	}

	/**
	 * Moves an open case to another team's queue, where it waits for an agent of that team to take it; its owner stays
	 * until then. Moving it to the queue it is in changes nothing.
	 */
	void moveToQueue(UUID queue) {
		if (!open) {
			throw new RuleBroken("support.case.queueClosed", "Only an open case moves to another queue");
		}
		if (queue.equals(getTeamId())) {
			return;
		}
		assignOwner(getOwnerId(), queue);
		this.taken = false;
	}

	/** Hands the case to an agent, in a queue; {@code taken} says whether the agent has it or it waits in the queue. */
	void assign(UUID owner, UUID queue, boolean taken) {
		assignOwner(owner, queue);
		this.taken = taken;
	}

	private SlaClock response(BusinessHours hours) {
		return SlaClock.restore(hours, Duration.ofMinutes(responseTargetMinutes), warningPercent,
				Duration.ofSeconds(responseUsedSeconds), responseRunningSince, responseStoppedAt, slaChangedAt);
	}

	private SlaClock resolution(BusinessHours hours) {
		return SlaClock.restore(hours, Duration.ofMinutes(resolutionTargetMinutes), warningPercent,
				Duration.ofSeconds(resolutionUsedSeconds), resolutionRunningSince, resolutionStoppedAt, slaChangedAt);
	}

	/** The two clocks as they stand, or empty where the case is held to no policy. */
	Optional<Clocks> clocks(BusinessHours hours) {
		return responseTargetMinutes == null || hours == null ? Optional.empty()
				: Optional.of(new Clocks(response(hours), resolution(hours)));
	}

	/** The first-response and resolution clocks of a case. */
	public record Clocks(SlaClock response, SlaClock resolution) {
	}

	private void keep(SlaClock response, SlaClock resolution, Instant now) {
		this.responseUsedSeconds = response.usedBefore().getSeconds();
		this.responseRunningSince = response.runningSince();
		this.responseStoppedAt = response.stoppedAt();
		this.resolutionUsedSeconds = resolution.usedBefore().getSeconds();
		this.resolutionRunningSince = resolution.runningSince();
		this.resolutionStoppedAt = resolution.stoppedAt();
		Instant last = response.lastChange().isAfter(resolution.lastChange()) ? response.lastChange()
				: resolution.lastChange();
		this.slaChangedAt = last;
		this.responseDueAt = response.due().orElse(null);
		this.resolutionDueAt = resolution.due().orElse(null);
		this.slaDueAt = earliest(responseDueAt, resolutionDueAt);
		this.slaOrderAt = slaDueAt == null ? NO_DUE : slaDueAt;
		this.slaWarningAt = earliest(response.warningAt().orElse(null), resolution.warningAt().orElse(null));
		SlaState held = null;
		for (SlaClock clock : new SlaClock[] { response, resolution }) {
			if (!clock.running()) {
				held = SlaState.of(clock.state(now)).worse(held);
			}
		}
		this.slaHeldState = held;
		this.slaBreached = held == SlaState.BREACHED || (slaDueAt != null && !slaDueAt.isAfter(now));
		this.nextEscalationAt = pending(response, resolution).stream()
			.map(Pending::at)
			.min(Instant::compareTo)
			.orElse(null);
	}

	/** The SLA events of the running targets that have not escalated the case yet, earliest first. */
	private java.util.List<Pending> pending(SlaClock response, SlaClock resolution) {
		java.util.List<Pending> events = new java.util.ArrayList<>();
		if (open) {
			response.warningAt().ifPresent(at -> events.add(new Pending(SlaEvent.RESPONSE_WARNING, at)));
			response.due().ifPresent(at -> events.add(new Pending(SlaEvent.RESPONSE_BREACH, at)));
			resolution.warningAt().ifPresent(at -> events.add(new Pending(SlaEvent.RESOLUTION_WARNING, at)));
			resolution.due().ifPresent(at -> events.add(new Pending(SlaEvent.RESOLUTION_BREACH, at)));
		}
		events.removeIf(event -> (escalations & event.event().bit()) != 0);
		events.sort(java.util.Comparator.comparing(Pending::at).thenComparing(Pending::event));
		return events;
	}

	/** An SLA event of a case and when it falls. */
	record Pending(SlaEvent event, Instant at) {
	}

	/** The SLA events due by {@code now} that have not escalated the case yet, earliest first. */
	java.util.List<Pending> dueEvents(BusinessHours hours, Instant now) {
		if (responseTargetMinutes == null || hours == null) {
			return java.util.List.of();
		}
		return pending(response(hours), resolution(hours)).stream().filter(event -> !event.at().isAfter(now)).toList();
	}

	/**
	 * Escalates the case one level for an SLA event, at most to {@link #MAX_LEVEL}: a breach marks it breached and,
	 * from the second level, escalated; the priority goes up one step where the policy says so; at the last level a
	 * case moves to the escalation queue, if the policy names one, to wait there for an agent. Answers the level.
	 */
	int escalate(SlaEvent event, boolean raisePriority, UUID escalationQueue, BusinessHours hours, Instant now) {
		this.escalations |= event.bit();
		this.escalationLevel = Math.min(MAX_LEVEL, escalationLevel + 1);
		CaseStatus before = status;
		if (event.breach()) {
			this.slaBreached = true;
		}
		if (raisePriority) {
			this.priority = priority.raised();
		}
		if (escalationLevel >= 2 && status.canMoveTo(CaseStatus.ESCALATED) && status != CaseStatus.WAITING_ON_CUSTOMER) {
			this.status = CaseStatus.ESCALATED;
			announce(before, now);
		}
		if (escalationLevel == MAX_LEVEL && escalationQueue != null && !escalationQueue.equals(getTeamId())) {
			assignOwner(getOwnerId(), escalationQueue);
			this.taken = false;
		}
		if (hours != null && responseTargetMinutes != null) {
			keep(response(hours), resolution(hours), now);
		}
		registerEvent(new org.rapport.support.CaseEscalated(id(), account(), number,
				escalationLevel, new org.rapport.identity.UserId(getOwnerId()), team(), now));
		return escalationLevel;
	}

	/** Where a case without a due time sorts among due times: after all of them. */
	static final Instant NO_DUE = Instant.parse("9999-12-31T00:00:00Z");

	/** The highest level of escalation: notify the owner, then the queue's managers, then the escalation queue. */
	public static final int MAX_LEVEL = 3;

	private void clearClocks() {
		this.calendarId = null;
		this.responseTargetMinutes = null;
		this.resolutionTargetMinutes = null;
		this.warningPercent = null;
		this.responseUsedSeconds = null;
		this.responseRunningSince = null;
		this.responseStoppedAt = null;
		this.resolutionUsedSeconds = null;
		this.resolutionRunningSince = null;
		this.resolutionStoppedAt = null;
		this.slaChangedAt = null;
		this.responseDueAt = null;
		this.resolutionDueAt = null;
		this.slaDueAt = null;
		this.slaOrderAt = NO_DUE;
		this.slaWarningAt = null;
		this.slaHeldState = null;
		this.slaBreached = false;
		this.nextEscalationAt = null;
	}

	private static Instant earliest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return b == null || a.isBefore(b) ? a : b;
	}

	/**
	 * The case's SLA state at {@code now}, from what it keeps: the worst of the stopped or paused targets and of the
	 * running ones by their due and warning times; empty when no policy holds it.
	 */
	public Optional<SlaState> slaState(Instant now) {
		if (responseTargetMinutes == null) {
			return Optional.empty();
		}
		SlaState state = slaHeldState;
		if (slaDueAt != null && !slaDueAt.isAfter(now)) {
			state = SlaState.BREACHED.worse(state);
		}
		else if (slaWarningAt != null && !slaWarningAt.isAfter(now)) {
			state = SlaState.AT_RISK.worse(state);
		}
		else if (slaWarningAt != null) {
			state = SlaState.ON_TRACK.worse(state);
		}
		return Optional.ofNullable(state);
	}

	public CaseId id() {
		return new CaseId(getId());
	}

	public String getNumber() {
		return number;
	}

	public UUID getAccountId() {
		return accountId;
	}

	public UUID getLeadId() {
		return leadId;
	}

	/** Whether a lead asked, rather than an account. */
	public boolean isForLead() {
		return leadId != null;
	}

	public UUID getContactId() {
		return contactId;
	}

	public UUID getContractId() {
		return contractId;
	}

	public String getSubject() {
		return subject;
	}

	public String getDescription() {
		return description;
	}

	public CasePriority getPriority() {
		return priority;
	}

	public CaseStatus getStatus() {
		return status;
	}

	public CaseChannel getChannel() {
		return channel;
	}

	public String getCategory() {
		return category;
	}

	public boolean isTaken() {
		return taken;
	}

	public String getResolution() {
		return resolution;
	}

	public Instant getFirstResponseAt() {
		return firstResponseAt;
	}

	public Instant getResolvedAt() {
		return resolvedAt;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public UUID getPolicyId() {
		return policyId;
	}

	public UUID getCalendarId() {
		return calendarId;
	}

	public Instant getResponseDueAt() {
		return responseDueAt;
	}

	public Instant getResolutionDueAt() {
		return resolutionDueAt;
	}

	public Instant getSlaDueAt() {
		return slaDueAt;
	}

	public Instant getSlaWarningAt() {
		return slaWarningAt;
	}

	public boolean isSlaBreached() {
		return slaBreached;
	}

	public int getEscalationLevel() {
		return escalationLevel;
	}

	public Instant getNextEscalationAt() {
		return nextEscalationAt;
	}

	public boolean isOpen() {
		return open;
	}

	/** What the global search calls this kind of record; it filters and counts by it. */
	@KeywordField(name = "kind", aggregable = Aggregable.YES)
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public String getSearchKind() {
		return CaseId.TYPE;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/**
	 * What an agent, the API or the public form says about a case: for an account (with a contact and a contract of
	 * it, if any) or for a lead, never both.
	 */
	public record Details(UUID accountId, UUID contactId, UUID contractId, String subject, String description,
			CasePriority priority, CaseChannel channel, String category, UUID leadId) {

		/** The details of an account's case. */
		public Details(UUID accountId, UUID contactId, UUID contractId, String subject, String description,
				CasePriority priority, CaseChannel channel, String category) {
			this(accountId, contactId, contractId, subject, description, priority, channel, category, null);
		}
	}
}
