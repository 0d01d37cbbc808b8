package org.rapport.integration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.integration.DateOrder;
import org.rapport.integration.DecimalMark;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.MatchBy;
import org.rapport.integration.internal.ColumnAddress;
import org.rapport.integration.internal.Delimiter;
import org.rapport.integration.internal.FileEncoding;
import org.rapport.integration.internal.ImportJob;
import org.rapport.integration.internal.Imports;
import org.rapport.shared.InvalidField;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "CSV imports of accounts, contacts, leads, products, opportunities, contracts and orders, run in the background")
class ImportApiController {

	private final Imports imports;
	private final CurrentActor currentActor;
	private final JsonMapper json;
	private final MessageSource messages;

	ImportApiController(Imports imports, CurrentActor currentActor, JsonMapper json, MessageSource messages) {
		this.imports = imports;
		this.currentActor = currentActor;
		this.json = json;
		this.messages = messages;
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a CSV file and start importing it", description = "In any encoding of the "
			+ "encoding parameter (detected when left out), separated by commas, semicolons, tabs or bars, up to the "
			+ "upload limit (100 MB unless set; a larger file answers 413). Without a mapping the columns map by their "
			+ "headers: as the source system the headers look like (Salesforce, HubSpot, Odoo, SuiteCRM, Zoho, "
			+ "Pipedrive, EspoCRM) names them, then by the generic headers (English, German, Chinese); a file with the "
			+ "same headers as one you imported before starts from the mapping you used then. Numbers are read by the "
			+ "file's decimal mark and each column's dates in its order, both detected from the file unless given. "
			+ "An amount is in the currency its row's currency column names; an amount written with a currency's "
			+ "symbol or code ($1,200, 1.200,00 €, ¥1,200, 1200元, CHF 100) must agree with it, or names the row's "
			+ "currency when the row gives none; other amounts are in the import's currency (the currency parameter). "
			+ "Answers 202 with the job; poll it for progress.")
	ResponseEntity<ImportResource> start(@RequestPart("file") MultipartFile file,
			@Parameter(description = "accounts, contacts, leads, opportunities, contracts, orders or products (administrators and managers only)") @RequestParam String entity,
			@Parameter(description = "JSON object of file column to field, such as {\"E-mail\": \"email\"}. A column is "
					+ "named by its header; where several columns share a header, by the header and which of them it "
					+ "is: \"Phone Number#2\" is the second column headed Phone Number (a bare header names the "
					+ "first). A column the file does not have is refused.")
			@RequestParam(required = false) String mapping,
			@Parameter(description = "The source system whose headers to guess the mapping by: salesforce, hubspot, "
					+ "odoo, suitecrm, zoho, pipedrive, espocrm, rapport (its own exports), or none; detected from the headers when left out")
			@RequestParam(required = false) String source,
			@Parameter(description = "SKIP, UPDATE or CREATE") @RequestParam(defaultValue = "SKIP") String duplicateMode,
			@Parameter(description = "EXTERNAL_ID, EMAIL, NAME or ID (the id of Rapport, as its exports write it in the "
					+ "column id; a row naming no record you may see is rejected, one without an id creates a record); "
					+ "products: NUMBER (the SKU), EXTERNAL_ID or ID. Left out: ID when a column maps to id, else "
					+ "EXTERNAL_ID") @RequestParam(required = false)
			String matchBy,
			@Parameter(description = "How the file writes numbers: POINT (1,234.50) or COMMA (1.234,50); detected from the file when left out")
			@RequestParam(required = false) String decimalMark,
			@Parameter(description = "The currency (ISO 4217 code, such as USD) of the amounts that name none, for "
					+ "opportunities, contracts, products and orders: a row that names no currency, neither in its "
					+ "currency column nor by a symbol written with its amount, is in it (an order: in its first "
					+ "product's), and so is an amount whose symbol may stand for it ($ for CAD). Left out: the "
					+ "currency the amounts' symbols name most ($1,200: USD), else the installation's (rapport.currency). "
					+ "A code that names no currency answers 422 naming currency")
			@RequestParam(required = false) String currency,
			@Parameter(description = "JSON object of field to file value to the value it stands for, for file values "
					+ "that name none of a field's choices, such as `{\"industry\": {\"Food & Beverage\": \"RETAIL\", "
					+ "\"Other\": \"\"}}`: a choice's code (or its label), or empty to leave the value out. Fields: "
					+ "the choice fields (type, industry, source, lifecycleStage, rating…), custom fields with options "
					+ "(`cf.<key>`) and an opportunity's stage (a stage's name). File values compare without case, "
					+ "accents and punctuation. An optional choice that names none of ours and is not mapped leaves "
					+ "the value out, and the row is imported with a notice (noticeRows, notices.csv)")
			@RequestParam(required = false) String valueMap,
			@Parameter(description = "The file's encoding: UTF-8, UTF-16LE, UTF-16BE, windows-1252, ISO-8859-1, "
					+ "GB18030 (also for GBK and GB2312), Big5 or Shift_JIS; detected from the file when left out")
			@RequestParam(required = false) String encoding,
			@Parameter(description = "The separator of the cells: COMMA, SEMICOLON, TAB or PIPE (or the character "
					+ "itself); detected from the header line when left out")
			@RequestParam(required = false) String delimiter,
			@Parameter(description = "JSON object of file header to the order its dates are written in: YMD "
					+ "(2005-11-09), DMY (09.11.2005) or MDY (11/9/2005), such as {\"Close Date\": \"MDY\"} (a repeated header as in the mapping: \"Create Date#2\"); each "
					+ "date column's order is detected from its cells when left out")
			@RequestParam(required = false) String dateFormats) throws IOException {
		Actor actor = currentActor.get();
		String kind = imports.kind(entity)
			.orElseThrow(() -> new InvalidField("entity", "import.error.entity", "Not a kind of record to import"))
			.name();
		DuplicateMode mode = parse(DuplicateMode.class, duplicateMode, "duplicateMode");
		MatchBy key = matchBy == null || matchBy.isBlank() ? null : parse(MatchBy.class, matchBy, "matchBy");
		DecimalMark mark = decimalMark == null || decimalMark.isBlank() ? null
				: parse(DecimalMark.class, decimalMark, "decimalMark");
		String amountsIn = Imports.currency(currency);
		FileEncoding readIn = encoding == null || encoding.isBlank() ? null : FileEncoding.named(encoding)
			.orElseThrow(() -> new InvalidField("encoding", "import.error.encodingName", "Not an encoding Rapport reads"));
		Delimiter separator = delimiter == null || delimiter.isEmpty() ? null : Delimiter.named(delimiter)
			.orElseThrow(() -> new InvalidField("delimiter", "import.error.delimiter", "Not a delimiter Rapport reads"));
		Map<String, DateOrder> orders = dateOrders(dateFormats);
		ImportJob job;
		try (InputStream content = file.getInputStream()) {
			job = imports.upload(actor, kind, file.getOriginalFilename(), content, readIn, separator);
		}
		if (!orders.isEmpty()) {
			Map<Integer, DateOrder> byColumn = new LinkedHashMap<>();
			for (Map.Entry<String, DateOrder> order : orders.entrySet()) {
				// a column is named as in the mapping: by its header, or its header and which of them it is
				int column = ColumnAddress.find(job.headers(), order.getKey());
				if (column < 0) {
					throw new InvalidField("dateFormats", "import.error.dateFormatsHeader",
							"The file has no column " + order.getKey(), order.getKey());
				}
				byColumn.put(column, order.getValue());
			}
			imports.chooseDateOrders(actor, job.id(), byColumn);
		}
		if (source != null && !source.isBlank()) {
			job = imports.useSource(actor, job.id(), source);
		}
		Map<Integer, String> columns = job.mapping();
		if (mapping != null && !mapping.isBlank()) {
			Map<String, String> byHeader;
			try {
				byHeader = json.readValue(mapping, new TypeReference<LinkedHashMap<String, String>>() {
				});
			}
			catch (RuntimeException e) {
				throw new InvalidField("mapping", "import.error.mappingJson", "The mapping is not a JSON object");
			}
			columns = imports.columnsAddressed(job, byHeader);
		}
		if (key == null) {
			key = columns.containsValue("id") ? MatchBy.ID : MatchBy.EXTERNAL_ID;
		}
		imports.configure(actor, job.id(), columns, mode, key, mark, amountsIn, null);
		if (valueMap != null && !valueMap.isBlank()) {
			Map<String, Map<String, String>> values;
			try {
				values = json.readValue(valueMap, new TypeReference<LinkedHashMap<String, Map<String, String>>>() {
				});
			}
			catch (RuntimeException e) {
				throw new InvalidField("valueMap", "import.error.valueMapJson",
						"The value map is not a JSON object of field to file value to value");
			}
			imports.mapValues(actor, job.id(), values, null);
		}
		job = imports.start(actor, job.id());
		return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id()))
			.body(resource(actor, job, false));
	}

	@GetMapping("/{id}")
	@Operation(summary = "An import's progress and counts")
	ImportResource get(@PathVariable UUID id) {
		Actor actor = currentActor.get();
		ImportJob job = imports.job(actor, id);
		return resource(actor, job, imports.isUndoable(actor, job));
	}

	@GetMapping(value = "/{id}/notices.csv", produces = "text/csv")
	@Operation(summary = "The rows imported without a value of the file (an optional choice that is not one of "
			+ "ours) as CSV: line number, the original columns, and the notices")
	void notices(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		Actor actor = currentActor.get();
		RejectedRowsCsv.notices(imports, actor, imports.job(actor, id), response);
	}

	private ImportResource resource(Actor actor, ImportJob job, boolean undoable) {
		return ImportResource.of(job, imports.kindOf(job).holdsAmounts(), imports.origin(job), undoable,
				imports.valueMap(actor, job.id()), imports.noticeCount(actor, job.id()));
	}

	@GetMapping(value = "/{id}/rejected.csv", produces = "text/csv")
	@Operation(summary = "The rejected rows as CSV: line number, the original columns, and the reasons")
	void rejected(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		Actor actor = currentActor.get();
		RejectedRowsCsv.write(imports, actor, imports.job(actor, id), response);
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping("/{id}/resume")
	@Operation(summary = "Resume an interrupted or failed import after the last row it committed")
	ResponseEntity<ImportResource> resume(@PathVariable UUID id) {
		Actor actor = currentActor.get();
		return ResponseEntity.accepted().body(resource(actor, imports.resume(actor, id), false));
	}

	@PostMapping("/{id}/undo")
	@Operation(summary = "Undo your last import", description = "Deletes the records it created and restores the "
			+ "values of those it updated; 409 when any of them changed since or a created record is in use.")
	ImportResource undo(@PathVariable UUID id) {
		Actor actor = currentActor.get();
		return resource(actor, imports.undo(actor, id), false);
	}

	@ExceptionHandler(Imports.UndoRefused.class)
	ResponseEntity<ProblemDetail> refused(Imports.UndoRefused refused, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.getMessage(
				refused.key(), new Object[] { refused.argument() }, refused.key(), Locale.ENGLISH));
		problem.setTitle("Undo refused");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	/** The orders of dates given by header, as the JSON object of the {@code dateFormats} parameter names them. */
	private Map<String, DateOrder> dateOrders(String dateFormats) {
		Map<String, DateOrder> orders = new LinkedHashMap<>();
		if (dateFormats == null || dateFormats.isBlank()) {
			return orders;
		}
		Map<String, String> byHeader;
		try {
			byHeader = json.readValue(dateFormats, new TypeReference<LinkedHashMap<String, String>>() {
			});
		}
		catch (RuntimeException e) {
			throw new InvalidField("dateFormats", "import.error.dateFormatsJson",
					"The date formats are not a JSON object");
		}
		byHeader.forEach((header, order) -> orders.put(header,
				parse(DateOrder.class, order == null ? "" : order, "dateFormats")));
		return orders;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidField(field, "import.error." + field, "Not one of the allowed values");
		}
	}
}
