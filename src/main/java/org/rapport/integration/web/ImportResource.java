package org.rapport.integration.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.integration.internal.Delimiter;
import org.rapport.integration.internal.ImportJob;

/**
 * An import as the API shows it: its choices (with the decimal mark its numbers are read by), where it stands, and
 * what its committed batches did; how its file is read: its encoding, delimiter and the order of each date column's
 * dates (by header).
 */
record ImportResource(UUID id, String entity, String status, String fileName, String duplicateMode, String matchBy,
		String decimalMark, Map<String, String> mapping, int totalRows, int processedRows, int createdRows,
		int updatedRows, int skippedRows, int rejectedRows, long lastLine, int percent, String failure, boolean undoable,
		Instant createdAt, Instant startedAt, Instant finishedAt, Instant undoneAt, String encoding, String delimiter,
		Map<String, String> dateFormats) {

	static ImportResource of(ImportJob job, boolean undoable) {
		Map<String, String> mapping = new LinkedHashMap<>();
		job.mapping().forEach((column, field) -> mapping.put(job.headers().get(column), field));
		return new ImportResource(job.id(), job.entity(), job.status().name(), job.fileName(),
				job.duplicateMode().name(), job.matchBy().name(), job.decimalMark().name(), mapping, job.totalRows(), job.processedRows(),
				job.createdRows(), job.updatedRows(), job.skippedRows(), job.rejectedRows(), job.lastLine(),
				job.percent(), job.failure(), undoable, job.createdAt(), job.startedAt(), job.finishedAt(),
				job.undoneAt(), job.encoding().label(), Delimiter.of(job.delimiter()).name(), dateFormats(job));
	}

	private static Map<String, String> dateFormats(ImportJob job) {
		Map<String, String> formats = new LinkedHashMap<>();
		job.dateColumns(List.of()).forEach(column -> formats.put(job.headers().get(column),
				job.dateOrder(column).name()));
		return formats;
	}
}
