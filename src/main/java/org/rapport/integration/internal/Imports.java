package org.rapport.integration.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.rapport.identity.Actor;
import org.rapport.integration.CurrencySymbols;
import org.rapport.integration.DateOrder;
import org.rapport.integration.DecimalMark;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportRow;
import org.rapport.integration.ImportableKind;
import org.rapport.integration.MatchBy;
import org.rapport.integration.ValueMap;
import org.rapport.integration.internal.ImportJob.Status;
import org.rapport.integration.internal.ImportJobs.JobRecord;
import org.rapport.integration.internal.ImportJobs.RejectedRow;
import org.rapport.integration.internal.ImportJobs.SavedMapping;
import org.rapport.shared.ConflictingChange;
import org.rapport.shared.DefaultCurrency;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.UuidV7;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV imports from upload to undo: stores the file, guesses the mapping, previews rows as they will be stored,
 * runs the job in the background, resumes it after an interruption and undoes the last one.
 */
@Service
public class Imports {

	/** How many rows the preview shows. */
	public static final int PREVIEW_ROWS = 10;

	/** How many rows the conventions of a file's cells (decimal mark, orders of dates) are judged by. */
	private static final int SAMPLE_ROWS = 5000;

	/** How many rows tell which columns have values, where several could fill one field. */
	private static final int GUESS_SAMPLE_ROWS = 200;

	private final ImportJobs jobs;
	private final ImportRunner runner;
	private final RowReader reader;
	private final ImportFields fields;
	private final ImportKinds kinds;
	private final HeaderSets headerSets;
	private final MappingOrigins origins;
	private final ValueMaps valueMaps;
	private final TransactionTemplate transactions;
	private final Path folder;
	private final Clock clock;
	private final DefaultCurrency defaultCurrency;

	Imports(ImportJobs jobs, ImportRunner runner, RowReader reader, ImportFields fields, ImportKinds kinds,
			HeaderSets headerSets, MappingOrigins origins, ValueMaps valueMaps, PlatformTransactionManager transactions,
			@Value("${rapport.data-dir}") String dataDir, Clock clock, DefaultCurrency defaultCurrency) {
		this.clock = clock;
		this.defaultCurrency = defaultCurrency;
		this.headerSets = headerSets;
		this.origins = origins;
		this.valueMaps = valueMaps;
		this.jobs = jobs;
		this.fields = fields;
		this.kinds = kinds;
		this.runner = runner;
		this.reader = reader;
		this.transactions = new TransactionTemplate(transactions);
		this.folder = Path.of(dataDir, "imports");
	}

	/** Why an undo is refused, as a message key with its argument. */
	public static final class UndoRefused extends RuntimeException {

		private final String key;
		private final Object argument;

		UndoRefused(String key, Object argument) {
			super(key);
			this.key = key;
			this.argument = argument;
		}

		public String key() {
			return key;
		}

		public Object argument() {
			return argument;
		}
	}

	/** The kinds of record the actor may import, in their order. */
	public List<ImportableKind<?>> kinds(Actor actor) {
		return kinds.all().stream().filter(kind -> kind.mayImport(actor)).toList();
	}

	/** Whether the actor may import the kind of record of this name: products only administrators and managers. */
	public boolean mayImport(Actor actor, String kind) {
		return kinds.named(kind).map(k -> k.mayImport(actor)).orElse(false);
	}

	/** The kind of record of this name, if there is one. */
	public Optional<ImportableKind<?>> kind(String name) {
		return kinds.named(name);
	}

	/** The kind of record the job imports into. */
	public ImportableKind<?> kindOf(ImportJob job) {
		return kinds.get(job.entity());
	}

	private void requireRight(Actor actor, ImportableKind<?> kind) {
		if (!kind.mayImport(actor)) {
			throw new NotPermitted("import.forbidden", "Only administrators and managers may import " + kind.name(),
					kind.name());
		}
	}

