package org.rapport.sales.leads.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountSummary;
import org.rapport.customers.AccountType;
import org.rapport.customers.ContactId;
import org.rapport.customers.ContactMatch;
import org.rapport.customers.Customers;
import org.rapport.customers.MatchKeys;
import org.rapport.customers.NewAccount;
import org.rapport.customers.NewContact;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.UserSummary;
import org.rapport.identity.VisibleQuery;
import org.rapport.sales.LeadDependents;
import org.rapport.sales.LeadHolding;
import org.rapport.sales.LeadId;
import org.rapport.sales.NewOpportunity;
import org.rapport.sales.Opportunities;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.shared.ExternalIds;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RecordInUse;
import org.rapport.shared.RecordNotFound;
import org.springframework.beans.factory.ObjectProvider;
import org.rapport.shared.ResultPage;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.SortWhitelist;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists, opens, captures, changes, deletes and converts leads, always within what the acting user may see.
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(LeadProperties.class)
public class LeadService {

	/** How many possible duplicates of each kind an entry shows. */
	static final int DUPLICATE_LIMIT = 10;

	/** The name of leads among the kinds of record that take custom fields. */
	public static final String ENTITY = "lead";

	private final Leads leads;
	private final EntityManager em;
	private final UserDirectory directory;
	private final Customers customers;
	private final LeadProperties properties;
	private final Opportunities opportunities;
	private final CustomFields customFields;
	private final Clock clock;

	/** Asked for when a lead is deleted: the modules that keep records for leads may depend on this service. */
	private final ObjectProvider<LeadDependents> dependents;

	LeadService(Leads leads, EntityManager em, UserDirectory directory, Customers customers,
			LeadProperties properties, Opportunities opportunities, CustomFields customFields, Clock clock,
			ObjectProvider<LeadDependents> dependents) {
		this.dependents = dependents;
		this.clock = clock;
		this.customFields = customFields;
		this.leads = leads;
		this.em = em;
		this.directory = directory;
		this.customers = customers;
		this.properties = properties;
		this.opportunities = opportunities;
	}

	/**
	 * The orders the lead list offers, each served by an index that starts with its paths: last and first name,
	 * creation and last change, each ending in the id.
	 */
	public static final SortWhitelist SORTS = SortWhitelist
		.defaultingTo("name", Sort.Direction.ASC, "l.lastName", "l.firstName", "l.id")
		.with("createdAt", "l.createdAt", "l.id")
		.alias("created", "createdAt")
		.with("updatedAt", "l.updatedAt", "l.id")
		.alias("updated", "updatedAt");

	/** The orders of the list with these custom fields. */
	public static SortWhitelist sorts(CustomFieldQuery custom) {
		return custom.sortable(SORTS, "l");
	}

	public ResultPage<Lead> list(Actor actor, LeadFilter filter, Sort sort, int page, int size) {
		return list(actor, filter, sort, CustomFieldQuery.none(), page, size);
	}

	/** A page of the visible leads that match the filter and the custom-field filters, in the chosen order. */
	public ResultPage<Lead> list(Actor actor, LeadFilter filter, Sort sort, CustomFieldQuery custom,
			int page, int size) {
		return custom.applyTo(query(actor, filter), "l")
			.page(em, Lead.class, null, sorts(custom).orderBy(sort), page, size);
	}

	/** Hands every visible lead that matches to the action, in list order, for an export. */
	public void forEach(Actor actor, LeadFilter filter, Sort sort, CustomFieldQuery custom,
			java.util.function.Consumer<Lead> action) {
		custom.applyTo(query(actor, filter), "l")
			.forEach(em, Lead.class, null, sorts(custom).orderBy(sort), action);
	}

	private VisibleQuery query(Actor actor, LeadFilter filter) {
		return new VisibleQuery("Lead", "l", actor)
			.startingWith(filter.q(), "l.lastName", "l.firstName", "l.company", "l.email")
			.where("l.ownerId = :owner", "owner", filter.owner())
			.where("l.status = :status", "status", filter.status())
			.where("l.rating = :rating", "rating", filter.rating());
	}

