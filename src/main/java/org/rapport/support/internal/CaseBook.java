package org.rapport.support.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.rapport.customers.AccountFacts;
import org.rapport.customers.AccountId;
import org.rapport.customers.ContactId;
import org.rapport.customers.Customers;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.identity.VisibleQuery;
import org.rapport.sales.ContractId;
import org.rapport.sales.LeadId;
import org.rapport.sales.SalesRecord;
import org.rapport.sales.SalesRecords;
import org.rapport.sales.ServiceContracts;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RecordRef;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists, opens, changes, moves and answers support cases within what the acting user may see, and holds each case to
 * the SLA policy that matches it: when it opens, and again when its priority, account or contract changes.
 */
@Service
@Transactional(readOnly = true)
public class CaseBook {

	/** The name of cases among the kinds of record that take custom fields. */
	public static final String ENTITY = "case";

	/** The orders the case list offers: newest first by default, by number, or the earliest SLA due time first. */
	public static final SortWhitelist SORTS = SortWhitelist
		.defaultingTo("created", Sort.Direction.DESC, "c.createdAt", "c.id")
		.with("number", "c.number")
		// the due time, a case without one after all that have one
		.with("due", "c.slaOrderAt", "c.id");

	private final Cases cases;
	private final CaseComments comments;
	private final ServiceLevels levels;
	private final Customers customers;
	private final AccountFacts accounts;
	private final SalesRecords sales;
	private final CustomFields customFields;
	private final EntityManager em;
	private final Clock clock;
	private final CaseReplies replies;
	private final org.rapport.identity.UserDirectory directory;
	private final ServiceContracts serviceContracts;

	CaseBook(Cases cases, CaseComments comments, ServiceLevels levels, Customers customers, AccountFacts accounts,
			SalesRecords sales, CustomFields customFields, EntityManager em, Clock clock, CaseReplies replies,
			org.rapport.identity.UserDirectory directory, ServiceContracts serviceContracts) {
		this.serviceContracts = serviceContracts;
		this.replies = replies;
		this.directory = directory;
		this.cases = cases;
		this.comments = comments;
		this.levels = levels;
		this.customers = customers;
		this.accounts = accounts;
		this.sales = sales;
		this.customFields = customFields;
		this.em = em;
		this.clock = clock;
	}

	public Instant now() {
		return clock.instant();
	}

	/**
	 * The order a list asks for, or where it asks for none and shows the cases at risk, on track or breached, the
	 * earliest due first: those whose time runs out soonest, or ran out longest ago.
	 */
	public static String sortOrDefault(String sort, SlaState sla) {
		if (sort != null && !sort.isBlank()) {
			return sort;
		}
		return sla == null || sla == SlaState.MET ? null : "due,asc";
	}

	/** The orders of the list with these custom fields. */
	public static SortWhitelist sorts(CustomFieldQuery custom) {
		return custom.sortable(SORTS, "c");
	}

	/** A page of the visible cases that match the filter and the custom-field filters, in the chosen order. */
	public ResultPage<SupportCase> list(Actor actor, CaseFilter filter, Sort sort, CustomFieldQuery custom, int page,
			int size) {
		return custom.applyTo(query(actor, filter), "c")
			.page(em, SupportCase.class, null, sorts(custom).orderBy(sort), page, size);
	}

	/** Hands every visible case that matches to the action, in list order, for an export. */
	public void forEach(Actor actor, CaseFilter filter, Sort sort, CustomFieldQuery custom,
			Consumer<SupportCase> action) {
		custom.applyTo(query(actor, filter), "c").forEach(em, SupportCase.class, null, sorts(custom).orderBy(sort),
				action);
	}

