package org.rapport.sales.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.MatchKeys;
import org.rapport.identity.Actor;
import org.rapport.identity.VisibleQuery;
import org.rapport.sales.LeadId;
import org.rapport.sales.LeadImports;
import org.rapport.sales.LeadValues;
import org.rapport.sales.LeadsImported;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadRating;
import org.rapport.sales.leads.internal.LeadStatus;
import org.rapport.shared.BulkRows;
import org.rapport.shared.MatchBy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk path of lead imports: rows written many at once through {@link BulkRows} (new ones with COPY on
 * PostgreSQL) without a domain event per lead, one event per batch.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class BulkLeads implements LeadImports {

	private static final String COLUMNS = "first_name, last_name, company, title, email, phone, source, rating, "
			+ "notes, external_id, owner_id, team_id, email_key, person_key, company_key, custom_fields";

	/** The types of the columns above, a letter each (see {@link BulkRows}). */
	private static final String TYPES = "vvvvvvvvvvuuvvvj";

	private final EntityManager em;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;
	private final BulkRows bulk;
	private final Clock clock;

	BulkLeads(EntityManager em, NamedParameterJdbcTemplate named, ApplicationEventPublisher events, BulkRows bulk,
			Clock clock) {
		this.clock = clock;
		this.em = em;
		this.named = named;
		this.events = events;
		this.bulk = bulk;
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<String> ratings() {
		return Arrays.stream(LeadRating.values()).map(Enum::name).toList();
	}

	@Override
	public List<LeadValues> findLeads(Actor actor, MatchBy key, Collection<String> values) {
		String path = switch (key) {
			case EXTERNAL_ID -> "l.externalId";
			case EMAIL -> "lower(l.email)";
			case NAME -> "lower(l.lastName)";
			case NUMBER -> throw new IllegalArgumentException("No number to match by");
		};
		Set<String> keys = new HashSet<>();
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				keys.add(key == MatchBy.EXTERNAL_ID ? value.strip() : value.strip().toLowerCase(Locale.ROOT));
			}
		}
		if (keys.isEmpty()) {
			return List.of();
		}
		VisibleQuery visible = new VisibleQuery("Lead", "l", actor).where(path + " in :matchKeys", "matchKeys", keys);
		TypedQuery<Lead> query = em.createQuery("select l from Lead l" + visible.whereClause(), Lead.class);
		visible.parameters().forEach(query::setParameter);
		List<Lead> found = query.getResultList();
		found.forEach(em::detach);
		return found.stream().map(BulkLeads::values).toList();
	}

	@Override
	public Set<String> takenExternalIds(Collection<String> externalIds) {
		return bulk.existing("lead", "external_id", externalIds);
	}

	@Override
	public void insertLeads(Actor actor, List<LeadValues> leads) {
		if (leads.isEmpty()) {
			return;
		}
		// a new lead is New; an update leaves its status as it is
		bulk.insertRecords("lead", COLUMNS + ", status", TYPES + "v", leads,
				l -> BulkRows.row(columns(l), LeadStatus.NEW), LeadValues::id, actor.id().value(), now());
		events.publishEvent(new LeadsImported(leads.stream().map(l -> new LeadId(l.id())).toList(), List.of()));
	}

	@Override
	public Set<UUID> updateLeads(Actor actor, List<LeadValues> leads) {
		if (leads.isEmpty()) {
			return Set.of();
		}
		Set<UUID> written = bulk.updateRecords("lead", COLUMNS, TYPES, leads, this::columns, LeadValues::id,
				LeadValues::version, actor.id().value(), now());
		events.publishEvent(new LeadsImported(List.of(), written.stream().map(LeadId::new).toList()));
		return written;
	}

	@Override
	public List<LeadValues> leads(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Lead> found = em.createQuery("select l from Lead l where l.id in :ids", Lead.class)
			.setParameter("ids", ids)
			.getResultList();
		found.forEach(em::detach);
		return found.stream().map(BulkLeads::values).toList();
	}

	@Override
	public void deleteLeads(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			named.update("delete from lead where id in (:ids)", new MapSqlParameterSource("ids", ids));
			events.publishEvent(new LeadsImported(List.of(), List.of(), ids.stream().map(LeadId::new).toList()));
		}
	}

	private Object[] columns(LeadValues l) {
		return new Object[] { l.firstName(), l.lastName(), l.company(), l.title(), l.email(), l.phone(),
				l.source() == null ? null : l.source().name(), l.rating(), l.notes(), l.externalId(), l.ownerId(),
				l.teamId(), MatchKeys.email(l.email()), MatchKeys.person(l.firstName(), l.lastName()),
				MatchKeys.companyName(l.company()), bulk.json(l.customFields()) };
	}

	private static LeadValues values(Lead l) {
		return new LeadValues(l.getId(), l.getVersion(), l.getOwnerId(), l.getTeamId(), l.getExternalId(),
				l.getFirstName(), l.getLastName(), l.getCompany(), l.getTitle(), l.getEmail(), l.getPhone(),
				l.getSource(), l.getRating() == null ? null : l.getRating().name(), l.getNotes(), l.getCustomFields());
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
