package org.rapport.integration.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.integration.internal.ColumnAddress;
import org.rapport.integration.ValueMap;
import org.rapport.integration.internal.Delimiter;
import org.rapport.integration.internal.ImportJob;
import org.rapport.integration.internal.MappingOrigin;

/**
 * An import as the API shows it: its choices (with the decimal mark its numbers are read by, the currency of its
 * amounts that name none, and what the file's values that name none of our choices stand for), where it stands, and what its committed batches did, with the
 * number of rows stored without a value of the file ({@code noticeRows}); how its file is read: its encoding,
 * delimiter and the order of each date column's dates (by column, named as in the mapping); and where its mapping
 * came from.
 */
record ImportResource(UUID id, String entity, String status, String fileName, String duplicateMode, String matchBy,
		String decimalMark,
		@Schema(description = "The currency (ISO 4217) of the file's amounts that name none, detected from the symbols "
				+ "they are written with or given; null for kinds of record without amounts") String currency,
		Map<String, String> mapping, Map<String, Map<String, String>> valueMap, int totalRows,
		int processedRows, int createdRows, int updatedRows, int skippedRows, int rejectedRows, int unchangedRows,
		int noticeRows, long lastLine, int percent, String failure, boolean undoable, Instant createdAt,
		Instant startedAt, Instant finishedAt, Instant undoneAt, String encoding, String delimiter,
		Map<String, String> dateFormats,
		@Schema(description = "The source system the file's headers look like (salesforce, hubspot, odoo, suitecrm, "
				+ "zoho, pipedrive, espocrm, rapport), or null") String detectedSource,
		@Schema(description = "The source system whose headers the mapping was guessed by, or null for none")
		String source,
		@Schema(description = "When the mapping is the one you last started an import of a file with the same "
				+ "headers with: when that was; else null") Instant mappingRememberedFrom,
		@Schema(description = "Fields that several columns could fill, with the column the guess took")
		List<ColumnChoiceResource> columnChoices) {

	/** A field several columns could fill: the column taken, those passed over, and why. */
	@Schema(name = "ImportColumnChoice")
	record ColumnChoiceResource(String field, String column, List<String> passedOver,
			@Schema(description = "DATA: the column taken has values in the first rows where the others have none; "
					+ "PREFERENCE: its header names the field first") String reason) {
	}

	static ImportResource of(ImportJob job, boolean holdsAmounts, MappingOrigin origin, boolean undoable,
			ValueMap valueMap, int noticeRows) {
		Map<String, String> mapping = new LinkedHashMap<>();
		job.mapping().forEach((column, field) -> mapping.put(ColumnAddress.of(job.headers(), column), field));
		List<ColumnChoiceResource> choices = origin.choices().stream()
			.map(choice -> new ColumnChoiceResource(choice.field(), ColumnAddress.of(job.headers(), choice.column()),
					choice.passedOver().stream().map(other -> ColumnAddress.of(job.headers(), other)).toList(),
					choice.byData() ? "DATA" : "PREFERENCE"))
			.toList();
		return new ImportResource(job.id(), job.entity(), job.status().name(), job.fileName(),
				job.duplicateMode().name(), job.matchBy().name(), job.decimalMark().name(),
				holdsAmounts ? job.currency() : null, mapping, valueMap.asMap(),
				job.totalRows(), job.processedRows(), job.createdRows(), job.updatedRows(), job.skippedRows(),
				job.rejectedRows(), job.unchangedRows(), noticeRows, job.lastLine(), job.percent(), job.failure(),
				undoable, job.createdAt(), job.startedAt(), job.finishedAt(), job.undoneAt(), job.encoding().label(),
				Delimiter.of(job.delimiter()).name(), dateFormats(job), origin.detectedSource(), origin.source(),
				origin.rememberedAt(), choices);
	}

	private static Map<String, String> dateFormats(ImportJob job) {
		Map<String, String> formats = new LinkedHashMap<>();
		job.dateColumns(List.of()).forEach(column -> formats.put(ColumnAddress.of(job.headers(), column),
				job.dateOrder(column).name()));
		return formats;
	}
}
