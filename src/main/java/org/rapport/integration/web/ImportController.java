package org.rapport.integration.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.customization.CustomFields;
import org.rapport.identity.CurrentActor;
import org.rapport.integration.CurrencySymbols;
import org.rapport.integration.DateOrder;
import org.rapport.integration.DecimalMark;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportRow;
import org.rapport.integration.ImportableKind;
import org.rapport.integration.MatchBy;
import org.rapport.integration.internal.ColumnAddress;
import org.rapport.integration.internal.ColumnChoice;
import org.rapport.integration.internal.Delimiter;
import org.rapport.integration.internal.FileEncoding;
import org.rapport.integration.internal.ImportFields;
import org.rapport.integration.internal.ImportJob;
import org.rapport.integration.internal.Imports;
import org.rapport.integration.internal.MappingOrigin;
import org.rapport.integration.internal.ValueMaps;
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

	/** How the value form names a choice a file's value stands for: {@code choice:<code>}. */
	private static final String CHOICE = "choice:";

	/** How the value form says a file's value is left out. */
	private static final String EMPTY = "empty";

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
		addColumns(actor, job, mapping, saved == null, model);
		model.addAttribute("job", job);
		model.addAttribute("mapping", mapping);
		model.addAttribute("saved", imports.savedMappings(actor, job.entity()));
		model.addAttribute("chosenSaved", saved);
		model.addAttribute("samples", imports.preview(actor, id).stream().findFirst().map(ImportRow::cells)
			.orElse(List.of()));
		model.addAttribute("matchKeys", imports.kindOf(job).matchKeys());
		model.addAttribute("modes", DuplicateMode.values());
		model.addAttribute("marks", DecimalMark.values());
		model.addAttribute("currencies", currencies(actor.locale()));
		model.addAttribute("currencyEvidence", currencyEvidence(job, actor.locale()));
		addFileSettings(job, model);
		addFields(actor, job, model);
		return "integration/mapping";
	}

	/** A column of the file as the mapping page shows it: its letter, and its header numbered where it repeats. */
	record FileColumn(int index, String header, String label, String letter) {
	}

	/**
	 * The file's columns, the source system its headers look like and the one the guess went by, whether the mapping
	 * is a remembered one, and why the guess took a column where several could fill one field (while the mapping
	 * shown still maps it so).
	 */
	private void addColumns(Actor actor, ImportJob job, Map<Integer, String> mapping, boolean guessed, Model model) {
		List<FileColumn> columns = fileColumns(actor, job);
		MappingOrigin origin = imports.origin(job);
		Map<Integer, String> notes = new LinkedHashMap<>();
		if (guessed) {
			List<ImportColumn> all = fields.of(imports.kindOf(job), actor.locale());
			for (ColumnChoice choice : origin.choices()) {
				if (!choice.field().equals(mapping.get(choice.column()))) {
					continue;
				}
				String field = all.stream().filter(f -> f.key().equals(choice.field())).findFirst()
					.map(f -> label(f, actor)).orElse(choice.field());
				String taken = reference(columns.get(choice.column()), actor);
				String others = String.join(messages.getMessage("import.error.choiceSeparator", null, ", ",
						actor.locale()), choice.passedOver().stream().map(o -> reference(columns.get(o), actor)).toList());
				String reason = choice.byData() ? "data" : "preference";
				notes.put(choice.column(), messages.getMessage("import.mapping.choice.taken." + reason,
						new Object[] { field, others, choice.passedOver().size() }, actor.locale()));
				choice.passedOver().forEach(other -> notes.put(other, messages.getMessage(
						"import.mapping.choice.passed." + reason, new Object[] { field, taken }, actor.locale())));
			}
		}
		model.addAttribute("columns", columns);
		model.addAttribute("origin", origin);
		model.addAttribute("sources", imports.sources());
		model.addAttribute("columnNotes", notes);
	}

	/** The file's columns, each with its letter and its header numbered where it repeats. */
	private List<FileColumn> fileColumns(Actor actor, ImportJob job) {
		List<String> headers = job.headers();
		List<FileColumn> columns = new ArrayList<>(headers.size());
		for (int index = 0; index < headers.size(); index++) {
			String label = ColumnAddress.isRepeated(headers, index)
					? messages.getMessage("import.mapping.repeated", new Object[] { headers.get(index),
							ColumnAddress.occurrence(headers, index) }, actor.locale())
					: headers.get(index);
			columns.add(new FileColumn(index, headers.get(index), label, ColumnAddress.letter(index)));
		}
		return columns;
	}

	/** A column named as the mapping page names it: its letter and its header. */
	private String reference(FileColumn column, Actor actor) {
		return messages.getMessage("import.mapping.columnReference", new Object[] { column.letter(), column.label() },
				actor.locale());
	}

	private String label(ImportColumn field, Actor actor) {
		return field.label() != null ? field.label()
				: messages.getMessage("import.field." + field.key(), null, field.key(), actor.locale());
	}

	/** Guesses the mapping again by the headers of the source system chosen, or by the generic ones. */
	@PostMapping("/{id}/source")
	String source(@PathVariable UUID id, @RequestParam(required = false) String source, RedirectAttributes redirect) {
		try {
			imports.useSource(actor(), id, source);
		}
		catch (InvalidField invalid) {
			redirect.addFlashAttribute("error", invalid.messageKey());
		}
		return "redirect:/imports/" + id + "/mapping";
	}

	/**
	 * What the file settings panel shows and offers: the encodings, delimiters and orders of dates, and for kinds of
	 * record that hold amounts the currencies their amounts that name none may be in.
	 */
	private void addFileSettings(ImportJob job, Model model) {
		model.addAttribute("encodings", FileEncoding.values());
		model.addAttribute("delimiters", Delimiter.values());
		model.addAttribute("delimiter", Delimiter.of(job.delimiter()));
		model.addAttribute("dateOrders", DateOrder.values());
		model.addAttribute("dateColumns", imports.dateColumns(job));
		model.addAttribute("detected", job.detected());
		boolean amounts = imports.kindOf(job).holdsAmounts();
		model.addAttribute("holdsAmounts", amounts);
		// the preview shows each amount with the currency it is stored in
		model.addAttribute("amountFields", amounts ? fields.amountKeys(imports.kindOf(job)) : Set.of());
	}

	/**
	 * What the file's amounts told of the currency of those that name none, line by line: whether the user chose
	 * another or none named one, then each symbol the amounts are written with (the three most written), with the
	 * currency its amounts are stored in and those it may also stand for, or that it names none Rapport knows.
	 */
	private List<String> currencyEvidence(ImportJob job, Locale locale) {
		CurrencySymbols.Detection told = job.detected() == null ? null : job.detected().currency();
		if (told == null) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		if (!told.currency().equals(job.currency())) {
			lines.add(messages.getMessage("import.currency.chosen", new Object[] { told.currency() }, locale));
		}
		else if (told.assumed()) {
			lines.add(messages.getMessage("import.currency.assumed", new Object[] { told.currency() }, locale));
		}
		for (CurrencySymbols.Evidence symbol : told.evidence().subList(0, Math.min(3, told.evidence().size()))) {
			if (symbol.currencies().isEmpty()) {
				lines.add(messages.getMessage("import.currency.unknown",
						new Object[] { symbol.cells(), symbol.symbol(), symbol.example() }, locale));
				continue;
			}
			String storedIn = symbol.currencies().contains(job.currency()) ? job.currency()
					: symbol.currencies().get(0);
			lines.add(messages.getMessage("import.currency.detected",
					new Object[] { storedIn, symbol.cells(), symbol.symbol(), symbol.example() }, locale));
			List<String> others = symbol.others(storedIn);
			if (!others.isEmpty()) {
				lines.add(messages.getMessage("import.currency.alsoFor",
						new Object[] { symbol.symbol(), String.join(", ", others) }, locale));
			}
		}
		return lines;
	}

	/** The ISO 4217 currencies by code, each with its name in the user's language, in the order of their codes. */
	private static Map<String, String> currencies(Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		Currency.getAvailableCurrencies().stream()
			.sorted(Comparator.comparing(Currency::getCurrencyCode))
			.forEach(c -> names.put(c.getCurrencyCode(), c.getDisplayName(locale)));
		return names;
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
			@RequestParam(required = false) DecimalMark decimalMark, @RequestParam(required = false) String currency,
			@RequestParam(required = false) String saveAs,
			@RequestParam(required = false) UUID savedMapping,
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
			if (savedMapping != null) {
				imports.useSavedValues(actor, id, savedMapping);
			}
			imports.configure(actor, id, mapping, duplicateMode, matchBy, decimalMark, currency, saveAs);
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
		model.addAttribute("unmatched", imports.unmatchedValues(actor, id));
		model.addAttribute("maxValues", ValueMaps.MAX_VALUES);
		model.addAttribute("saved", imports.savedMappings(actor, job.entity()));
		model.addAttribute("columns", fileColumns(actor, job));
		model.addAttribute("choiceLabels", choiceLabels(imports.kindOf(job), actor.locale()));
		addFileSettings(job, model);
		addFields(actor, job, model);
		return "integration/preview";
	}

	/** The labels of the choices of each column of choices, in the user's language, as the record's pages show them. */
	private Map<String, Map<String, String>> choiceLabels(ImportableKind<?> kind, Locale locale) {
		Map<String, Map<String, String>> labels = new HashMap<>();
		for (ImportColumn column : kind.columns()) {
			if (column.type() == ImportColumn.Type.CHOICE) {
				Map<String, String> choices = new HashMap<>();
				column.choices()
					.forEach(code -> choices.put(code,
							messages.getMessage(column.choiceLabelKey(code), null, code, locale)));
				labels.put(column.key(), choices);
			}
		}
		return labels;
	}

	/**
	 * Takes what the file's values stand for, from the preview's form: per value its column, the value and the
	 * choice ({@code choice:<code>}, {@code empty} to leave it out, nothing to leave it unmapped); saves it with the
	 * mapping under a name if given.
	 */
	@PostMapping("/{id}/values")
	String values(@PathVariable UUID id, @RequestParam(name = "column", required = false) List<String> columns,
			@RequestParam(name = "value", required = false) List<String> values,
			@RequestParam(name = "target", required = false) List<String> targets,
			@RequestParam(required = false) String saveAs, RedirectAttributes redirect) {
		Map<String, Map<String, String>> given = new LinkedHashMap<>();
		int count = columns == null || values == null || targets == null ? 0
				: Math.min(columns.size(), Math.min(values.size(), targets.size()));
		for (int i = 0; i < count; i++) {
			Map<String, String> column = given.computeIfAbsent(columns.get(i), c -> new LinkedHashMap<>());
			String target = targets.get(i);
			if (target.startsWith(CHOICE)) {
				column.put(values.get(i), target.substring(CHOICE.length()));
			}
			else if (target.equals(EMPTY)) {
				column.put(values.get(i), "");
			}
		}
		try {
			imports.mapValues(actor(), id, given, saveAs);
			redirect.addFlashAttribute("notice", saveAs == null || saveAs.isBlank() ? "import.values.saved"
					: "import.values.savedWithMapping");
		}
		catch (InvalidField invalid) {
			redirect.addFlashAttribute("error", invalid.messageKey());
		}
		return "redirect:/imports/" + id + "/preview";
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
			labels.put(field.key(), label(field, actor));
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
		int noticeRows = imports.noticeCount(actor, id);
		model.addAttribute("noticeRows", noticeRows);
		model.addAttribute("notices", noticeRows == 0 ? List.of() : imports.notices(actor, id, 100));
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

	@GetMapping("/{id}/notices.csv")
	void notices(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		Actor actor = actor();
		RejectedRowsCsv.notices(imports, actor, imports.job(actor, id), response);
	}

	/**
	 * The signed-in user in the language of the pages they see now: the rows an import rejects keep their reasons in
	 * that language, and the mapping names the fields in it, also after the user switched languages in this session.
	 */
	private Actor actor() {
		return currentActor.get().inLocale(LocaleContextHolder.getLocale());
	}
}
