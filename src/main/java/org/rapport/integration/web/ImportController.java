package org.rapport.integration.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.customization.CustomFields;
import org.rapport.identity.CurrentActor;
import org.rapport.integration.DateOrder;
import org.rapport.integration.DecimalMark;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportRow;
import org.rapport.integration.ImportableKind;
import org.rapport.integration.MatchBy;
import org.rapport.integration.internal.Delimiter;
import org.rapport.integration.internal.FileEncoding;
import org.rapport.integration.internal.ImportFields;
import org.rapport.integration.internal.ImportJob;
import org.rapport.integration.internal.Imports;
import org.rapport.shared.InvalidField;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import pages, one step each: upload, mapping, preview, then the job with its progress and result.
 */
@Controller
@RequestMapping("/imports")
class ImportController {

	/** The kind of record the upload page offers first. */
	private static final String FIRST_CHOICE = "contacts";

	private final Imports imports;
	private final CurrentActor currentActor;
	private final ImportFields fields;
	private final MessageSource messages;

	ImportController(Imports imports, CurrentActor currentActor, ImportFields fields, MessageSource messages) {
		this.imports = imports;
		this.fields = fields;
		this.messages = messages;
		this.currentActor = currentActor;
	}

	@GetMapping
	String upload(@RequestParam(required = false) String entity, @RequestParam(required = false) boolean tooLarge,
			Model model) {
		if (tooLarge && !model.containsAttribute("error")) {
			model.addAttribute("error", "import.error.tooLarge");
		}
		Actor actor = actor();
		ImportableKind<?> chosen = kind(entity);
		if (!imports.mayImport(actor, chosen.name())) {
			if (!model.containsAttribute("error")) {
				model.addAttribute("error", "import.error.notAllowed");
			}
			chosen = kind(FIRST_CHOICE);
		}
		model.addAttribute("entity", chosen.name());
		model.addAttribute("entities", imports.kinds(actor).stream().map(ImportableKind::name).toList());
		model.addAttribute("jobs", imports.recent(actor));
		model.addAttribute("encodings", FileEncoding.values());
		return "integration/upload";
	}

	@PostMapping
	String uploaded(@RequestParam String entity, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String encoding, Model model) throws IOException {
		Actor actor = actor();
		ImportableKind<?> kind = kind(entity);
		if (!imports.mayImport(actor, kind.name())) {
			return uploadFailed(kind, "import.error.notAllowed", model);
		}
		if (file == null || file.isEmpty()) {
			return uploadFailed(kind, "import.error.noFile", model);
		}
		try (InputStream content = file.getInputStream()) {
			ImportJob job = imports.upload(actor, kind.name(), file.getOriginalFilename(), content,
					FileEncoding.named(encoding).orElse(null), null);
			return "redirect:/imports/" + job.id() + "/mapping";
		}
		catch (InvalidField invalid) {
			if (invalid.getArguments().length > 0) {
				model.addAttribute("errorText", invalid.message(messages, actor.locale()));
				return upload(kind.name(), false, model);
			}
			return uploadFailed(kind, invalid.messageKey(), model);
		}
	}

	private String uploadFailed(ImportableKind<?> kind, String error, Model model) {
		model.addAttribute("error", error);
		return upload(kind.name(), false, model);
	}

	/** The kind of record named, or the first choice when the name is none. */
	private ImportableKind<?> kind(String name) {
		return imports.kind(name).or(() -> imports.kind(FIRST_CHOICE)).orElseThrow();
	}