	private VisibleQuery query(Actor actor, CaseFilter filter) {
		VisibleQuery query = new VisibleQuery("SupportCase", "c", actor)
			.where("c.accountId = :account", "account", filter.account())
			.where("c.leadId = :lead", "lead", filter.lead())
			.where("c.status = :status", "status", filter.status())
			.where("c.priority = :priority", "priority", filter.priority())
			.where("c.teamId = :queue", "queue", filter.queue())
			.where("c.ownerId = :owner", "owner", filter.owner())
			.where("c.open = :open", "open", filter.open());
		if (filter.sla() == SlaState.MET) {
			query.where(slaCondition(filter.sla()));
		}
		else if (filter.sla() != null) {
			query.where(slaCondition(filter.sla()), "now", now());
		}
		return query;
	}

	/**
	 * The condition of a case in the SLA state now: the worst of its stopped or paused targets (held) and of its
	 * running ones (by their earliest due and warning times).
	 */
	static String slaCondition(SlaState state) {
		String held = "c.slaHeldState";
		return switch (state) {
			case BREACHED -> "(c.slaBreached = true or c.slaDueAt <= :now)";
			// only an open case has a target running, and a case held at risk has both paused (so no due time): said
			// so, "due later than now or not at all" is one range of the open cases by due time
			case AT_RISK -> "(c.open = true and c.slaBreached = false and c.slaOrderAt > :now and ("
					+ "c.slaWarningAt <= :now or " + held + " = org.rapport.support.internal.SlaState.AT_RISK))";
			case ON_TRACK -> "(c.open = true and c.slaBreached = false and (" + held + " is null or " + held
					+ " <> org.rapport.support.internal.SlaState.AT_RISK) and (c.slaWarningAt > :now or (" + held
					+ " = org.rapport.support.internal.SlaState.ON_TRACK and c.slaWarningAt is null)))";
			// every target stopped in time: nothing that the time of reading changes
			case MET -> "(" + held + " = org.rapport.support.internal.SlaState.MET and c.slaWarningAt is null and "
					+ "c.slaBreached = false)";
		};
	}

	/** The order of a queue and of one's own open cases: the earliest due first, those without a due time last. */
	private static final String DUE_FIRST = "c.slaDueAt asc nulls last, c.id";

	/**
	 * A team's queue: its open cases that nobody has taken, the earliest due first (those without a due time last),
	 * then the oldest.
	 */
	public ResultPage<SupportCase> queue(Actor actor, TeamId team, int page, int size) {
		return queued(actor, team).page(em, SupportCase.class, null, DUE_FIRST, page, size);
	}

	/** The first cases of a team's queue, without counting the rest. */
	public List<SupportCase> queueHead(Actor actor, TeamId team, int limit) {
		return queued(actor, team).list(em, SupportCase.class, null, DUE_FIRST, limit);
	}

	private VisibleQuery queued(Actor actor, TeamId team) {
		return new VisibleQuery("SupportCase", "c", actor).where("c.teamId = :queue", "queue", team.value())
			.where("c.open = true")
			.where("c.taken = false");
	}

	/** The actor's own open cases, the earliest due first. */
	public ResultPage<SupportCase> mine(Actor actor, int page, int size) {
		return taken(actor).page(em, SupportCase.class, null, DUE_FIRST, page, size);
	}

	/** The actor's first own open cases, without counting the rest. */
	public List<SupportCase> mineHead(Actor actor, int limit) {
		return taken(actor).list(em, SupportCase.class, null, DUE_FIRST, limit);
	}

	private VisibleQuery taken(Actor actor) {
		return new VisibleQuery("SupportCase", "c", actor).where("c.ownerId = :me", "me", actor.id().value())
			.where("c.open = true")
			.where("c.taken = true");
	}

	/** The case, if it exists and the actor may see it; otherwise it is not found. */
	public SupportCase get(Actor actor, UUID id) {
		return cases.findById(id)
			.filter(found -> actor.canSee(new UserId(found.getOwnerId()), team(found.getTeamId())))
			.orElseThrow(() -> new RecordNotFound("support.case.notFound", "No case " + id, id));
	}

