package org.rapport.customers.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.MergeEntry;
import org.rapport.customers.MergeKind;
import org.rapport.customers.MergeLog;
import org.rapport.identity.Actor;
import org.rapport.identity.UserId;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the merge log, with the values of each merged record as JSON text.
 */
@Service
@Transactional(readOnly = true)
class MergeLogService implements MergeLog {

	private static final TypeReference<LinkedHashMap<String, String>> TEXT_MAP = new TypeReference<>() {
	};

	private final MergeRecords records;
	private final JsonMapper json;
	private final Clock clock;

	MergeLogService(MergeRecords records, JsonMapper json, Clock clock) {
		this.records = records;
		this.json = json;
		this.clock = clock;
	}

	@Override
	// part of the merge it records: the log line and the merge commit together or not at all
	@Transactional(propagation = Propagation.MANDATORY)
	public MergeEntry record(Actor actor, MergeKind kind, UUID survivor, UUID merged, String mergedLabel,
			Map<String, String> mergedValues, Map<String, String> chosenFields) {
		String label = mergedLabel == null || mergedLabel.isBlank() ? merged.toString() : mergedLabel;
		MergeRecord record = records.save(new MergeRecord(kind, survivor, merged,
				label.length() > 300 ? label.substring(0, 300) : label, json.writeValueAsString(mergedValues),
				json.writeValueAsString(chosenFields), actor.id().value(), clock.instant()));
		return entry(record);
	}

	@Override
	public List<MergeEntry> mergesInto(UUID survivor, int limit) {
		return records.findBySurvivor(survivor, PageRequest.of(0, limit)).stream().map(this::entry).toList();
	}

	private MergeEntry entry(MergeRecord record) {
		return new MergeEntry(record.getId(), record.getKind(), record.getSurvivorId(), record.getMergedId(),
				record.getMergedLabel(), json.readValue(record.getMergedValues(), TEXT_MAP),
				json.readValue(record.getChosenFields(), TEXT_MAP),
				record.getMergedBy() == null ? null : new UserId(record.getMergedBy()), record.getMergedAt());
	}
}
