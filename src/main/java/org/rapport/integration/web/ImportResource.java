package org.rapport.integration.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.rapport.integration.internal.ImportJob;

/**
 * An import as the API shows it: its choices (with the decimal mark its numbers are read by), where it stands, and
 * what its committed batches did.
 */
record ImportResource(UUID id, String entity, String status, String fileName, String duplicateMode, String matchBy,
		String decimalMark, Map<String, String> mapping, int totalRows, int processedRows, int createdRows,
		int updatedRows, int skippedRows, int rejectedRows, int unchangedRows, long lastLine, int percent, String failure, boolean undoable,
		Instant createdAt, Instant startedAt, Instant finishedAt, Instant undoneAt) {

	static ImportResource of(ImportJob job, boolean undoable) {
		Map<String, String> mapping = new LinkedHashMap<>();
		job.mapping().forEach((column, field) -> mapping.put(job.headers().get(column), field));
		return new ImportResource(job.id(), job.entity(), job.status().name(), job.fileName(),
				job.duplicateMode().name(), job.matchBy().name(), job.decimalMark().name(), mapping, job.totalRows(), job.processedRows(),
				job.createdRows(), job.updatedRows(), job.skippedRows(), job.rejectedRows(), job.unchangedRows(), job.lastLine(),
				job.percent(), job.failure(), undoable, job.createdAt(), job.startedAt(), job.finishedAt(),
				job.undoneAt());
	}
}