	@GetMapping("/{id}/mapping")
	String mapping(@PathVariable UUID id, @RequestParam(required = false) UUID saved, Model model) {
		Actor actor = actor();
		ImportJob job = imports.job(actor, id);
		if (job.status() != ImportJob.Status.DRAFT) {
			return "redirect:/imports/" + id;
		}
		Map<Integer, String> mapping = saved == null ? job.mapping() : imports.apply(actor, job, saved);
		model.addAttribute("job", job);
		model.addAttribute("mapping", mapping);
		model.addAttribute("saved", imports.savedMappings(actor, job.entity()));
		model.addAttribute("chosenSaved", saved);
		model.addAttribute("samples", imports.preview(actor, id).stream().findFirst().map(ImportRow::cells)
			.orElse(List.of()));
		model.addAttribute("matchKeys", imports.kindOf(job).matchKeys());
		model.addAttribute("modes", DuplicateMode.values());
		model.addAttribute("marks", DecimalMark.values());
		addFileSettings(job, model);
		addFields(actor, job, model);
		return "integration/mapping";
	}

	/** What the file settings panel shows and offers: the encodings, delimiters and orders of dates. */
	private void addFileSettings(ImportJob job, Model model) {
		model.addAttribute("encodings", FileEncoding.values());
		model.addAttribute("delimiters", Delimiter.values());
		model.addAttribute("delimiter", Delimiter.of(job.delimiter()));
		model.addAttribute("dateOrders", DateOrder.values());
		model.addAttribute("dateColumns", imports.dateColumns(job));
		model.addAttribute("detected", job.detected());
	}

	/**
	 * Reads the file again in the encoding and with the delimiter chosen; a file the encoding does not read stays as
	 * it was, with the line that does not read named.
	 */
	@PostMapping("/{id}/file")
	String reread(@PathVariable UUID id, @RequestParam String encoding,
			@RequestParam(required = false) String delimiter, RedirectAttributes redirect) {
		Actor actor = actor();
		try {
			imports.reread(actor, id, FileEncoding.named(encoding).orElseThrow(
					() -> new InvalidField("encoding", "import.error.encodingName", "Not an encoding Rapport reads")),
					Delimiter.named(delimiter).orElse(null));
		}
		catch (InvalidField invalid) {
			redirect.addFlashAttribute("fileError", invalid.message(messages, actor.locale()));
		}
		return "redirect:/imports/" + id + "/mapping";
	}

	@PostMapping("/{id}/mapping")
	String mapped(@PathVariable UUID id, @RequestParam(name = "field", required = false) List<String> fields,
			@RequestParam DuplicateMode duplicateMode, @RequestParam MatchBy matchBy,
			@RequestParam(required = false) DecimalMark decimalMark, @RequestParam(required = false) String saveAs,
			@RequestParam(name = "dateColumn", required = false) List<Integer> dateColumns,
			@RequestParam(name = "dateOrder", required = false) List<DateOrder> dateOrders, Model model,
			RedirectAttributes redirect) {
		Actor actor = actor();
		Map<Integer, DateOrder> orders = new LinkedHashMap<>();
		if (dateColumns != null && dateOrders != null && dateColumns.size() == dateOrders.size()) {
			for (int i = 0; i < dateColumns.size(); i++) {
				orders.put(dateColumns.get(i), dateOrders.get(i));
			}
		}
		Map<Integer, String> mapping = new LinkedHashMap<>();
		if (fields != null) {
			for (int column = 0; column < fields.size(); column++) {
				if (fields.get(column) != null && !fields.get(column).isBlank()) {
					mapping.put(column, fields.get(column));
				}
			}
		}
		try {
			// the orders are compared with those the page showed, before a change of the decimal mark moves them
			imports.chooseDateOrders(actor, id, orders);
			imports.configure(actor, id, mapping, duplicateMode, matchBy, decimalMark, saveAs);
		}
		catch (InvalidField invalid) {
			redirect.addFlashAttribute("error", invalid.messageKey());
			return "redirect:/imports/" + id + "/mapping";
		}
		return "redirect:/imports/" + id + "/preview";
	}

	@GetMapping("/{id}/preview")
	String preview(@PathVariable UUID id, Model model) {
		Actor actor = actor();
		ImportJob job = imports.job(actor, id);
		if (job.status() != ImportJob.Status.DRAFT) {
			return "redirect:/imports/" + id;
		}
		List<ImportRow> rows = imports.preview(actor, id);
		model.addAttribute("job", job);
		model.addAttribute("rows", rows);
		model.addAttribute("raw", rawCells(job, rows));
		addFileSettings(job, model);
		addFields(actor, job, model);
		return "integration/preview";
	}