	/**
	 * Opens a case for an account the actor sees, in a queue (the actor's team when none is given); the actor takes it
	 * at once or leaves it in the queue. The matching policy sets its SLA targets from now.
	 */
	@Transactional
	public SupportCase create(Actor actor, SupportCase.Details details, Map<String, ?> custom, UUID queue,
			boolean take) {
		return create(actor, details, custom, queue, take, now());
	}

	/** Opens a case as of {@code at}, from when its SLA counts; the demo data opens cases of the past so. */
	@Transactional
	SupportCase create(Actor actor, SupportCase.Details details, Map<String, ?> custom, UUID queue, boolean take,
			Instant at) {
		SupportCase.Details checked = checked(actor, details);
		if (queue != null && directory.findTeam(new TeamId(queue)).isEmpty()) {
			throw new InvalidField("queueId", "validation.team.unknown", "There is no such team.");
		}
		UUID team = queue != null ? queue : actor.team() == null ? null : actor.team().value();
		SupportCase opened = SupportCase.open(nextNumber(), checked, actor.id().value(), team, take);
		opened.changeCustomFields(customFields.merge(ENTITY, Map.of(), custom, true));
		holdToPolicy(opened, at, at);
		opened.announceOpened(at);
		return cases.saveAndFlush(opened);
	}

	/** Changes a case's details; custom field values not given ({@code null} for none) stay as they are. */
	@Transactional
	public SupportCase update(Actor actor, UUID id, long expectedVersion, SupportCase.Details details,
			Map<String, ?> custom) {
		SupportCase found = current(actor, id, expectedVersion);
		CasePriority before = found.getPriority();
		UUID accountBefore = found.getAccountId();
		UUID contractBefore = found.getContractId();
		found.revise(checked(actor, details));
		if (custom != null) {
			found.changeCustomFields(customFields.merge(ENTITY, found.getCustomFields(), custom, false));
		}
		if (before != found.getPriority() || !Objects.equals(accountBefore, found.getAccountId())
				|| !Objects.equals(contractBefore, found.getContractId())) {
			holdToPolicy(found, found.getCreatedAt(), now());
		}
		return cases.saveAndFlush(found);
	}

	/** Moves a case to another status; resolving or closing needs a resolution. */
	@Transactional
	public SupportCase move(Actor actor, UUID id, long expectedVersion, CaseStatus to, String resolution) {
		return move(current(actor, id, expectedVersion), to, resolution, now());
	}

	/** Moves a case as of {@code at}. */
	@Transactional
	SupportCase move(SupportCase found, CaseStatus to, String resolution, Instant at) {
		found.moveTo(to, resolution, hours(found).orElse(null), at);
		return cases.saveAndFlush(found);
	}

	/**
	 * The lead became a contact of an account: its cases move to the account and the contact, and the open ones are
	 * held to the policy that matches them now, with the business time already used.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	List<UUID> leadConverted(LeadId lead, AccountId account, ContactId contact) {
		Instant now = now();
		List<UUID> moved = new java.util.ArrayList<>();
		for (SupportCase found : cases.findByLeadId(lead.value())) {
			moved.add(found.getId());
			found.requesterConverted(account.value(), contact == null ? null : contact.value());
			if (found.isOpen()) {
				holdToPolicy(found, found.getCreatedAt(), now);
			}
			cases.save(found);
		}
		cases.flush();
		return moved;
	}

	/**
	 * The contract promises another service level: its open cases are held to the policy that matches them now,
	 * with the business time already used.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	void contractServiceLevelChanged(ContractId contract) {
		Instant now = now();
		for (SupportCase found : cases.openUnderContract(contract.value())) {
			holdToPolicy(found, found.getCreatedAt(), now);
			cases.save(found);
		}
		cases.flush();
	}

	/** The actor takes an open case from its queue. */
	@Transactional
	public SupportCase take(Actor actor, UUID id, long expectedVersion) {
		SupportCase found = current(actor, id, expectedVersion);
		found.take(actor.id().value(), actor.team() == null ? null : actor.team().value());
		return cases.saveAndFlush(found);
	}

