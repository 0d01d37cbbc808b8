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
import org.rapport.sales.OpportunityImports;
import org.rapport.sales.OpportunityValues;
import org.rapport.shared.MatchBy;
import org.springframework.stereotype.Component;

/**
 * Imports opportunities; they match by external id, or by name at the same account. A new one without a stage
 * enters the first open stage of its pipeline with that stage's probability; without a currency it is in euros.
 */
@Component
class OpportunityWriter extends RowWriter<OpportunityValues> {

	private final OpportunityImports opportunities;

	OpportunityWriter(OpportunityImports opportunities) {
		this.opportunities = opportunities;
	}

	@Override
	ImportEntity entity() {
		return ImportEntity.OPPORTUNITIES;
	}

	@Override
	Class<OpportunityValues> type() {
		return OpportunityValues.class;
	}

	@Override
	List<OpportunityValues> find(Actor actor, MatchBy key, Collection<String> values) {
		return opportunities.findOpportunities(actor, key, values);
	}

	@Override
	String lookupValue(MatchBy key, Map<String, Object> values) {
		return switch (key) {
			case EXTERNAL_ID -> (String) values.get("externalId");
			case NAME -> lower(values.get("name"));
			case EMAIL, NUMBER -> null;
		};
	}

	@Override
	String key(MatchBy key, Map<String, Object> values) {
		if (key == MatchBy.NAME) {
			return values.get("name") == null ? null : lower(values.get("name")) + "|" + values.get("accountId");
		}
		return lookupValue(key, values);
	}

	@Override
	String key(MatchBy key, OpportunityValues o) {
		return switch (key) {
			case EXTERNAL_ID -> o.externalId();
			case NAME -> lower(o.name()) + "|" + o.accountId();
			case EMAIL, NUMBER -> null;
		};
	}

	@Override
	OpportunityValues create(UUID id, Map<String, Object> v) {
		Map<String, Object> values = new java.util.HashMap<>(v);
		if (!values.containsKey("stageId")) {
			values.put("pipelineId", v.get("defaultPipelineId"));
			values.put("stageId", v.get("defaultStageId"));
			values.put("stageProbability", v.get("defaultStageProbability"));
		}
		return merge(new OpportunityValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null, null,
				null, null, BigDecimal.ZERO, ProductWriter.DEFAULT_CURRENCY, null, 0, Map.of()), values);
	}

	@Override
	OpportunityValues merge(OpportunityValues o, Map<String, Object> v) {
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
	Map<String, Object> customFields(OpportunityValues record) {
		return record.customFields();
	}

	@Override
	UUID id(OpportunityValues record) {
		return record.id();
	}

	@Override
	long version(OpportunityValues record) {
		return record.version();
	}

	@Override
	String externalId(OpportunityValues record) {
		return record.externalId();
	}

	@Override
	OpportunityValues withVersion(OpportunityValues o, long version) {
		return new OpportunityValues(o.id(), version, o.ownerId(), o.teamId(), o.externalId(), o.accountId(), o.name(),
				o.pipelineId(), o.stageId(), o.amount(), o.currency(), o.closeDate(), o.probability(), o.customFields());
	}

	@Override
	Set<String> takenExternalIds(Collection<String> externalIds) {
		return opportunities.takenExternalIds(externalIds);
	}

	@Override
	void insert(Actor actor, List<OpportunityValues> records) {
		opportunities.insertOpportunities(actor, records);
	}

	@Override
	Set<UUID> update(Actor actor, List<OpportunityValues> records) {
		return opportunities.updateOpportunities(actor, records);
	}

	@Override
	List<OpportunityValues> current(Collection<UUID> ids) {
		return opportunities.opportunities(ids);
	}

	@Override
	void delete(Collection<UUID> ids) {
		opportunities.deleteOpportunities(ids);
	}
}
