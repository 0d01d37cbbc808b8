package org.rapport.integration.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportColumn.Type;
import org.rapport.integration.ImportRow;
import org.rapport.shared.MatchBy;
import org.rapport.integration.RecordKind;
import org.rapport.sales.BuiltInNames;
import org.rapport.sales.StageKind;
import org.rapport.integration.ImportCells;
import java.util.Locale;
import org.rapport.sales.OpportunityImports;
import org.rapport.sales.OpportunityValues;
import org.springframework.stereotype.Component;

/**
 * Imports opportunities; they match by external id, or by name at the same account. A new one without a stage
 * enters the first open stage of its pipeline with that stage's probability; without a currency it is in euros.
 */
@Component
class OpportunityImport extends RecordKind<OpportunityValues> {

	static final List<ImportColumn> COLUMNS = List.of(
			ImportColumn.text("externalId", 100, "External ID", "external_id", "外部编号", "外部ID"),
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
			ImportColumn.of("owner", Type.OWNER, "Owner", "Owner Login", "Assigned To", "负责人", "所有者"));

	private final OpportunityImports opportunities;
	private final AccountReferences accounts;
	private final BuiltInNames builtInNames;

	OpportunityImport(OpportunityImports opportunities, AccountReferences accounts, BuiltInNames builtInNames) {
		this.opportunities = opportunities;
		this.accounts = accounts;
		this.builtInNames = builtInNames;
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
		return List.of(MatchBy.EXTERNAL_ID, MatchBy.NAME);
	}

	/**
	 * The account is required; the pipeline is found by name (the default one when the cell is empty) and the stage
	 * by name within it, a lost stage refused (it needs a reason an import does not give); the probability must fit
	 * a closed stage. Puts {@code pipelineId}, {@code stageId} and {@code stageProbability}.
	 */
	@Override
	public void convert(ImportBatch batch, List<ImportRow> rows) {
		accounts.resolve(batch, rows);
		Actor actor = batch.actor();
		List<OpportunityImports.PipelineStages> pipelines = opportunities.pipelines();
		for (ImportRow row : rows) {
			AccountReferences.require(batch, row);
			String pipelineName = row.text("pipeline");
			String stageName = row.text("stage");
			if (pipelineName == null && stageName == null) {
				// a new opportunity enters the default pipeline's first open stage; an existing one stays
				pipelines.stream().filter(OpportunityImports.PipelineStages::isDefault).findFirst().ifPresent(p -> p
					.stages().stream().filter(s -> s.kind() == StageKind.OPEN).findFirst().ifPresent(s -> {
						row.values().put("defaultPipelineId", p.id());
						row.values().put("defaultStageId", s.id());
						row.values().put("defaultStageProbability", s.probability());
					}));
				continue;
			}
			OpportunityImports.PipelineStages pipeline = pipelines.stream()
				.filter(p -> pipelineName == null ? p.isDefault() : namedAs(p.name(), pipelineName))
				.findFirst()
				.orElse(null);
			if (pipeline == null) {
				row.reject("pipeline", batch.message("import.error.pipeline", pipelineName));
				continue;
			}
			OpportunityImports.StageInfo stage = stageName == null
					? pipeline.stages().stream().filter(s -> s.kind() == StageKind.OPEN).findFirst().orElse(null)
					: pipeline.stages().stream().filter(s -> namedAs(s.name(), stageName)).findFirst()
						.orElse(null);
			if (stage == null) {
				row.reject("stage", batch.message("import.error.stage", stageName,
						builtInNames.shown(pipeline.name(), actor.locale())));
				continue;
			}
			if (stage.kind() == StageKind.LOST) {
				row.reject("stage", batch.message("import.error.stageLost",
						builtInNames.shown(stage.name(), actor.locale())));
				continue;
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

	/** Whether a cell names a pipeline or stage: by its name, or a name Rapport gave it in English or Chinese. */
	private boolean namedAs(String name, String text) {
		if (name.equalsIgnoreCase(text)) {
			return true;
		}
		for (Locale language : ImportCells.LABEL_LANGUAGES) {
			if (builtInNames.shown(name, language).equalsIgnoreCase(text)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public Class<OpportunityValues> valuesType() {
		return OpportunityValues.class;
	}

	@Override
	protected List<OpportunityValues> find(Actor actor, MatchBy key, Collection<String> values) {
		return opportunities.findOpportunities(actor, key, values);
	}

	@Override
	protected String lookupValue(MatchBy key, Map<String, Object> values) {
		return switch (key) {
			case EXTERNAL_ID -> (String) values.get("externalId");
			case NAME -> lower(values.get("name"));
			case EMAIL, NUMBER -> null;
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
			case EMAIL, NUMBER -> null;
		};
	}

	@Override
	protected OpportunityValues create(UUID id, Map<String, Object> v) {
		Map<String, Object> values = new java.util.HashMap<>(v);
		if (!values.containsKey("stageId")) {
			values.put("pipelineId", v.get("defaultPipelineId"));
			values.put("stageId", v.get("defaultStageId"));
			values.put("stageProbability", v.get("defaultStageProbability"));
		}
		return merge(new OpportunityValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null, null,
				null, null, BigDecimal.ZERO, ProductImport.DEFAULT_CURRENCY, null, 0, Map.of()), values);
	}

	@Override
	protected OpportunityValues merge(OpportunityValues o, Map<String, Object> v) {
		boolean newOwner = v.containsKey("owner");
		UUID stageId = pick(v, "stageId", o.stageId());
		boolean moved = !Objects.equals(stageId, o.stageId());
		int probability = v.containsKey("probability") ? (Integer) v.get("probability")
				: moved ? (Integer) v.get("stageProbability") : o.probability();
		return new OpportunityValues(o.id(), o.version(), newOwner ? (UUID) v.get("ownerId") : o.ownerId(),
				newOwner ? (UUID) v.get("teamId") : o.teamId(), pick(v, "externalId", o.externalId()),
				pick(v, "accountId", o.accountId()), pick(v, "name", o.name()), pick(v, "pipelineId", o.pipelineId()),
				stageId, pick(v, "amount", o.amount()), pick(v, "currency", o.currency()),
				(LocalDate) pick(v, "closeDate", o.closeDate()), probability, pick(v, "customFields", o.customFields()));
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
				o.pipelineId(), o.stageId(), o.amount(), o.currency(), o.closeDate(), o.probability(), o.customFields());
	}

	@Override
	protected Set<String> takenExternalIds(Collection<String> externalIds) {
		return opportunities.takenExternalIds(externalIds);
	}

	@Override
	protected void insert(Actor actor, List<OpportunityValues> records) {
		opportunities.insertOpportunities(actor, records);
	}

	@Override
	protected Set<UUID> update(Actor actor, List<OpportunityValues> records) {
		return opportunities.updateOpportunities(actor, records);
	}

	@Override
	public List<OpportunityValues> current(Collection<UUID> ids) {
		return opportunities.opportunities(ids);
	}

	@Override
	public void delete(Collection<UUID> ids) {
		opportunities.deleteOpportunities(ids);
	}
}