	/**
	 * Stores the upload and opens a draft job with the encoding and delimiter the file suggests, and the mapping the
	 * actor last started a file of the same headers with, or else the one its headers suggest.
	 */
	public ImportJob upload(Actor actor, String kindName, String fileName, InputStream content) {
		return upload(actor, kindName, fileName, content, null, null);
	}

	/**
	 * Stores the upload and opens a draft job that reads it in the encoding and with the delimiter given (detected
	 * from the file when null), with the mapping its headers suggest and the conventions its cells show.
	 */
	public ImportJob upload(Actor actor, String kindName, String fileName, InputStream content, FileEncoding encoding,
			Delimiter delimiter) {
		ImportableKind<?> entity = kinds.named(kindName)
			.orElseThrow(() -> new InvalidField("entity", "import.error.entity", "Not a kind of record to import"));
		requireRight(actor, entity);
		UUID id = UuidV7.next();
		Path file = folder.resolve(id + ".csv");
		try {
			Files.createDirectories(folder);
			Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
			Reading reading = read(file, entity, encoding, delimiter, null, actor);
			Map<Integer, String> mapping = reading.mapping();
			// a file with Rapport's ids, such as its own export, comes back into the records it names
			MatchBy matchBy = mapping.containsValue("id") && entity.matchKeys().contains(MatchBy.ID) ? MatchBy.ID
					: entity.matchKeys().contains(MatchBy.NUMBER) ? MatchBy.NUMBER
					: mapping.containsValue("externalId") ? MatchBy.EXTERNAL_ID
					: mapping.containsValue("email") ? MatchBy.EMAIL : MatchBy.NAME;
			FileDetection detected = reading.detected();
			ImportJob job = new ImportJob(id, entity.name(), actor.id().value(), clip(fileName), file.toString(),
					Files.size(file), reading.delimiter().character(), detected.mark().mark(), reading.rows(),
					reading.headers(), mapping, DuplicateMode.SKIP, matchBy, Status.DRAFT, 1, 0, 0, 0, 0, 0, null,
					clock.instant(), null, null, null, null, null, 0, reading.encoding(), Map.of(), detected,
					reading.currency(defaultCurrency));
			jobs.insert(job);
			origins.keep(id, reading.origin());
			return job;
		}
		catch (InvalidField e) {
			delete(file);
			throw e;
		}
		catch (IOException | UncheckedIOException | IllegalStateException e) {
			delete(file);
			throw new InvalidField("file", "import.error.unreadable", "The file is not readable as CSV");
		}
	}

	/** A mapping of column index to field, and where it came from. */
	private record Guessed(Map<Integer, String> mapping, MappingOrigin origin) {
	}

	/**
	 * The mapping the actor last started an import of a file with these headers into the kind with (its fields that
	 * are still there), or else the one guessed by the headers of the source system they look like.
	 */
	private Guessed guess(Actor actor, ImportableKind<?> kind, List<CsvSource.Row> sample, List<String> headers) {
		String detected = headerSets.detect(headers).orElse(null);
		Optional<MappingOrigins.Remembered> remembered = origins.remembered(actor.id().value(), kind.name(), headers);
		if (remembered.isEmpty()) {
			return guess(kind, sample, headers, detected, detected);
		}
		Map<Integer, String> mapping = new TreeMap<>();
		remembered.get().mapping().forEach((column, field) -> {
			if (column < headers.size() && fields.field(kind, field, actor.locale()).isPresent()) {
				mapping.put(column, field);
			}
		});
		return new Guessed(new LinkedHashMap<>(mapping),
				new MappingOrigin(detected, remembered.get().source(), remembered.get().usedAt(), List.of()));
	}

	/**
	 * The mapping the headers suggest as the source system names them (none when null), judged by the first rows of
	 * the sample.
	 */
	private Guessed guess(ImportableKind<?> kind, List<CsvSource.Row> sample, List<String> headers, String detected,
			String source) {
		List<CsvSource.Row> first = sample.subList(0, Math.min(sample.size(), GUESS_SAMPLE_ROWS));
		ColumnGuesser.Guess guess = headerSets.guess(kind, fields.of(kind, Locale.ENGLISH), headers, first, source);
		return new Guessed(guess.mapping(), new MappingOrigin(detected, source, null, guess.choices()));
	}

