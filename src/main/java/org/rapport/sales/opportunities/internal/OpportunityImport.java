package org.rapport.sales.opportunities.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.AccountReferences;
import org.rapport.identity.Actor;
import org.rapport.integration.ChoiceNames;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportCells;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportColumn.Type;
import org.rapport.integration.ImportRow;
import org.rapport.integration.MatchBy;
import org.rapport.integration.RecordKind;
import org.rapport.integration.bulk.BulkRecords;
import org.rapport.sales.BuiltInNames;
import org.rapport.sales.OpportunitiesImported;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.StageKind;
import org.rapport.shared.Money;
import org.rapport.shared.UuidV7;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports opportunities; they match by external id, or by name at the same account. A new one without a stage
 * enters the first open stage of its pipeline with that stage's probability; its amount is in the currency its row
 * or its symbol names, else in the import's currency of amounts that name none ({@link ImportCells#settleCurrency}). A
 * batch is written in bulk with the stage history, and one {@link OpportunitiesImported} event for it: no
 * per-record events, so that an opportunity imported into a won stage announces no win and makes no order.
 */
@Component
class OpportunityImport extends RecordKind<OpportunityValues> {

	static final List<ImportColumn> COLUMNS = List.of(
			ImportColumn.id(),
			ImportColumn.externalId(),
			ImportColumn.required("name", 200, "Opportunity", "Opportunity Name", "Name", "Deal", "Deal Name", "商机",
					"商机名称", "机会", "机会名称", "名称"),
			ImportColumn.of("account", Type.TEXT, "Account", "Account Name", "Company", "Company Name", "Customer",
					"客户", "客户名称", "公司", "公司名称"),
			ImportColumn.of("accountExternalId", Type.TEXT, "Account External ID", "account_external_id",
					"客户外部编号"),
			ImportColumn.of("pipeline", Type.TEXT, "Pipeline", "Sales Pipeline", "销售管道", "管道", "销售流程"),
			ImportColumn.of("stage", Type.TEXT, "Stage", "Sales Stage", "阶段", "销售阶段"),
			ImportColumn.required("amount", Type.AMOUNT, "Amount", "Value", "Deal Value", "金额", "商机金额", "价值"),
			ImportColumn.of("currency", Type.CURRENCY, "Currency", "币种", "货币"),
			ImportColumn.required("closeDate", Type.DATE, "Close Date", "Expected Close Date", "close_date",
					"预计成交日期", "成交日期", "结束日期"),
			ImportColumn.of("probability", Type.PERCENT, "Probability", "Probability (%)", "赢率", "成功率", "概率"),
			ImportColumn.text("lostReason", 500, "Lost Reason", "Closed Lost Reason", "Reason For Loss", "Loss Reason",
					"Deal - Lost reason", "lost_reason", "输单原因", "丢单原因", "失败原因"),
			ImportColumn.owner());

	private static final String COLUMNS_WRITTEN = "account_id, name, pipeline_id, stage_id, stage_kind, amount, "
			+ "currency, close_date, probability, stage_entered_at, board_rank, external_id, owner_id, team_id, "
			+ "lost_reason, custom_fields";

	/** A pipeline with its stages in their order, for finding them by name. */
	private record PipelineStages(UUID id, String name, boolean isDefault, List<StageInfo> stages) {
	}

	private record StageInfo(UUID id, String name, int probability, StageKind kind) {
	}

	private final BulkRecords records;
	private final AccountReferences accounts;
	private final BuiltInNames builtInNames;
	private final Pipelines pipelines;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;

	OpportunityImport(BulkRecords records, AccountReferences accounts, BuiltInNames builtInNames, Pipelines pipelines,
			NamedParameterJdbcTemplate named, ApplicationEventPublisher events) {
		this.records = records;
		this.accounts = accounts;
		this.builtInNames = builtInNames;
		this.pipelines = pipelines;
		this.named = named;
		this.events = events;
	}