	/**
	 * Moves an open case to another team's queue, untaken there; whoever may manage the case, or a member of the team
	 * it moves to, moves it.
	 */
	@Transactional
	public SupportCase moveToQueue(Actor actor, UUID id, long expectedVersion, UUID teamId) {
		SupportCase found = current(actor, id, expectedVersion);
		if (teamId == null || directory.findTeam(new TeamId(teamId)).isEmpty()) {
			throw new InvalidField("teamId", "validation.team.unknown", "There is no such team.");
		}
		boolean joinsOwnTeam = actor.team() != null && actor.team().value().equals(teamId);
		if (!joinsOwnTeam && !actor.canManage(new UserId(found.getOwnerId()), team(found.getTeamId()))) {
			throw new NotPermitted("support.case.moveQueue",
					"Only the case's owner, a manager of its team or a member of the team it moves to moves a case");
		}
		found.moveToQueue(teamId);
		return cases.saveAndFlush(found);
	}

	/**
	 * An agent's comment. A public one is the case's first response if it is the first, moves a new case to In
	 * progress, and is e-mailed to the case's contact.
	 */
	@Transactional
	public CaseComment comment(Actor actor, UUID id, boolean publicReply, String body) {
		SupportCase found = get(actor, id);
		CaseComment comment = comment(actor, found, publicReply, body, now());
		if (publicReply) {
			replies.send(actor, found, comment);
		}
		return comment;
	}

	/** An agent's comment as of {@code at}, e-mailed to nobody. */
	@Transactional
	CaseComment comment(Actor actor, SupportCase found, boolean publicReply, String body, Instant at) {
		CaseComment comment = comments.save(CaseComment.byAgent(found.getId(), actor.id().value(), publicReply, body,
				at));
		if (publicReply) {
			found.answered(hours(found).orElse(null), at);
			cases.saveAndFlush(found);
		}
		return comment;
	}

	/**
	 * The customer's reply from their address, as a public comment: a case waiting on them is in progress again and
	 * its clocks run on.
	 */
	@Transactional
	public CaseComment customerReplied(UUID id, String email, String body, String messageId, Instant at) {
		SupportCase found = cases.findById(id)
			.orElseThrow(() -> new RecordNotFound("support.case.notFound", "No case " + id, id));
		CaseComment reply = comments.save(CaseComment.byCustomer(found.getId(), email, body, messageId, at));
		found.customerReplied(hours(found).orElse(null), at);
		cases.saveAndFlush(found);
		return reply;
	}

	/** A case's comments, oldest first; only for those who may see the case. */
	public List<CaseComment> commentsOf(Actor actor, UUID id) {
		get(actor, id);
		return comments.ofCase(id);
	}

	/** The case's SLA clocks as they stand, when a policy holds it and its calendar still exists. */
	public Optional<SupportCase.Clocks> clocksOf(SupportCase found) {
		return hours(found).flatMap(found::clocks);
	}

	/** The latest cases of an account that the actor may see, open ones first. */
	public List<SupportCase> casesOf(Actor actor, AccountId account, int limit) {
		return query(actor, new CaseFilter(account.value(), null, null, null, null, null, null))
			.list(em, SupportCase.class, null, "c.open desc, c.createdAt desc, c.id desc", limit);
	}

	/** The latest cases of a lead that the actor may see, open ones first, at most {@code limit}. */
	public List<SupportCase> casesOfLead(Actor actor, LeadId lead, int limit) {
		return query(actor, new CaseFilter(null, null, null, null, null, null, null, lead.value()))
			.list(em, SupportCase.class, null, "c.open desc, c.createdAt desc, c.id desc", limit);
	}

	/** How many cases an account has, open and in all, and the share of those held to a policy within it. */
	public AccountCases countsOf(AccountId account) {
		Object[] row = cases.countsOf(account.value()).get(0);
		return new AccountCases(number(row[0]), number(row[1]), number(row[2]), number(row[3]));
	}