	/** Where the job's mapping came from. */
	public MappingOrigin origin(ImportJob job) {
		return origins.of(job.id());
	}

	/** The names of the source systems whose export headers are known, by their ids. */
	public Map<String, String> sources() {
		return headerSets.names();
	}

	/**
	 * Guesses the draft's mapping again as the source system given names the headers ({@link HeaderSets#NONE} or
	 * blank for none), in place of the mapping it has.
	 */
	public ImportJob useSource(Actor actor, UUID id, String source) {
		ImportJob job = draft(actor, id);
		String chosen = source == null || source.isBlank() || source.strip().equalsIgnoreCase(HeaderSets.NONE) ? null
				: source.strip().toLowerCase(Locale.ROOT);
		if (chosen != null && !headerSets.sources().contains(chosen)) {
			throw new InvalidField("source", "import.error.source", "Not a source system whose headers are known");
		}
		Guessed guessed = guess(kindOf(job), job.source().firstRows(GUESS_SAMPLE_ROWS), job.headers(),
				origins.of(id).detectedSource(), chosen);
		jobs.remap(id, guessed.mapping());
		origins.keep(id, guessed.origin());
		return jobs.find(id).orElseThrow();
	}

	/**
	 * Reads the draft's file anew in the encoding given, with the delimiter given (detected anew when the encoding
	 * changes or none is given): its headers, rows and conventions, and the mapping its headers suggest where they
	 * changed. The orders of dates chosen before are forgotten, the decimal mark and the currency of amounts that name
	 * none are detected anew.
	 */
	public ImportJob reread(Actor actor, UUID id, FileEncoding encoding, Delimiter delimiter) {
		ImportJob job = draft(actor, id);
		FileEncoding chosen = encoding == null ? job.encoding() : encoding;
		Delimiter separator = chosen != job.encoding() ? null : delimiter;
		Reading reading;
		try {
			reading = read(Path.of(job.storedFile()), kindOf(job), chosen, separator, job, actor);
		}
		catch (UncheckedIOException | IllegalStateException e) {
			throw new InvalidField("file", "import.error.unreadable", "The file is not readable as CSV");
		}
		jobs.reread(id, reading.encoding(), reading.delimiter().character(), reading.detected().mark().mark(),
				reading.currency(defaultCurrency), reading.rows(), reading.headers(), reading.mapping(), reading.detected());
		if (reading.origin() != null) {
			origins.keep(id, reading.origin());
		}
		return jobs.find(id).orElseThrow();
	}

	/**
	 * The job's columns mapped as given by their addresses (a header, or a header and which of its columns:
	 * {@code Phone Number#2}, see {@link ColumnAddress}); a column the file does not have is refused.
	 */
	public Map<Integer, String> columnsAddressed(ImportJob job, Map<String, String> fieldsByColumn) {
		Map<Integer, String> mapping = new LinkedHashMap<>();
		Set<Integer> named = new HashSet<>();
		fieldsByColumn.forEach((address, field) -> {
			int column = ColumnAddress.find(job.headers(), address);
			if (column < 0) {
				throw new InvalidField("mapping", "import.error.unknownColumn", "The file has no column " + address,
						address);
			}
			if (!named.add(column)) {
				throw new InvalidField("mapping", "import.error.columnTwice",
						"The mapping names the column " + address + " twice", address);
			}
			if (field != null && !field.isBlank()) {
				mapping.put(column, field.strip());
			}
		});
		return mapping;
	}

	/**
	 * Sets the order in which the columns given (by index) write their dates, over the detected ones; an order that
	 * is the one the column is read in already, and was not chosen, is left to follow the detection.
	 */
	public ImportJob chooseDateOrders(Actor actor, UUID id, Map<Integer, DateOrder> orders) {
		ImportJob job = draft(actor, id);
		Map<Integer, DateOrder> chosen = new TreeMap<>(job.dateOrders());
		orders.forEach((column, order) -> {
			if (column < 0 || column >= job.headers().size()) {
				throw new InvalidField("dateFormats", "import.error.dateColumn", "No such column: " + column);
			}
			if (order != null && (chosen.containsKey(column) || order != job.dateOrder(column))) {
				chosen.put(column, order);
			}
		});
		jobs.chooseDateOrders(id, chosen);
		return jobs.find(id).orElseThrow();
	}