	@Override
	public String name() {
		return "opportunities";
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public String customFieldsEntity() {
		return "opportunity";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public List<MatchBy> matchKeys() {
		return List.of(MatchBy.EXTERNAL_ID, MatchBy.NAME, MatchBy.ID);
	}

	/**
	 * The account is required; the pipeline is found by name (the default one when the cell is empty) and the stage
	 * by name within it, a lost stage only for an opportunity in it already; the probability must fit a closed
	 * stage. Puts {@code pipelineId}, {@code stageId} and {@code stageProbability}.
	 */
	@Override
	public void convert(ImportBatch batch, List<ImportRow> rows) {
		accounts.resolve(batch, rows);
		Actor actor = batch.actor();
		List<PipelineStages> pipelines = pipelines();
		for (ImportRow row : rows) {
			AccountReferences.require(batch, row);
			String pipelineName = row.text("pipeline");
			String stageName = row.text("stage");
			if (pipelineName == null && stageName == null) {
				// a new opportunity enters the default pipeline's first open stage; an existing one stays
				pipelines.stream().filter(PipelineStages::isDefault).findFirst().ifPresent(p -> p
					.stages().stream().filter(s -> s.kind() == StageKind.OPEN).findFirst().ifPresent(s -> {
						row.values().put("defaultPipelineId", p.id());
						row.values().put("defaultStageId", s.id());
						row.values().put("defaultStageProbability", s.probability());
					}));
				continue;
			}
			PipelineStages pipeline = pipelines.stream()
				.filter(p -> pipelineName == null ? p.isDefault() : namedAs(p.name(), pipelineName))
				.findFirst()
				.orElse(null);
			if (pipeline == null) {
				row.reject("pipeline", batch.message("import.error.pipeline", pipelineName));
				continue;
			}
			StageInfo stage = stageName == null
					? pipeline.stages().stream().filter(s -> s.kind() == StageKind.OPEN).findFirst().orElse(null)
					: pipeline.stages().stream().filter(s -> namedAs(s.name(), stageName)).findFirst()
						.orElse(null);
			if (stage == null) {
				row.reject("stage", batch.message("import.error.stage", stageName,
						builtInNames.shown(pipeline.name(), actor.locale())));
				continue;
			}
			if (stage.kind() == StageKind.LOST) {
				// a reason the file gives is kept; without one, see refuses
				row.values().put("lostStageName", builtInNames.shown(stage.name(), actor.locale()));
				if (row.values().get("lostReason") == null) {
					row.notice("lostReason", batch.message("import.notice.lostWithoutReason",
							row.values().get("lostStageName")));
				}
			}
			Integer probability = (Integer) row.values().get("probability");
			if (probability != null && stage.kind() == StageKind.WON && probability != 100) {
				row.reject("probability", batch.message("import.error.probabilityWon"));
				continue;
			}
			row.values().put("pipelineId", pipeline.id());
			row.values().put("stageId", stage.id());
			row.values().put("stageProbability", stage.probability());
		}
	}

	/**
	 * An opportunity the file names in a lost stage comes as the old system had it: with the reason a column gives,
	 * or, when it is new here, without one (the row says so in a notice). An opportunity open here that the file
	 * moves to a lost stage needs the reason, as on its page.
	 */
	@Override
	protected String refuses(ImportBatch batch, OpportunityValues existing, Map<String, Object> values) {
		Object lost = values.get("lostStageName");
		if (lost == null || existing == null || existing.stageId().equals(values.get("stageId"))
				|| values.get("lostReason") != null) {
			return null;
		}
		return batch.message("import.error.stageLost", lost);
	}

	/**
	 * Whether a cell names a pipeline or stage: by its name, a name Rapport gave it in English or Chinese, or a name
	 * another system gives it, compared loosely as choices are ({@code Closed Won} names the stage {@code Closed won}).
	 */
	private boolean namedAs(String name, String text) {
		return names(name, null).stream().anyMatch(n -> ChoiceNames.same(n, text));
	}

	/**
	 * A pipeline's or stage's name and the names Rapport gave it, in the language given first when there is one; for
	 * a pipeline or stage Rapport made and nobody renamed, also the names other systems give theirs that mean it
	 * (HubSpot's {@code Sales Pipeline}, Odoo's {@code Won}, Salesforce's {@code Proposal/Price Quote}).
	 */
	private List<String> names(String name, Locale locale) {
		List<String> names = new ArrayList<>();
		if (locale != null) {
			names.add(builtInNames.shown(name, locale));
		}
		names.add(name);
		for (Locale language : ImportCells.LABEL_LANGUAGES) {
			names.add(builtInNames.shown(name, language));
		}
		String key = BuiltInNames.messageKey(name);
		if (key != null) {
			names.addAll(ChoiceNames.otherSystems(key));
		}
		return names;
	}

	/** The stages of every pipeline, by name, with the names they go by; the value map offers them for a file's own. */
	@Override
	public Map<String, List<String>> valueNames(String column, Locale locale) {
		if (!column.equals("stage")) {
			return Map.of();
		}
		Map<String, List<String>> stages = new LinkedHashMap<>();
		for (PipelineStages pipeline : pipelines()) {
			for (StageInfo stage : pipeline.stages()) {
				stages.putIfAbsent(stage.name(), names(stage.name(), locale));
			}
		}
		return stages;
	}

	private List<PipelineStages> pipelines() {
		return pipelines.findAllWithStages().stream()
			.map(p -> new PipelineStages(p.getId(), p.getName(), p.isDefaultPipeline(), p.getStages().stream()
				.map(s -> new StageInfo(s.getId(), s.getName(), s.getProbability(), s.getKind()))
				.toList()))
			.toList();
	}

	@Override
	public Class<OpportunityValues> valuesType() {
		return OpportunityValues.class;
	}

	@Override
	protected List<OpportunityValues> find(Actor actor, MatchBy key, Collection<String> values) {
		String path = switch (key) {
			case EXTERNAL_ID -> "r.externalId";
			case NAME -> "lower(r.name)";
			case ID -> "r.id";
			case EMAIL, NUMBER -> throw new IllegalArgumentException("Opportunities match by external id or name");
		};
		return records.find(Opportunity.class, actor, key, path, values, OpportunityImport::values);
	}

	@Override
	protected String lookupValue(MatchBy key, Map<String, Object> values) {
		return switch (key) {
			case EXTERNAL_ID -> (String) values.get("externalId");
			case NAME -> lower(values.get("name"));
			case EMAIL, NUMBER, ID -> null;
		};
	}

	@Override
	protected String key(MatchBy key, Map<String, Object> values) {
		if (key == MatchBy.NAME) {
			return values.get("name") == null ? null : lower(values.get("name")) + "|" + values.get("accountId");
		}
		return lookupValue(key, values);
	}

	@Override
	protected String key(MatchBy key, OpportunityValues o) {
		return switch (key) {
			case EXTERNAL_ID -> o.externalId();
			case NAME -> lower(o.name()) + "|" + o.accountId();
			case EMAIL, NUMBER, ID -> null;
		};
	}

	@Override
	protected OpportunityValues create(ImportBatch batch, UUID id, Map<String, Object> v) {
		Map<String, Object> values = new java.util.HashMap<>(v);
		if (!values.containsKey("stageId")) {
			values.put("pipelineId", v.get("defaultPipelineId"));
			values.put("stageId", v.get("defaultStageId"));
			values.put("stageProbability", v.get("defaultStageProbability"));
		}
		return merge(new OpportunityValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null, null,
				null, null, BigDecimal.ZERO, batch.cells().currency(), null, 0, null, Map.of()), values);
	}

	@Override
	protected OpportunityValues merge(OpportunityValues o, Map<String, Object> v) {
		boolean newOwner = ownerChanges(v, o.ownerId());
		UUID stageId = pick(v, "stageId", o.stageId());
		boolean moved = !Objects.equals(stageId, o.stageId());
		int probability = v.containsKey("probability") ? (Integer) v.get("probability")
				: moved ? (Integer) v.get("stageProbability") : o.probability();
		return new OpportunityValues(o.id(), o.version(), newOwner ? (UUID) v.get("ownerId") : o.ownerId(),
				newOwner ? (UUID) v.get("teamId") : o.teamId(), pick(v, "externalId", o.externalId()),
				pick(v, "accountId", o.accountId()), pick(v, "name", o.name()), pick(v, "pipelineId", o.pipelineId()),
				stageId, pick(v, "amount", o.amount()), pick(v, "currency", o.currency()),
				(LocalDate) pick(v, "closeDate", o.closeDate()), probability, pick(v, "lostReason", o.lostReason()),
				pick(v, "customFields", o.customFields()));
	}

	@Override
	protected Map<String, Object> customFields(OpportunityValues record) {
		return record.customFields();
	}

	@Override
	public UUID id(OpportunityValues record) {
		return record.id();
	}

	@Override
	public long version(OpportunityValues record) {
		return record.version();
	}

	@Override
	protected String externalId(OpportunityValues record) {
		return record.externalId();
	}

	@Override
	public OpportunityValues withVersion(OpportunityValues o, long version) {
		return new OpportunityValues(o.id(), version, o.ownerId(), o.teamId(), o.externalId(), o.accountId(), o.name(),
				o.pipelineId(), o.stageId(), o.amount(), o.currency(), o.closeDate(), o.probability(), o.lostReason(),
				o.customFields());
	}

	@Override
	protected Set<String> takenExternalIds(Collection<String> externalIds) {
		return records.takenExternalIds("opportunity", externalIds);
	}

	/** Stores new opportunities, each entering its stage now at the top of its board column. */
	@Override
	protected void insert(Actor actor, List<OpportunityValues> opportunities) {
		if (opportunities.isEmpty()) {
			return;
		}
		Map<UUID, StageInfo> stages = stages();
		OffsetDateTime at = records.now();
		long rank = -at.toInstant().toEpochMilli();
		List<Object[]> visits = new ArrayList<>(opportunities.size());
		for (OpportunityValues o : opportunities) {
			visits.add(new Object[] { UuidV7.next(), o.id(), o.stageId(), stages.get(o.stageId()).name(), at,
					actor.id().value() });
		}
		records.insert(table(o -> columns(o, stages.get(o.stageId()), at, rank)), actor, opportunities);
		enter(visits);
		events.publishEvent(new OpportunitiesImported(
				opportunities.stream().map(o -> new OpportunityId(o.id())).toList(), List.of()));
	}

	/**
	 * Overwrites opportunities whose version is still the one given; one that changes stage leaves the old one and
	 * enters the new one in its history, now, at the top of its board column; the others keep both.
	 */
	@Override
	protected Set<UUID> update(Actor actor, List<OpportunityValues> opportunities) {
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
		OffsetDateTime at = records.now();
		Instant now = at.toInstant();
		Set<UUID> written = records.update(table(o -> {
			boolean moved = !o.stageId().equals(stageBefore.get(o.id()));
			return columns(o, stages.get(o.stageId()), moved ? at : enteredBefore.get(o.id()),
					moved ? -now.toEpochMilli() : rankBefore.getOrDefault(o.id(), -now.toEpochMilli()));
		}), actor, opportunities);
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
			records.rows().batch("update opportunity_stage_history set left_at = ? where opportunity_id = ? "
					+ "and left_at is null", "tu", left);
			enter(visits);
		}
		events.publishEvent(new OpportunitiesImported(List.of(), written.stream().map(OpportunityId::new).toList()));
		return written;
	}

