package org.rapport.sales.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.VisibleQuery;
import org.rapport.sales.OpportunitiesImported;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.OpportunityImports;
import org.rapport.sales.OpportunityValues;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.sales.opportunities.internal.Pipelines;
import org.rapport.shared.BulkRows;
import org.rapport.shared.Money;
import org.rapport.shared.MatchBy;
import org.rapport.shared.UuidV7;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk path of opportunity imports: rows written many at once through {@link BulkRows} (new ones with COPY on
 * PostgreSQL) without a domain event per opportunity, one event per batch; the stage history follows each stage an
 * opportunity enters.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class BulkOpportunities implements OpportunityImports {

	private static final String COLUMNS = "account_id, name, pipeline_id, stage_id, stage_kind, amount, currency, "
			+ "close_date, probability, stage_entered_at, board_rank, external_id, owner_id, team_id, custom_fields";

	/** The types of the columns above, a letter each (see {@link BulkRows}). */
	private static final String TYPES = "uvuuvnvditlvuuj";

	private final EntityManager em;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;
	private final Pipelines pipelines;
	private final BulkRows bulk;
	private final Clock clock;

	BulkOpportunities(EntityManager em, NamedParameterJdbcTemplate named, ApplicationEventPublisher events,
			Pipelines pipelines, BulkRows bulk, Clock clock) {
		this.clock = clock;
		this.em = em;
		this.named = named;
		this.events = events;
		this.pipelines = pipelines;
		this.bulk = bulk;
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<PipelineStages> pipelines() {
		return pipelines.findAllWithStages().stream()
			.map(p -> new PipelineStages(p.getId(), p.getName(), p.isDefaultPipeline(), p.getStages().stream()
				.map(s -> new StageInfo(s.getId(), s.getName(), s.getProbability(), s.getKind()))
				.toList()))
			.toList();
	}

	@Override
	public List<OpportunityValues> findOpportunities(Actor actor, MatchBy key, Collection<String> values) {
		String path = switch (key) {
			case EXTERNAL_ID -> "o.externalId";
			case NAME -> "lower(o.name)";
			case EMAIL, NUMBER -> throw new IllegalArgumentException("Opportunities match by external id or name");
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
		VisibleQuery visible = new VisibleQuery("Opportunity", "o", actor).where(path + " in :matchKeys", "matchKeys",
				keys);
		TypedQuery<Opportunity> query = em.createQuery("select o from Opportunity o" + visible.whereClause(),
				Opportunity.class);
		visible.parameters().forEach(query::setParameter);
		List<Opportunity> found = query.getResultList();
		found.forEach(em::detach);
		return found.stream().map(BulkOpportunities::values).toList();
	}

	@Override
	public Set<String> takenExternalIds(Collection<String> externalIds) {
		return bulk.existing("opportunity", "external_id", externalIds);
	}

	@Override
	public void insertOpportunities(Actor actor, List<OpportunityValues> opportunities) {
		if (opportunities.isEmpty()) {
			return;
		}
		Map<UUID, StageInfo> stages = stages();
		Instant now = clock.instant();
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		List<Object[]> visits = new ArrayList<>(opportunities.size());
		for (OpportunityValues o : opportunities) {
			visits.add(new Object[] { UuidV7.next(), o.id(), o.stageId(), stages.get(o.stageId()).name(), at,
					actor.id().value() });
		}
		bulk.insertRecords("opportunity", COLUMNS, TYPES, opportunities,
				o -> columns(o, stages.get(o.stageId()), at, -now.toEpochMilli()), OpportunityValues::id,
				actor.id().value(), at);
		enter(visits);
		events.publishEvent(new OpportunitiesImported(
				opportunities.stream().map(o -> new OpportunityId(o.id())).toList(), List.of()));
	}

	@Override
	public Set<UUID> updateOpportunities(Actor actor, List<OpportunityValues> opportunities) {
		if (opportunities.isEmpty()) {
			return Set.of();
		}
		Map<UUID, StageInfo> stages = stages();
		Map<UUID, UUID> stageBefore = new HashMap<>();
		Map<UUID, OffsetDateTime> enteredBefore = new HashMap<>();
		Map<UUID, Long> rankBefore = new HashMap<>();
		named.query("select id, stage_id, stage_entered_at, board_rank from opportunity where id in (:ids)",
				new MapSqlParameterSource("ids", opportunities.stream().map(OpportunityValues::id).toList()), rs -> {
					UUID id = rs.getObject(1, UUID.class);
					stageBefore.put(id, rs.getObject(2, UUID.class));
					enteredBefore.put(id, rs.getObject(3, OffsetDateTime.class));
					rankBefore.put(id, rs.getLong(4));
				});
		Instant now = clock.instant();
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		// an opportunity that changes stage enters it now, at the top of its board column; the others keep both
		Set<UUID> written = bulk.updateRecords("opportunity", COLUMNS, TYPES, opportunities, o -> {
			boolean moved = !o.stageId().equals(stageBefore.get(o.id()));
			return columns(o, stages.get(o.stageId()), moved ? at : enteredBefore.get(o.id()),
					moved ? -now.toEpochMilli() : rankBefore.getOrDefault(o.id(), -now.toEpochMilli()));
		}, OpportunityValues::id, OpportunityValues::version, actor.id().value(), at);
		List<Object[]> left = new ArrayList<>();
		List<Object[]> visits = new ArrayList<>();
		for (OpportunityValues o : opportunities) {
			if (written.contains(o.id()) && !o.stageId().equals(stageBefore.get(o.id()))) {
				left.add(new Object[] { at, o.id() });
				visits.add(new Object[] { UuidV7.next(), o.id(), o.stageId(), stages.get(o.stageId()).name(), at,
						actor.id().value() });
			}
		}
		if (!left.isEmpty()) {
			bulk.batch("update opportunity_stage_history set left_at = ? where opportunity_id = ? and left_at is null",
					"tu", left);
			enter(visits);
		}
		events.publishEvent(new OpportunitiesImported(List.of(), written.stream().map(OpportunityId::new).toList()));
		return written;
	}

	@Override
	public List<OpportunityValues> opportunities(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Opportunity> found = em.createQuery("select o from Opportunity o where o.id in :ids", Opportunity.class)
			.setParameter("ids", ids)
			.getResultList();
		found.forEach(em::detach);
		return found.stream().map(BulkOpportunities::values).toList();
	}

	@Override
	public void deleteOpportunities(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			MapSqlParameterSource parameters = new MapSqlParameterSource("ids", ids);
			named.update("delete from opportunity_stage_history where opportunity_id in (:ids)", parameters);
			named.update("delete from opportunity where id in (:ids)", parameters);
			events.publishEvent(new OpportunitiesImported(List.of(), List.of(),
					ids.stream().map(OpportunityId::new).toList()));
		}
	}

	/** The opportunity's values for {@link #COLUMNS}, in its stage since {@code entered}, at {@code rank} on the board. */
	private Object[] columns(OpportunityValues o, StageInfo stage, OffsetDateTime entered, long rank) {
		// the amount rounded to its currency as the opportunity's page keeps it
		Money amount = new Money(o.amount(), o.currency());
		return new Object[] { o.accountId(), o.name(), o.pipelineId(), o.stageId(), stage.kind().name(),
				amount.amount(), amount.currency(), o.closeDate(), o.probability(), entered, rank, o.externalId(), o.ownerId(), o.teamId(),
				bulk.json(o.customFields()) };
	}

	private void enter(List<Object[]> visits) {
		bulk.insert("opportunity_stage_history", "id, opportunity_id, stage_id, stage_name, entered_at, changed_by",
				"uuuvtu", visits);
	}

	private Map<UUID, StageInfo> stages() {
		Map<UUID, StageInfo> stages = new HashMap<>();
		pipelines().forEach(p -> p.stages().forEach(s -> stages.put(s.id(), s)));
		return stages;
	}

	private static OpportunityValues values(Opportunity o) {
		return new OpportunityValues(o.getId(), o.getVersion(), o.getOwnerId(), o.getTeamId(), o.getExternalId(),
				o.getAccountId(), o.getName(), o.getPipelineId(), o.getStageId(), o.getAmount().amount(),
				o.getAmount().currency(), o.getCloseDate(), o.getProbability(), o.getCustomFields());
	}
}
