package org.rapport.integration.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.rapport.integration.ValueMap;
import org.rapport.integration.internal.ImportJob;

/**
 * An import as the API shows it: its choices (with the decimal mark its numbers are read by, and what the file's
 * values that name none of our choices stand for), where it stands, and what its committed batches did, with the
 * number of rows stored without a value of the file ({@code noticeRows}).
 */
record ImportResource(UUID id, String entity, String status, String fileName, String duplicateMode, String matchBy,
		String decimalMark, Map<String, String> mapping, Map<String, Map<String, String>> valueMap, int totalRows,
		int processedRows, int createdRows, int updatedRows, int skippedRows, int rejectedRows, int noticeRows,
		long lastLine, int percent, String failure, boolean undoable, Instant createdAt, Instant startedAt,
		Instant finishedAt, Instant undoneAt) {

	static ImportResource of(ImportJob job, boolean undoable, ValueMap valueMap, int noticeRows) {
		Map<String, String> mapping = new LinkedHashMap<>();
		job.mapping().forEach((column, field) -> mapping.put(job.headers().get(column), field));
		return new ImportResource(job.id(), job.entity(), job.status().name(), job.fileName(),
				job.duplicateMode().name(), job.matchBy().name(), job.decimalMark().name(), mapping, valueMap.asMap(),
				job.totalRows(), job.processedRows(), job.createdRows(), job.updatedRows(), job.skippedRows(),
				job.rejectedRows(), noticeRows, job.lastLine(), job.percent(), job.failure(), undoable, job.createdAt(),
				job.startedAt(), job.finishedAt(), job.undoneAt());
	}
}