	/** The lead, if it exists and the actor may see it; otherwise not found, so that its existence stays hidden. */
	public Lead get(Actor actor, UUID id) {
		return leads.findById(id)
			.filter(lead -> actor.canSee(lead.owner(), lead.team()))
			.orElseThrow(() -> new RecordNotFound("lead.notFound", "No lead " + id, id));
	}

	@Transactional
	public Lead create(Actor actor, LeadDetails details, LeadStatus status, String disqualifiedReason, UserId owner,
			TeamId team) {
		return create(actor, details, status, disqualifiedReason, owner, team, null);
	}

	/** Captures a lead with custom field values, which their definitions check (defaults fill the rest). */
	@Transactional
	public Lead create(Actor actor, LeadDetails details, LeadStatus status, String disqualifiedReason, UserId owner,
			TeamId team, Map<String, ?> custom) {
		requireFreeExternalId(actor, details, null);
		UserId chosenOwner = owner == null ? actor.id() : owner;
		Lead lead = Lead.capture(details, chosenOwner, directory.assign(actor, chosenOwner, team, null, null));
		lead.changeCustomFields(customFields.merge(ENTITY, Map.of(), custom, true));
		moveTo(lead, status, disqualifiedReason);
		return leads.save(lead);
	}

	/** Refuses an external id that another lead holds, as imports refuse it. */
	private void requireFreeExternalId(Actor actor, LeadDetails details, UUID self) {
		ExternalIds.requireFree(details.externalId(), self, leads::findByExternalId,
				other -> actor.canSee(other.owner(), other.team()));
	}

	/** Stores a lead from the public web form, owned by the configured user or else the first administrator. */
	@Transactional
	public Lead captureFromWebForm(LeadDetails details) {
		UserSummary owner = directory.findActiveByUsername(properties.getWebFormOwner())
			.or(directory::firstActiveAdministrator)
			.orElseThrow(() -> RuleBroken.notSetUp("lead.webForm.noOwner",
					"Nobody is there to take web-form leads: set rapport.leads.web-form-owner"));
		return captureFor(details, owner.id(), owner.team());
	}

	/**
	 * Stores a lead that came in by itself (from the web form, or a sender that the service mailbox does not know),
	 * owned by the user in the team, with the default custom field values.
	 */
	@Transactional
	public Lead captureFor(LeadDetails details, UserId owner, TeamId team) {
		Lead lead = Lead.capture(details, owner, team);
		lead.changeCustomFields(customFields.merge(ENTITY, Map.of(), null, true));
		return leads.save(lead);
	}

	@Transactional
	public Lead update(Actor actor, UUID id, long expectedVersion, LeadDetails details, LeadStatus status,
			String disqualifiedReason, UserId owner, TeamId team) {
		return update(actor, id, expectedVersion, details, status, disqualifiedReason, owner, team, null);
	}