	/** An account's cases in figures. */
	public record AccountCases(long total, long open, long withSla, long withinSla) {

		/** The share of the cases held to a policy that met every target, from 0 to 100; empty without any. */
		public Optional<Integer> withinSlaPercent() {
			return withSla == 0 ? Optional.empty() : Optional.of((int) Math.round(100.0 * withinSla / withSla));
		}
	}

	private static long number(Object value) {
		return value == null ? 0 : ((Number) value).longValue();
	}

	private void holdToPolicy(SupportCase found, Instant opened, Instant now) {
		// a lead's case has no account, and so no tier that a policy might match
		Map<String, Object> fields = found.getAccountId() == null ? Map.of() : Optional
			.ofNullable(accounts.of(List.of(new AccountId(found.getAccountId()))).get(new AccountId(found.getAccountId())))
			.map(AccountFacts.AccountFact::customFields)
			.orElse(Map.of());
		String serviceLevel = found.getContractId() == null ? null
				: serviceContracts.serviceLevel(new ContractId(found.getContractId())).orElse(null);
		SlaPolicy policy = levels.policyFor(found.getPriority(), fields, serviceLevel).orElse(null);
		BusinessHours hours = policy == null ? null : levels.hours(policy.getCalendarId()).orElse(null);
		found.holdTo(hours == null ? null : policy, hours, opened, now);
	}

	private Optional<BusinessHours> hours(SupportCase found) {
		return levels.hours(found.getCalendarId());
	}

	/**
	 * The details with the account, contact and contract checked against what the actor sees, or the lead: one the
	 * actor sees that is not converted yet. A case is for an account or for a lead, never both.
	 */
	private SupportCase.Details checked(Actor actor, SupportCase.Details details) {
		if (details.leadId() != null && details.accountId() != null) {
			throw new InvalidField("leadId", "support.case.accountOrLead",
					"A case is for an account or for a lead, not both");
		}
		if (details.leadId() != null) {
			SalesRecord lead = sales.find(actor, new RecordRef(LeadId.TYPE, details.leadId()))
				.orElseThrow(() -> new InvalidField("leadId", "support.case.lead", "No lead you can see with this id"));
			if (lead.account() != null) {
				throw new InvalidField("leadId", "support.case.leadConverted",
						"The lead was converted; open the case for the account it became");
			}
			return details;
		}
		if (details.accountId() == null || customers.findAccount(actor, new AccountId(details.accountId())).isEmpty()) {
			throw new InvalidField("accountId", "validation.account.unknown", "No account you can see with this id");
		}
		if (details.contactId() != null && !customers.contactAccount(new ContactId(details.contactId()))
			.map(account -> account.value().equals(details.accountId()))
			.orElse(false)) {
			throw new InvalidField("contactId", "support.case.contact", "Choose a contact of the case's account");
		}
		if (details.contractId() != null && !sales.find(actor, new RecordRef(ContractId.TYPE, details.contractId()))
			.filter(contract -> contract.account() != null && contract.account().value().equals(details.accountId()))
			.isPresent()) {
			throw new InvalidField("contractId", "support.case.contract",
					"Choose a contract of the case's account that you can see");
		}
		return details;
	}

	private SupportCase current(Actor actor, UUID id, long expectedVersion) {
		SupportCase found = get(actor, id);
		if (found.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(SupportCase.class, id);
		}
		return found;
	}

	/** The next case number, such as CS-000123. */
	private String nextNumber() {
		Number next = (Number) em.createNativeQuery("select nextval('support_case_number_seq')").getSingleResult();
		return number(next.longValue());
	}

	/** The number of the case that drew this value of the sequence. */
	public static String number(long next) {
		return "CS-%06d".formatted(next);
	}

	private static TeamId team(UUID team) {
		return team == null ? null : new TeamId(team);
	}
}