	/**
	 * The cells of each previewed row (by line, then column) whose number, date or custom value is stored as other
	 * text than the file has, so that the preview shows the file's text beside it: {@code 500.000,00} beside
	 * {@code 500000.00}.
	 */
	static Map<Long, Map<Integer, String>> rawCells(ImportJob job, List<ImportRow> rows) {
		Map<Long, Map<Integer, String>> raw = new LinkedHashMap<>();
		for (ImportRow row : rows) {
			Map<Integer, String> differing = new LinkedHashMap<>();
			job.mapping().forEach((column, field) -> {
				String cell = column < row.cells().size() ? row.cells().get(column).strip() : "";
				Object value = stored(row, field);
				boolean converted = value instanceof Number || value instanceof TemporalAccessor
						|| (value instanceof String && field.startsWith(CustomFields.PARAM_PREFIX));
				if (converted && !cell.isEmpty() && !text(value).equals(cell)) {
					differing.put(column, cell);
				}
			});
			if (!differing.isEmpty()) {
				raw.put(row.line(), differing);
			}
		}
		return raw;
	}

	private static Object stored(ImportRow row, String field) {
		if (field.startsWith(CustomFields.PARAM_PREFIX)) {
			return row.values().get("customFields") instanceof Map<?, ?> custom
					? custom.get(field.substring(CustomFields.PARAM_PREFIX.length())) : null;
		}
		return row.values().get(field);
	}

	private static String text(Object value) {
		return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
	}

	/** The fields a column may take, built-in and custom, and their labels in the user's language. */
	private void addFields(Actor actor, ImportJob job, Model model) {
		List<ImportColumn> all = fields.of(imports.kindOf(job), actor.locale());
		Map<String, String> labels = new LinkedHashMap<>();
		for (ImportColumn field : all) {
			labels.put(field.key(), field.label() != null ? field.label()
					: messages.getMessage("import.field." + field.key(), null, field.key(), actor.locale()));
		}
		model.addAttribute("fields", all);
		model.addAttribute("labels", labels);
	}

	@PostMapping("/{id}/start")
	String start(@PathVariable UUID id) {
		imports.start(actor(), id);
		return "redirect:/imports/" + id;
	}

	@GetMapping("/{id}")
	String job(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		Actor actor = actor();
		ImportJob job = imports.job(actor, id);
		model.addAttribute("job", job);
		model.addAttribute("undoable", imports.isUndoable(actor, job));
		model.addAttribute("rejected", job.rejectedRows() == 0 ? List.of() : imports.rejected(actor, id, 100));
		return htmx != null ? "integration/job :: status" : "integration/job";
	}

	@PostMapping("/{id}/resume")
	String resume(@PathVariable UUID id) {
		imports.resume(actor(), id);
		return "redirect:/imports/" + id;
	}

	@PostMapping("/{id}/undo")
	String undo(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			imports.undo(actor(), id);
			redirect.addFlashAttribute("notice", "import.undo.done");
		}
		catch (Imports.UndoRefused refused) {
			redirect.addFlashAttribute("error", refused.key());
			redirect.addFlashAttribute("errorArgument", refused.argument());
		}
		return "redirect:/imports/" + id;
	}

	@GetMapping("/{id}/rejected.csv")
	void rejected(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		Actor actor = actor();
		RejectedRowsCsv.write(imports, actor, imports.job(actor, id), response);
	}

	/**
	 * The signed-in user in the language of the pages they see now: the rows an import rejects keep their reasons in
	 * that language, and the mapping names the fields in it, also after the user switched languages in this session.
	 */
	private Actor actor() {
		return currentActor.get().inLocale(LocaleContextHolder.getLocale());
	}
}