	/**
	 * The columns of the job's file whose dates have an order to show and choose: those that hold dates, and those
	 * mapped to a date field.
	 */
	public List<Integer> dateColumns(ImportJob job) {
		Set<String> dates = fields.dateKeys(kindOf(job));
		return job.dateColumns(job.mapping().entrySet().stream()
			.filter(entry -> dates.contains(entry.getValue()))
			.map(Map.Entry::getKey)
			.toList());
	}

	/** What a reading of a file found. */
	private record Reading(FileEncoding encoding, Delimiter delimiter, List<String> headers, int rows,
			Map<Integer, String> mapping, FileDetection detected, MappingOrigin origin) {

		/** The currency of the file's amounts that name none: the one detected, else the installation's. */
		String currency(DefaultCurrency otherwise) {
			return detected.currency() == null ? otherwise.code() : detected.currency().currency();
		}
	}

	/**
	 * Reads the file in the encoding and with the delimiter given, or those detected where none is given: refuses a
	 * file the encoding does not read, naming the line, and one without headers; then guesses the mapping (keeping
	 * the earlier job's where the headers are the same, else the one the actor last used for them or the
	 * headers suggest) and detects the conventions of its cells.
	 */
	private Reading read(Path file, ImportableKind<?> kind, FileEncoding encoding, Delimiter delimiter,
			ImportJob earlier, Actor actor) throws UncheckedIOException {
		try {
			FileEncoding detected = FileEncoding.detect(file);
			FileEncoding readIn = encoding == null ? detected : encoding;
			if (FileEncoding.isBinary(file, readIn)) {
				throw new InvalidField("file", "import.error.notText", "The file is not text, such as CSV");
			}
			long undecodable = FileEncoding.undecodableLine(file, readIn);
			if (undecodable > 0) {
				throw new InvalidField("file", "import.error.encoding",
						"Line " + undecodable + " of the file is not " + readIn.label() + " text", undecodable,
						readIn.label());
			}
			Delimiter found = CsvSource.detectDelimiter(file, readIn);
			Delimiter separator = delimiter == null ? found : delimiter;
			CsvSource source = new CsvSource(file, readIn, separator.character());
			List<String> headers = source.headers();
			if (headers.isEmpty() || headers.stream().allMatch(String::isBlank)) {
				throw new InvalidField("file", "import.error.empty", "The file has no header row");
			}
			int rows = source.countRows();
			List<CsvSource.Row> sample = source.firstRows(SAMPLE_ROWS);
			Guessed guessed = earlier != null && earlier.headers().equals(headers) ? null
					: guess(actor, kind, sample, headers);
			Map<Integer, String> mapping = guessed == null ? earlier.mapping() : guessed.mapping();
			DecimalMark.Detection mark = detectMark(sample, separator, kind, headers, mapping);
			CurrencySymbols.Detection currency = kind.holdsAmounts() ? detectCurrency(sample, kind, mapping) : null;
			Map<Integer, DateOrder.Detection> dates = new TreeMap<>();
			for (int column = 0; column < headers.size(); column++) {
				DateOrder.Detection order = DateOrder.detect(cellsOf(sample, column), mark.mark());
				if (order != null) {
					dates.put(column, order);
				}
			}
			return new Reading(readIn, separator, headers, rows, mapping,
					new FileDetection(detected, found, mark, dates, currency), guessed == null ? null : guessed.origin());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The job, if the actor started it (or is an administrator); otherwise it is not found. */
	public ImportJob job(Actor actor, UUID id) {
		return jobs.find(id)
			.filter(job -> job.ownerId().equals(actor.id().value()) || actor.isAdmin())
			.orElseThrow(() -> new RecordNotFound("import.notFound", "No import " + id, id));
	}

	/**
	 * The decimal mark of the file's numbers, judged by the cells of the columns mapped to numbers (amounts, whole
	 * numbers and numeric custom fields; all columns when none is) in the sample.
	 */
	private DecimalMark.Detection detectMark(List<CsvSource.Row> sample, Delimiter delimiter, ImportableKind<?> kind,
			List<String> headers, Map<Integer, String> mapping) {
		Set<String> numeric = fields.numericKeys(kind);
		List<Integer> columns = mapping.entrySet().stream()
			.filter(entry -> numeric.contains(entry.getValue()))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		if (columns.isEmpty()) {
			columns = IntStream.range(0, headers.size()).boxed().toList();
		}
		Map<String, List<String>> cells = new LinkedHashMap<>();
		for (int column : columns) {
			cells.put(headerName(headers, column), cellsOf(sample, column));
		}
		return DecimalMark.detect(cells, delimiter.character());
	}

	/**
	 * The currency of the file's amounts that name none, told by the symbols and codes the cells of the columns mapped
	 * to amounts are written with in the sample; the installation's when none names one.
	 */
	private CurrencySymbols.Detection detectCurrency(List<CsvSource.Row> sample, ImportableKind<?> kind,
			Map<Integer, String> mapping) {
		Set<String> amounts = fields.amountKeys(kind);
		List<String> cells = new ArrayList<>();
		mapping.forEach((column, field) -> {
			if (amounts.contains(field)) {
				cells.addAll(cellsOf(sample, column));
			}
		});
		return CurrencySymbols.detect(cells, defaultCurrency.code());
	}

	/**
	 * The currency code given for an import's amounts that name none, in upper case; null when none is given. A code
	 * that names no ISO 4217 currency is refused, naming the field {@code currency}.
	 */
	public static String currency(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		String iso = code.strip().toUpperCase(Locale.ROOT);
		if (!iso.matches("[A-Z]{3}") || !Money.isCurrency(iso)) {
			throw new InvalidField("currency", "import.error.importCurrency", "Not an ISO 4217 currency code: " + code);
		}
		return iso;
	}

	/** The header of a column; a header the file repeats is told apart by its position among its namesakes. */
	private static String headerName(List<String> headers, int column) {
		String header = headers.get(column);
		int before = 0;
		int all = 0;
		for (int other = 0; other < headers.size(); other++) {
			if (headers.get(other).equals(header)) {
				all++;
				before += other < column ? 1 : 0;
			}
		}
		return all > 1 ? header + "#" + (before + 1) : header;
	}

	private static List<String> cellsOf(List<CsvSource.Row> rows, int column) {
		List<String> cells = new ArrayList<>(rows.size());
		for (CsvSource.Row row : rows) {
			if (column < row.cells().size()) {
				cells.add(row.cells().get(column));
			}
		}
		return cells;
	}

	public List<ImportJob> recent(Actor actor) {
		return jobs.recent(actor.id().value(), 20);
	}

	/** {@link #configure(Actor, UUID, Map, DuplicateMode, MatchBy, DecimalMark, String)} with the detected mark. */
	public ImportJob configure(Actor actor, UUID id, Map<Integer, String> mapping, DuplicateMode mode,
			MatchBy matchBy, String saveAs) {
		return configure(actor, id, mapping, mode, matchBy, null, saveAs);
	}

	/**
	 * {@link #configure(Actor, UUID, Map, DuplicateMode, MatchBy, DecimalMark, String, String)} with the currency of
	 * amounts that name none the job has.
	 */
	public ImportJob configure(Actor actor, UUID id, Map<Integer, String> mapping, DuplicateMode mode,
			MatchBy matchBy, DecimalMark mark, String saveAs) {
		return configure(actor, id, mapping, mode, matchBy, mark, null, saveAs);
	}

	/**
	 * Sets which field each column fills, what to do with duplicates, how the file's numbers are written (the
	 * detected mark when null) and the currency of its amounts that name none (an ISO 4217 code; the one the job has
	 * when null); saves the mapping under a name if given.
	 */
	public ImportJob configure(Actor actor, UUID id, Map<Integer, String> mapping, DuplicateMode mode,
			MatchBy matchBy, DecimalMark mark, String currency, String saveAs) {
		ImportJob job = draft(actor, id);
		String amountsIn = currency(currency);
		ImportableKind<?> kind = kindOf(job);
		Map<Integer, String> clean = new LinkedHashMap<>();
		Set<String> taken = new java.util.HashSet<>();
		mapping.forEach((column, field) -> {
			if (field != null && !field.isBlank() && column >= 0 && column < job.headers().size()) {
				if (fields.field(kind, field, actor.locale()).isEmpty()) {
					throw new InvalidField("mapping", "import.error.unknownField", "No field " + field);
				}
				if (!taken.add(field)) {
					throw new InvalidField("mapping", "import.error.mappedTwice", "A field is mapped twice: " + field);
				}
				clean.put(column, field);
			}
		});
		String refusal = kind.refuses(mode);
		if (refusal != null) {
			throw new InvalidField("duplicateMode", refusal, "Not a way to handle duplicates of " + kind.name());
		}
		if (!kind.matchKeys().contains(matchBy)) {
			throw new InvalidField("matchBy", "import.error.matchBy", "Not a way to match this kind of record");
		}
		for (ImportColumn field : kind.columns()) {
			if (field.required() && !clean.containsValue(field.key())) {
				throw new InvalidField("mapping", "import.error.requiredUnmapped",
						"A required field has no column: " + field.key());
			}
		}
		jobs.configure(id, clean, mode, matchBy, mark == null ? job.decimalMark() : mark,
				amountsIn == null ? job.currency() : amountsIn);
		if (saveAs != null && !saveAs.isBlank()) {
			Map<String, String> byHeader = new LinkedHashMap<>();
			clean.forEach((column, field) -> byHeader.put(ColumnAddress.of(job.headers(), column), field));
			String name = saveAs.strip().substring(0, Math.min(100, saveAs.strip().length()));
			jobs.saveMapping(actor.id().value(), job.entity(), name, byHeader, clock.instant());
			jobs.saveValueMap(actor.id().value(), job.entity(), name, jobs.valueMap(id));
		}
		return jobs.find(id).orElseThrow();
	}

	public List<SavedMapping> savedMappings(Actor actor, String entity) {
		return jobs.mappings(actor.id().value(), entity);
	}

	/** The job's columns mapped as the saved mapping says, by their addresses ({@link ColumnAddress}). */
	public Map<Integer, String> apply(Actor actor, ImportJob job, UUID savedMapping) {
		Optional<SavedMapping> saved = savedMappings(actor, job.entity()).stream()
			.filter(m -> m.id().equals(savedMapping))
			.findFirst();
		if (saved.isEmpty()) {
			return job.mapping();
		}
		Map<Integer, String> mapping = new TreeMap<>();
		saved.get().fieldsByHeader().forEach((address, field) -> {
			int column = ColumnAddress.find(job.headers(), address);
			if (column >= 0 && field != null && fields.field(kindOf(job), field, actor.locale()).isPresent()) {
				mapping.put(column, field);
			}
		});
		return new LinkedHashMap<>(mapping);
	}

	/** The first rows converted exactly as the import will store them, with their errors. */
	public List<ImportRow> preview(Actor actor, UUID id) {
		ImportJob job = job(actor, id);
		List<CsvSource.Row> rows = job.source().firstRows(PREVIEW_ROWS);
		TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
		readOnly.setReadOnly(true);
		ValueMap values = jobs.valueMap(id);
		return readOnly.execute(status -> reader.read(reader.batch(actor, kindOf(job), job, values), job.mapping(),
				rows, reader.owners()));
	}

	/** What the job's file values that name none of our choices stand for. */
	public ValueMap valueMap(Actor actor, UUID id) {
		return jobs.valueMap(job(actor, id).id());
	}

	/**
	 * The values of the whole file, per column of choices the job maps, that name none of our choices or that its
	 * value map names, for the user to say what they stand for.
	 */
	public List<ValueMaps.FileValues> unmatchedValues(Actor actor, UUID id) {
		ImportJob job = job(actor, id);
		return valueMaps.unmatched(job, kindOf(job), actor.locale(), jobs.valueMap(id));
	}

	/**
	 * Sets what the draft's file values stand for (column key to file value to our value, or empty to leave it
	 * out), replacing the columns given and keeping the others; saves it with the mapping under a name if given.
	 */
	public ImportJob mapValues(Actor actor, UUID id, Map<String, Map<String, String>> given, String saveAs) {
		ImportJob job = draft(actor, id);
		ValueMap checked = valueMaps.checked(kindOf(job), given, actor.locale());
		Map<String, Map<String, String>> merged = new LinkedHashMap<>(jobs.valueMap(id).asMap());
		given.keySet().forEach(merged::remove);
		merged.putAll(checked.asMap());
		jobs.valueMap(id, new ValueMap(merged));
		if (saveAs != null && !saveAs.isBlank()) {
			return configure(actor, id, job.mapping(), job.duplicateMode(), job.matchBy(), saveAs);
		}
		return jobs.find(id).orElseThrow();
	}

	/** Gives the draft the value map of the actor's saved mapping, if it was saved with one. */
	public void useSavedValues(Actor actor, UUID id, UUID savedMapping) {
		ImportJob job = draft(actor, id);
		ValueMap saved = jobs.savedValueMap(savedMapping, actor.id().value());
		if (!saved.isEmpty()) {
			jobs.valueMap(job.id(), valueMaps.kept(kindOf(job), saved.asMap(), actor.locale()));
		}
	}

	/** How many rows the import stored without a value of the file, each with a notice. */
	public int noticeCount(Actor actor, UUID id) {
		return jobs.noticeCount(job(actor, id).id());
	}

	public List<ImportJobs.NoticedRow> notices(Actor actor, UUID id, int limit) {
		return jobs.notices(job(actor, id).id(), limit);
	}

	public void forEachNotice(Actor actor, UUID id, Consumer<ImportJobs.NoticedRow> action) {
		transactions.executeWithoutResult(status -> jobs.forEachNotice(job(actor, id).id(), action));
	}

	/**
	 * Queues the mapped draft to run in the background, and remembers its mapping for the actor's next file of the
	 * same headers.
	 */
	public ImportJob start(Actor actor, UUID id) {
		ImportJob job = draft(actor, id);
		requireRight(actor, kindOf(job));
		origins.remember(actor.id().value(), job.entity(), job.headers(), job.mapping(), origins.of(id).source(),
				clock.instant());
		if (!runner.queue(id, Set.of(Status.DRAFT))) {
			throw new ConflictingChange("import.started", "The import has started already");
		}
		runner.submit(id, actor);
		return jobs.find(id).orElseThrow();
	}

	/** Continues an interrupted or failed import after the last row it committed. */
	public ImportJob resume(Actor actor, UUID id) {
		ImportJob job = own(actor, id);
		requireRight(actor, kindOf(job));
		if (!Files.exists(Path.of(job.storedFile()))) {
			throw new RuleBroken("import.fileGone", "The file of this import is gone");
		}
		// a job whose node went away is interrupted first; one that a live node holds is not resumed twice
		runner.interruptAbandoned();
		if (!runner.queue(id, Set.of(Status.INTERRUPTED, Status.FAILED))) {
			throw new ConflictingChange("import.notResumable",
					"Only an interrupted or failed import resumes; this one is still running");
		}
		runner.submit(id, actor);
		return jobs.find(id).orElseThrow();
	}

	/** Whether this is the actor's last import and has not been undone. */
	public boolean isUndoable(Actor actor, ImportJob job) {
		return job.ownerId().equals(actor.id().value()) && job.isFinished() && job.status() != Status.UNDONE
				&& jobs.lastUndoable(actor.id().value()).map(job.id()::equals).orElse(false);
	}

	/**
	 * Undoes the actor's last import: deletes the records it created and writes back the values of those it
	 * updated. Refused when any of them changed since, or a created record is in use by other records.
	 */
	public ImportJob undo(Actor actor, UUID id) {
		ImportJob job = own(actor, id);
		ImportableKind<?> kind = kindOf(job);
		requireRight(actor, kind);
		if (!isUndoable(actor, job)) {
			throw new UndoRefused("import.undo.notLast", null);
		}
		try {
			transactions.executeWithoutResult(status -> undo(actor, job, kind));
		}
		catch (DataIntegrityViolationException inUse) {
			throw new UndoRefused("import.undo.inUse", null);
		}
		return jobs.find(id).orElseThrow();
	}

	private <R> void undo(Actor actor, ImportJob job, ImportableKind<R> writer) {
		List<JobRecord> records = new ArrayList<>();
		jobs.forEachRecord(job.id(), records::add);
		Map<UUID, Long> versions = new HashMap<>();
		for (int from = 0; from < records.size(); from += 1000) {
			List<UUID> ids = records.subList(from, Math.min(records.size(), from + 1000)).stream()
				.map(JobRecord::recordId).toList();
			writer.current(ids).forEach(r -> versions.put(writer.id(r), writer.version(r)));
		}
		long changed = records.stream()
			.filter(r -> versions.containsKey(r.recordId()) && versions.get(r.recordId()) != r.versionAfter())
			.count();
		if (changed > 0) {
			throw new UndoRefused("import.undo.changed", changed);
		}
		List<UUID> created = records.stream()
			.filter(r -> r.action().equals("CREATED") && versions.containsKey(r.recordId()))
			.map(JobRecord::recordId).toList();
		for (int from = 0; from < created.size(); from += 1000) {
			List<UUID> chunk = created.subList(from, Math.min(created.size(), from + 1000));
			String refusal = writer.refuseDeleting(chunk);
			if (refusal != null) {
				throw new UndoRefused(refusal, null);
			}
			writer.delete(chunk);
		}
		List<R> restore = new ArrayList<>();
		for (JobRecord record : records) {
			if (record.action().equals("UPDATED") && versions.containsKey(record.recordId())) {
				restore.add(writer.withVersion(jobs.read(record.previous(), writer.valuesType()), record.versionAfter()));
			}
			if (restore.size() == 1000) {
				restoreAll(actor, writer, restore);
			}
		}
		restoreAll(actor, writer, restore);
		jobs.move(job.id(), Set.of(Status.DONE, Status.INTERRUPTED, Status.FAILED), Status.UNDONE, clock.instant());
	}

	private <R> void restoreAll(Actor actor, ImportableKind<R> writer, List<R> restore) {
		if (restore.isEmpty()) {
			return;
		}
		Set<UUID> written = writer.writeBack(actor, restore);
		if (written.size() != restore.size()) {
			throw new UndoRefused("import.undo.changed", restore.size() - written.size());
		}
		restore.clear();
	}

	public List<RejectedRow> rejected(Actor actor, UUID id, int limit) {
		return jobs.rejected(job(actor, id).id(), limit);
	}

	public void forEachRejected(Actor actor, UUID id, Consumer<RejectedRow> action) {
		transactions.executeWithoutResult(status -> jobs.forEachRejected(job(actor, id).id(), action));
	}

	private ImportJob draft(Actor actor, UUID id) {
		ImportJob job = own(actor, id);
		if (job.status() != Status.DRAFT) {
			throw new ConflictingChange("import.started", "The import has started already");
		}
		return job;
	}

	private ImportJob own(Actor actor, UUID id) {
		ImportJob job = job(actor, id);
		if (!job.ownerId().equals(actor.id().value())) {
			throw new NotPermitted("import.notOwner", "Only who started an import may change it");
		}
		return job;
	}

	private static String clip(String fileName) {
		String name = fileName == null || fileName.isBlank() ? "import.csv" : Path.of(fileName).getFileName().toString();
		return name.length() <= 255 ? name : name.substring(0, 255);
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			// a leftover upload is harmless
		}
	}
}
