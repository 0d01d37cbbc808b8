package org.rapport.sales.leads.internal;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.rapport.customers.DuplicateGroup;
import org.rapport.customers.DuplicateRule;
import org.rapport.customers.MergeCheck;
import org.rapport.customers.MergeEntry;
import org.rapport.customers.MergeFields;
import org.rapport.customers.MergeFields.Field;
import org.rapport.customers.MergeFields.Side;
import org.rapport.customers.MergeKind;
import org.rapport.customers.MergeLog;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.shared.NotPermitted;
import org.rapport.sales.LeadId;
import org.rapport.sales.LeadsMerged;
import org.rapport.shared.ResultPage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duplicate leads: the groups that share a key, for administrators, and the merge of one lead into another.
 */
@Service
@Transactional(readOnly = true)
public class LeadMerge {

	/** How many members of one group a page shows at most. */
	static final int MEMBERS_PER_GROUP = 50;

	/** The kind of record whose custom fields a merge chooses between. */
	static final String ENTITY = "lead";

	/**
	 * The standard fields a merge chooses between, in the order the merge page lists them; the survivor keeps its
	 * status.
	 */
	public static final MergeFields<Lead> FIELDS = MergeFields.of(
			Field.text("firstName", "field.firstName", Lead::getFirstName),
			Field.text("lastName", "field.lastName", Lead::getLastName),
			Field.text("company", "lead.field.company", Lead::getCompany),
			Field.text("title", "field.title", Lead::getTitle),
			Field.text("email", "field.email", Lead::getEmail),
			Field.text("phone", "field.phone", Lead::getPhone),
			Field.choice("source", "field.source", "source", Lead::getSource),
			Field.choice("rating", "lead.field.rating", "leadRating", Lead::getRating),
			Field.text("notes", "lead.field.notes", Lead::getNotes),
			Field.owner(Lead::getOwnerId));

	private final LeadService leadService;
	private final Leads leads;
	private final EntityManager em;
	private final MergeLog log;
	private final CustomFields customFields;
	private final MergeCheck<Lead> check;
	private final ApplicationEventPublisher events;

	LeadMerge(LeadService leadService, Leads leads, EntityManager em, MergeLog log, CustomFields customFields,
			ApplicationEventPublisher events) {
		this.events = events;
		this.leadService = leadService;
		this.leads = leads;
		this.em = em;
		this.log = log;
		this.customFields = customFields;
		this.check = new MergeCheck<>(Lead.class, "lead", leadService::get, LeadMerge::mayMerge);
	}

	/** The fields a merge of two leads chooses between: the standard ones, then the active custom fields. */
	public MergeFields<Lead> fields() {
		return MergeFields.withCustomFields(FIELDS, customFields.active(ENTITY));
	}

	/**
	 * Merges {@code mergedId} into {@code survivorId} with the field choices: both visible (else not found), an
	 * administrator or the manager of their team (else not permitted), both versions current, neither converted (a
	 * converted lead is history).
	 */
	@Transactional
	public Lead merge(Actor actor, UUID survivorId, long survivorVersion, UUID mergedId, long mergedVersion,
			Map<String, String> choices) {
		MergeCheck.Pair<Lead> pair = check.pair(actor, survivorId, survivorVersion, mergedId, mergedVersion);
		Lead survivor = pair.survivor();
		Lead merged = pair.merged();
		if (survivor.isConverted() || merged.isConverted()) {
			throw new LeadStatusConflict("lead.merge.converted", "lead.state.mergeConverted",
					"A converted lead cannot be merged");
		}
		MergeFields<Lead> fields = fields();
		Map<String, Side> chosen = fields.choose(survivor, merged, choices);
		LeadDetails details = new LeadDetails(from(chosen, "firstName", survivor, merged).getFirstName(),
				from(chosen, "lastName", survivor, merged).getLastName(),
				from(chosen, "company", survivor, merged).getCompany(), from(chosen, "title", survivor, merged).getTitle(),
				from(chosen, "email", survivor, merged).getEmail(), from(chosen, "phone", survivor, merged).getPhone(),
				from(chosen, "source", survivor, merged).getSource(), from(chosen, "rating", survivor, merged).getRating(),
				from(chosen, "notes", survivor, merged).getNotes());
		Lead owner = from(chosen, "owner", survivor, merged);
		Map<String, String> mergedValues = MergeFields.withCustomFields(fields.values(merged), merged);
		String mergedName = merged.getFullName();
		survivor.revise(details, owner.owner(), owner.team());
		survivor.changeCustomFields(MergeFields.customFields(survivor, merged, chosen));
		// what other modules keep for the merged lead (such as its cases) moves to the survivor before it goes
		events.publishEvent(new LeadsMerged(new LeadId(survivorId), new LeadId(mergedId)));
		leads.delete(merged);
		Lead saved = leads.saveAndFlush(survivor);
		log.record(actor, MergeKind.LEAD, survivorId, mergedId, mergedName, mergedValues, MergeFields.asText(chosen));
		return saved;
	}

