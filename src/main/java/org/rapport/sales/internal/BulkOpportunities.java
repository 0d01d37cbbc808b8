package org.rapport.sales.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
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
import org.rapport.shared.MatchKey;
import org.rapport.shared.UuidV7;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk path of opportunity imports: batched statements without a domain event per opportunity, one event per
 * batch; the stage history follows each stage an opportunity enters.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class BulkOpportunities implements OpportunityImports {

	private final EntityManager em;
	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;
	private final JsonMapper mapper;
	private final Pipelines pipelines;
	private volatile String jsonMarker;

	BulkOpportunities(EntityManager em, JdbcTemplate jdbc, NamedParameterJdbcTemplate named,
			ApplicationEventPublisher events, JsonMapper mapper, Pipelines pipelines) {
		this.em = em;
		this.jdbc = jdbc;
		this.named = named;
		this.events = events;
		this.mapper = mapper;
		this.pipelines = pipelines;
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
	public List<OpportunityValues> findOpportunities(Actor actor, MatchKey key, Collection<String> values) {
		String path = switch (key) {
			case EXTERNAL_ID -> "o.externalId";
			case NAME -> "lower(o.name)";
			case EMAIL, NUMBER -> throw new IllegalArgumentException("Opportunities match by external id or name");
		};
		Set<String> keys = new HashSet<>();
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				keys.add(key == MatchKey.EXTERNAL_ID ? value.strip() : value.strip().toLowerCase(Locale.ROOT));
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
		if (externalIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(named.queryForList("select external_id from opportunity where external_id in (:ids)",
				new MapSqlParameterSource("ids", new HashSet<>(externalIds)), String.class));
	}

	@Override
	public void insertOpportunities(Actor actor, List<OpportunityValues> opportunities) {
		if (opportunities.isEmpty()) {
			return;
		}
		Map<UUID, StageInfo> stages = stages();
		Instant now = Instant.now();
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		List<Object[]> rows = new ArrayList<>(opportunities.size());
		List<Object[]> visits = new ArrayList<>(opportunities.size());
		for (OpportunityValues o : opportunities) {
			StageInfo stage = stages.get(o.stageId());
			rows.add(new Object[] { o.accountId(), o.name(), o.pipelineId(), o.stageId(), stage.kind().name(),
					o.amount(), o.currency(), o.closeDate(), o.probability(), at, -now.toEpochMilli(), o.externalId(),
					o.ownerId(), o.teamId(), json(o.customFields()), o.id(), actor.id().value(), at,
					actor.id().value(), at });
			visits.add(new Object[] { UuidV7.next(), o.id(), o.stageId(), stage.name(), at, actor.id().value() });
		}
		batch("insert into opportunity (account_id, name, pipeline_id, stage_id, stage_kind, amount, currency, "
				+ "close_date, probability, stage_entered_at, board_rank, external_id, owner_id, team_id, custom_fields, "
				+ "id, version, created_by, created_at, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
				+ "?, ?, ?, " + jsonMarker() + ", ?, 0, ?, ?, ?, ?)", rows, "uvuuvnvditlvuuvuutut");
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
		Instant now = Instant.now();
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		List<Object[]> rows = new ArrayList<>(opportunities.size());
		for (OpportunityValues o : opportunities) {
			StageInfo stage = stages.get(o.stageId());
			boolean moved = !o.stageId().equals(stageBefore.get(o.id()));
			rows.add(new Object[] { o.accountId(), o.name(), o.pipelineId(), o.stageId(), stage.kind().name(),
					o.amount(), o.currency(), o.closeDate(), o.probability(), moved ? at : enteredBefore.get(o.id()),
					moved ? -now.toEpochMilli() : rankBefore.getOrDefault(o.id(), -now.toEpochMilli()), o.externalId(),
					o.ownerId(), o.teamId(), json(o.customFields()), actor.id().value(), at, o.id(), o.version() });
		}
		int[] counts = batch("update opportunity set account_id = ?, name = ?, pipeline_id = ?, stage_id = ?, "
				+ "stage_kind = ?, amount = ?, currency = ?, close_date = ?, probability = ?, stage_entered_at = ?, "
				+ "board_rank = ?, external_id = ?, owner_id = ?, team_id = ?, custom_fields = " + jsonMarker()
				+ ", version = version + 1, updated_by = ?, updated_at = ? where id = ? and version = ?", rows,
				"uvuuvnvditlvuuvutul");
		Set<UUID> written = new HashSet<>();
		List<Object[]> left = new ArrayList<>();
		List<Object[]> visits = new ArrayList<>();
		for (int i = 0; i < opportunities.size(); i++) {
			OpportunityValues o = opportunities.get(i);
			if (counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
				written.add(o.id());
				if (!o.stageId().equals(stageBefore.get(o.id()))) {
					left.add(new Object[] { at, o.id() });
					visits.add(new Object[] { UuidV7.next(), o.id(), o.stageId(), stages.get(o.stageId()).name(), at,
							actor.id().value() });
				}
			}
		}
		if (!left.isEmpty()) {
			batch("update opportunity_stage_history set left_at = ? where opportunity_id = ? and left_at is null", left,
					"tu");
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

	private void enter(List<Object[]> visits) {
		batch("insert into opportunity_stage_history (id, opportunity_id, stage_id, stage_name, entered_at, changed_by) "
				+ "values (?, ?, ?, ?, ?, ?)", visits, "uuuvtu");
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

	/** See {@code BulkLeads}: JSON text cast to jsonb on PostgreSQL, marked FORMAT JSON on H2. */
	private String jsonMarker() {
		if (jsonMarker == null) {
			String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
			jsonMarker = product != null && product.toLowerCase(Locale.ROOT).contains("postgres") ? "cast(? as jsonb)"
					: "? format json";
		}
		return jsonMarker;
	}

	private String json(Map<String, Object> values) {
		return values == null || values.isEmpty() ? null : mapper.writeValueAsString(values);
	}

	/** Binds nulls with the type their letter gives, as {@code BulkLeads} explains. */
	private int[] batch(String sql, List<Object[]> rows, String types) {
		return jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
				Object[] row = rows.get(i);
				for (int p = 0; p < row.length; p++) {
					if (row[p] != null) {
						ps.setObject(p + 1, row[p]);
					}
					else {
						ps.setNull(p + 1, switch (types.charAt(p)) {
							case 'u' -> java.sql.Types.OTHER;
							case 't' -> java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
							case 'l' -> java.sql.Types.BIGINT;
							case 'i' -> java.sql.Types.INTEGER;
							case 'n' -> java.sql.Types.NUMERIC;
							case 'd' -> java.sql.Types.DATE;
							default -> java.sql.Types.VARCHAR;
						});
					}
				}
			}

			@Override
			public int getBatchSize() {
				return rows.size();
			}
		});
	}
}