	@Override
	public List<OpportunityValues> current(Collection<UUID> ids) {
		return records.byIds(Opportunity.class, ids, OpportunityImport::values);
	}

	/** Deletes these opportunities with their history. */
	@Override
	public void delete(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			named.update("delete from opportunity_stage_history where opportunity_id in (:ids)",
					new MapSqlParameterSource("ids", ids));
			records.delete("opportunity", ids);
			events.publishEvent(new OpportunitiesImported(List.of(), List.of(),
					ids.stream().map(OpportunityId::new).toList()));
		}
	}

	private static BulkRecords.Table<OpportunityValues> table(
			java.util.function.Function<OpportunityValues, Object[]> values) {
		return new BulkRecords.Table<>("opportunity", COLUMNS_WRITTEN, "uvuuvnvditlvuuvj", values,
				OpportunityValues::id, OpportunityValues::version);
	}

	/** The opportunity's values to write, in its stage since {@code entered}, at {@code rank} on the board. */
	private static Object[] columns(OpportunityValues o, StageInfo stage, OffsetDateTime entered, long rank) {
		// the amount rounded to its currency as the opportunity's page keeps it
		Money amount = new Money(o.amount(), o.currency());
		return new Object[] { o.accountId(), o.name(), o.pipelineId(), o.stageId(), stage.kind().name(),
				amount.amount(), amount.currency(), o.closeDate(), o.probability(), entered, rank, o.externalId(),
				o.ownerId(), o.teamId(), stage.kind() == StageKind.LOST ? o.lostReason() : null, o.customFields() };
	}

	private void enter(List<Object[]> visits) {
		records.rows().insert("opportunity_stage_history",
				"id, opportunity_id, stage_id, stage_name, entered_at, changed_by", "uuuvtu", visits);
	}

	private Map<UUID, StageInfo> stages() {
		Map<UUID, StageInfo> stages = new HashMap<>();
		pipelines().forEach(p -> p.stages().forEach(s -> stages.put(s.id(), s)));
		return stages;
	}

	private static OpportunityValues values(Opportunity o) {
		return new OpportunityValues(o.getId(), o.getVersion(), o.getOwnerId(), o.getTeamId(), o.getExternalId(),
				o.getAccountId(), o.getName(), o.getPipelineId(), o.getStageId(), o.getAmount().amount(),
				o.getAmount().currency(), o.getCloseDate(), o.getProbability(), o.getLostReason(), o.getCustomFields());
	}
}