	/** The merges into the lead, newest first; the lead must be visible. */
	public List<MergeEntry> mergesInto(Actor actor, UUID lead, int limit) {
		leadService.get(actor, lead);
		return log.mergesInto(lead, limit);
	}

	public static boolean mayMerge(Actor actor, Lead lead) {
		return actor.canMerge(lead.owner(), lead.team());
	}

	private static Lead from(Map<String, Side> chosen, String field, Lead survivor, Lead merged) {
		return MergeFields.pick(chosen, field, survivor, merged);
	}

	/**
	 * Groups of leads sharing an e-mail, or a name at the same company (normalised); administrators only. Each
	 * group is found through its key's index; the total is not counted, which would group the whole table.
	 */
	public ResultPage<DuplicateGroup<Lead>> groups(Actor actor, DuplicateRule rule, int page, int size) {
		if (!actor.isAdmin()) {
			throw new NotPermitted("duplicates.adminOnly", "Only administrators see the duplicates lists");
		}
		List<String> keys;
		List<Lead> members;
		Function<Lead, String> keyOf;
		boolean hasNext;
		if (rule == DuplicateRule.NAME) {
			List<Object[]> pairs = em.createQuery("select l.companyKey, l.personKey from Lead l where l.companyKey is"
					+ " not null and l.personKey is not null group by l.companyKey, l.personKey having count(l) > 1"
					+ " order by l.companyKey, l.personKey", Object[].class)
				.setFirstResult(page * size)
				.setMaxResults(size + 1)
				.getResultList();
			hasNext = pairs.size() > size;
			List<Object[]> shown = hasNext ? pairs.subList(0, size) : pairs;
			keys = shown.stream().map(p -> p[0] + "/" + p[1]).toList();
			members = shown.isEmpty() ? List.of()
					: em.createQuery("select l from Lead l where l.companyKey in :companies and l.personKey in :people"
							+ " order by l.companyKey, l.personKey, l.createdAt, l.id", Lead.class)
						.setParameter("companies", shown.stream().map(p -> (String) p[0]).distinct().toList())
						.setParameter("people", shown.stream().map(p -> (String) p[1]).distinct().toList())
						.setMaxResults(shown.size() * MEMBERS_PER_GROUP)
						.getResultList();
			keyOf = l -> l.getCompanyKey() + "/" + l.getPersonKey();
		}
		else {
			List<String> found = em.createQuery("select l.emailKey from Lead l where l.emailKey is not null"
					+ " group by l.emailKey having count(l) > 1 order by l.emailKey", String.class)
				.setFirstResult(page * size)
				.setMaxResults(size + 1)
				.getResultList();
			hasNext = found.size() > size;
			keys = hasNext ? found.subList(0, size) : found;
			members = keys.isEmpty() ? List.of()
					: em.createQuery("select l from Lead l where l.emailKey in :keys order by l.emailKey, l.createdAt,"
							+ " l.id", Lead.class)
						.setParameter("keys", keys)
						.setMaxResults(keys.size() * MEMBERS_PER_GROUP)
						.getResultList();
			keyOf = Lead::getEmailKey;
		}
		Map<String, List<Lead>> byKey = new LinkedHashMap<>();
		keys.forEach(key -> byKey.put(key, new ArrayList<>()));
		members.forEach(lead -> {
			List<Lead> group = byKey.get(keyOf.apply(lead));
			if (group != null) {
				group.add(lead);
			}
		});
		List<DuplicateGroup<Lead>> groups = byKey.entrySet()
			.stream()
			.filter(e -> e.getValue().size() > 1)
			.map(e -> new DuplicateGroup<>(e.getKey(), e.getValue()))
			.toList();
		return new ResultPage<>(groups, page, size, hasNext, (long) page * size + groups.size(), hasNext);
	}
}