	/** Changes a lead; custom field values not given ({@code null} for none) stay as they are. */
	@Transactional
	public Lead update(Actor actor, UUID id, long expectedVersion, LeadDetails details, LeadStatus status,
			String disqualifiedReason, UserId owner, TeamId team, Map<String, ?> custom) {
		Lead lead = get(actor, id);
		if (lead.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Lead.class, id);
		}
		requireFreeExternalId(actor, details, id);
		UserId chosenOwner = owner == null ? lead.owner() : owner;
		TeamId chosenTeam = owner == null && team == null ? lead.team()
				: directory.assign(actor, chosenOwner, team, lead.owner(), lead.team());
		UserId ownerBefore = lead.owner();
		lead.revise(details, chosenOwner, chosenTeam);
		lead.announceOwner(org.rapport.sales.LeadId.TYPE, ownerBefore.value(), actor.id().value());
		if (custom != null) {
			lead.changeCustomFields(customFields.merge(ENTITY, lead.getCustomFields(), custom, false));
		}
		moveTo(lead, status, disqualifiedReason);
		return leads.saveAndFlush(lead);
	}

	@Transactional
	public void delete(Actor actor, UUID id) {
		Lead lead = get(actor, id);
		if (!actor.canManage(lead.owner(), lead.team())) {
			throw new NotPermitted("lead.delete.notPermitted",
					"Only the owner, a manager of its team or an administrator may delete this lead");
		}
		List<LeadHolding> holdings = dependents.orderedStream()
			.flatMap(dependent -> dependent.holdingsOf(new LeadId(id)).stream())
			.filter(holding -> holding.count() > 0)
			.toList();
		if (!holdings.isEmpty()) {
			throw new RecordInUse("lead.delete.kept", lead.getFullName(), holdings,
					"The lead cannot be deleted while other records name it: " + holdings.stream()
						.map(LeadHolding::getDefaultMessage)
						.collect(Collectors.joining(", "))
							+ "; convert it or merge it into another lead instead");
		}
		leads.delete(lead);
	}

	/**
	 * Turns a qualified lead into an account (a new one, or the visible one asked for) with a contact, and an
	 * opportunity when asked for, all or nothing; the lead keeps links to what it became.
	 */
	@Transactional
	public Lead convert(Actor actor, UUID id, Long expectedVersion, LeadConversion conversion) {
		Lead lead = get(actor, id);
		if (expectedVersion != null && lead.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Lead.class, id);
		}
		lead.requireConvertible();
		AccountId account = conversion.existingAccount() == null ? openAccountFor(actor, lead, conversion)
				: customers.findAccount(actor, new AccountId(conversion.existingAccount()))
					.map(AccountSummary::id)
					.orElseThrow(() -> new InvalidField("accountId", "validation.account.unknown",
							"No account with this id"));
		ContactId contact = customers.addContact(actor, new NewContact(account, lead.getFirstName(),
				lead.getLastName(), lead.getTitle(), lead.getEmail(), lead.getPhone(), null,
				carried(lead, "contact")));
		LeadConversion.Opportunity wanted = conversion.opportunity();
		OpportunityId opportunity = wanted == null ? null : opportunities.open(actor,
				new NewOpportunity(account, wanted.name().strip(), null, wanted.amount(), wanted.closeDate(), null,
						carried(lead, "opportunity")));
		lead.convert(account, contact, opportunity, clock.instant());
		return leads.saveAndFlush(lead);
	}

	private AccountId openAccountFor(Actor actor, Lead lead, LeadConversion conversion) {
		String name = conversion.accountName() != null && !conversion.accountName().isBlank()
				? conversion.accountName().strip()
				: lead.getCompany() != null ? lead.getCompany() : lead.getFullName();
		boolean person = lead.getCompany() == null && (conversion.accountName() == null
				|| conversion.accountName().isBlank());
		return customers.openAccount(actor, new NewAccount(name, person ? AccountType.PERSON : AccountType.COMPANY,
				null, person ? lead.getPhone() : null, person ? lead.getEmail() : null, lead.getSource(), null,
				carried(lead, "account")));
	}

	/**
	 * The lead's custom field values that a record made from it keeps: those whose key the record's kind has as a
	 * field of the same type. An existing account the lead joins keeps its own values.
	 */
	private Map<String, Object> carried(Lead lead, String entity) {
		return customFields.carried(ENTITY, lead.getCustomFields(), entity);
	}

	/** Visible accounts whose name starts like the lead's company, for the conversion to join one of them. */
	public List<AccountSummary> accountSuggestions(Actor actor, Lead lead, int limit) {
		String company = lead.getCompany();
		if (company == null) {
			return List.of();
		}
		List<AccountSummary> named = customers.accountsNamed(actor, company, limit);
		if (!named.isEmpty() || company.length() <= 3) {
			return named;
		}
		// "Acme Robotics Ltd" should still find "Acme Robotics": try the first word.
		String firstWord = company.split("\\s+")[0];
		return firstWord.length() >= 3 ? customers.accountsNamed(actor, firstWord, limit) : List.of();
	}

	/** The leads converted into the account, newest first, of those the actor may see. */
	public List<Lead> convertedInto(Actor actor, UUID account, int limit) {
		return new VisibleQuery("Lead", "l", actor).where("l.convertedAccountId = :account", "account", account)
			.list(em, Lead.class, null, "l.convertedAt desc, l.id desc", limit);
	}

	/**
	 * Leads and contacts the actor may see that may be the same person: the same e-mail, or the same name at the
	 * same company, case-insensitively; the lead being edited, if any, left out.
	 */
	public List<PossibleDuplicate> possibleDuplicates(Actor actor, LeadDetails details, UUID except) {
		List<PossibleDuplicate> matches = new ArrayList<>();
		String email = blankToNull(details.email());
		String company = blankToNull(details.company());
		String last = blankToNull(details.lastName());
		leadsLike(actor, email, details.firstName(), last, company, except, DUPLICATE_LIMIT)
			.forEach(lead -> matches.add(new PossibleDuplicate(PossibleDuplicate.Kind.LEAD, lead.getId(),
					lead.getFullName(), lead.getCompany(), lead.getEmail())));
		for (ContactMatch contact : customers.possibleDuplicateContacts(actor, email, company,
				details.firstName(), last, DUPLICATE_LIMIT)) {
			matches.add(new PossibleDuplicate(PossibleDuplicate.Kind.CONTACT, contact.id().value(),
					contact.fullName(), contact.accountName(), contact.email()));
		}
		return matches;
	}

	/** Visible leads with the same e-mail or the same name at the same company, {@code except} left out. */
	public List<Lead> leadsLike(Actor actor, String email, String firstName, String lastName, String company, UUID except,
			int limit) {
		String emailKey = MatchKeys.email(email);
		String personKey = MatchKeys.person(firstName, lastName);
		String companyKey = MatchKeys.companyName(company);
		List<Lead> found = new ArrayList<>();
		if (emailKey != null) {
			found.addAll(visibleLeads(actor, except).where("l.emailKey = :key", "key", emailKey)
				.list(em, Lead.class, null, "l.createdAt, l.id", limit));
		}
		if (personKey != null && companyKey != null) {
			found.addAll(visibleLeads(actor, except).where("l.companyKey = :company", "company", companyKey)
				.where("l.personKey = :person", "person", personKey)
				.list(em, Lead.class, null, "l.createdAt, l.id", limit));
		}
		Map<UUID, Lead> distinct = new LinkedHashMap<>();
		found.forEach(lead -> distinct.putIfAbsent(Objects.requireNonNull(lead.getId()), lead));
		return distinct.values().stream().limit(limit).toList();
	}

	private static VisibleQuery visibleLeads(Actor actor, UUID except) {
		return new VisibleQuery("Lead", "l", actor).where("l.id <> :except", "except", except);
	}

	/** Names of the accounts that leads were converted into, for labels. */
	public Map<AccountId, String> accountNames(List<Lead> converted) {
		return customers.accountNames(converted.stream()
			.map(Lead::getConvertedAccountId)
			.filter(Objects::nonNull)
			.map(AccountId::new)
			.toList());
	}

	/**
	 * Moves the lead to the status the form, the API or an import asks for, by the lead's own methods: a reason is
	 * needed to disqualify it, and converted it becomes only by its conversion.
	 */
	static void moveTo(Lead lead, LeadStatus status, String disqualifiedReason) {
		if (status == null || (status == lead.getStatus() && status != LeadStatus.DISQUALIFIED)) {
			return;
		}
		switch (status) {
			case NEW -> lead.reopen();
			case CONTACTED -> lead.markContacted();
			case QUALIFIED -> lead.qualify();
			case DISQUALIFIED -> {
				if (blankToNull(disqualifiedReason) == null) {
					throw new InvalidField("disqualifiedReason", "validation.lead.disqualifiedReason",
							"Say why the lead is disqualified");
				}
				lead.disqualify(disqualifiedReason);
			}
			case CONVERTED -> throw new InvalidField("status", "validation.lead.status.converted",
					"A lead becomes converted only through its conversion");
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
