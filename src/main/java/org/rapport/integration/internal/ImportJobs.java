package org.rapport.integration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.rapport.integration.DateOrder;
import org.rapport.integration.DecimalMark;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.ImportOutcome;
import org.rapport.integration.ImportRow;
import org.rapport.integration.MatchBy;
import org.rapport.integration.ValueMap;
import org.rapport.integration.bulk.BulkRows;
import org.rapport.integration.internal.ImportJob.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import jobs with their checkpoints, the records they wrote and the rows they rejected. A job names its kind of
 * record in upper case, as jobs always have been stored.
 */
@Repository
public class ImportJobs {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final TypeReference<LinkedHashMap<Integer, String>> MAPPING = new TypeReference<>() {
	};

	private static final TypeReference<LinkedHashMap<Integer, DateOrder>> DATE_ORDERS = new TypeReference<>() {
	};

	/** A record a job created or updated. */
	public record JobRecord(UUID recordId, String action, long versionAfter, String previous) {
	}

	/** A row a job lists for the user to look at: its line, its cells as read, and why it is listed. */
	public interface ListedRow {

		long line();

		String why();

		List<String> cells();
	}

	/** A rejected row as stored. */
	public record RejectedRow(long line, String reasons, List<String> cells) implements ListedRow {

		@Override
		public String why() {
			return reasons;
		}
	}

	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;
	private final JsonMapper json;
	private final BulkRows bulk;

	ImportJobs(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, JsonMapper json, BulkRows bulk) {
		this.jdbc = jdbc;
		this.named = named;
		this.json = json;
		this.bulk = bulk;
	}

	/**
	 * Sets up the running transaction for a batch, on PostgreSQL. Each statement is planned for its own values: the
	 * batches run the same statements again and again, and once the driver prepares them on the server, PostgreSQL may
	 * keep a generic plan made while the table was still empty (a scan of the whole table), which grows slower with
	 * every batch. And the commit does not wait for the disk: should the database stop before it has written the
	 * batch, the job's checkpoint, written in the same transaction, is lost with it, and a resume writes the batch
	 * again. Any later commit that waits, such as the one that marks the job done, has the batch written first.
	 */
	void setUpBatch() {
		if (bulk.isPostgres()) {
			jdbc.queryForList("select set_config('plan_cache_mode', 'force_custom_plan', true), "
					+ "set_config('synchronous_commit', 'off', true)");
		}
	}

	void insert(ImportJob job) {
		jdbc.update("insert into import_job (id, entity, owner_id, file_name, stored_file, file_size, delimiter, "
				+ "decimal_mark, total_rows, headers, mapping, duplicate_mode, match_by, status, last_line, processed_rows, "
				+ "created_rows, updated_rows, skipped_rows, rejected_rows, created_at, encoding, date_orders, detected, "
				+ "currency) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, 0, 0, 0, 0, ?, ?, ?, ?, ?)", job.id(),
				stored(job.entity()), job.ownerId(), job.fileName(), job.storedFile(), job.fileSize(),
				String.valueOf(job.delimiter()), job.decimalMark().name(), job.totalRows(), json.writeValueAsString(job.headers()), json.writeValueAsString(job.mapping()),
				job.duplicateMode().name(), job.matchBy().name(), job.status().name(), time(job.createdAt()),
				job.encoding().label(), json.writeValueAsString(job.dateOrders()), detected(job.detected()),
				job.currency());
	}

	Optional<ImportJob> find(UUID id) {
		return jdbc.query("select * from import_job where id = ?", this::job, id).stream().findFirst();
	}

	List<ImportJob> recent(UUID owner, int limit) {
		return jdbc.query("select * from import_job where owner_id = ? order by created_at desc, id desc limit " + limit,
				this::job, owner);
	}

	/** The owner's latest import that wrote something and is not undone yet, if any. */
	Optional<UUID> lastUndoable(UUID owner) {
		return jdbc.query("select id from import_job where owner_id = ? and status in ('DONE', 'INTERRUPTED', "
				+ "'FAILED', 'UNDONE') order by started_at desc, id desc limit 1",
				(rs, i) -> rs.getObject(1, UUID.class), owner).stream().findFirst();
	}

	void configure(UUID id, Map<Integer, String> mapping, DuplicateMode mode, MatchBy matchBy, DecimalMark mark,
			String currency) {
		jdbc.update("update import_job set mapping = ?, duplicate_mode = ?, match_by = ?, decimal_mark = ?, "
				+ "currency = ? where id = ?", json.writeValueAsString(mapping), mode.name(), matchBy.name(), mark.name(),
				currency, id);
	}

	/** Sets the draft's mapping alone, as a new guess makes it. */
	void remap(UUID id, Map<Integer, String> mapping) {
		jdbc.update("update import_job set mapping = ? where id = ? and status = 'DRAFT'",
				json.writeValueAsString(mapping), id);
	}

	/**
	 * Stores what a new reading of the file found — in another encoding or with another delimiter — and the mapping,
	 * decimal mark and currency of amounts that go with it; the orders of dates chosen before are forgotten with the
	 * old reading.
	 */
	void reread(UUID id, FileEncoding encoding, char delimiter, DecimalMark mark, String currency, int totalRows,
			List<String> headers, Map<Integer, String> mapping, FileDetection detected) {
		jdbc.update("update import_job set encoding = ?, delimiter = ?, decimal_mark = ?, currency = ?, total_rows = ?, "
				+ "headers = ?, mapping = ?, date_orders = ?, detected = ? where id = ?", encoding.label(),
				String.valueOf(delimiter), mark.name(), currency, totalRows, json.writeValueAsString(headers),
				json.writeValueAsString(mapping), json.writeValueAsString(Map.of()), detected(detected), id);
	}

	/** Stores the orders of dates the user chose, by column index. */
	void chooseDateOrders(UUID id, Map<Integer, DateOrder> orders) {
		jdbc.update("update import_job set date_orders = ? where id = ?", json.writeValueAsString(orders), id);
	}

	private String detected(FileDetection detected) {
		return detected == null ? null : json.writeValueAsString(detected);
	}

	/** Moves the job on at the given time if it still stands where the caller believes; whether it did. */
	boolean move(UUID id, Collection<Status> from, Status to, Instant now) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id).addValue("to", to.name())
			.addValue("from", from.stream().map(Enum::name).toList())
			.addValue("now", time(now));
		String extra = switch (to) {
			case RUNNING -> ", started_at = coalesce(started_at, :now), failure = null";
			case DONE, FAILED, INTERRUPTED -> ", finished_at = :now";
			case UNDONE -> ", undone_at = :now";
			default -> "";
		};
		return named.update("update import_job set status = :to" + extra + " where id = :id and status in (:from)",
				params) == 1;
	}

	/** Queues the job for the worker if it still stands where the caller believes: the worker holds it until then. */
	boolean queue(UUID id, Collection<Status> from, String worker, Instant until) {
		return named.update("update import_job set status = 'QUEUED', worker = :worker, lease_until = :until "
				+ "where id = :id and status in (:from)", new MapSqlParameterSource("id", id)
					.addValue("from", from.stream().map(Enum::name).toList())
					.addValue("worker", worker)
					.addValue("until", time(until))) == 1;
	}

	/** Starts the queued job if it is still the worker's. */
	boolean begin(UUID id, String worker, Instant now, Instant until) {
		return jdbc.update("update import_job set status = 'RUNNING', started_at = coalesce(started_at, ?), "
				+ "failure = null, lease_until = ? where id = ? and status = 'QUEUED' and worker = ?", time(now),
				time(until), id, worker) == 1;
	}

	/** Marks the running job done if it is still the worker's; the lease ends with it. */
	boolean finish(UUID id, String worker, Instant now) {
		return jdbc.update("update import_job set status = 'DONE', finished_at = ?, lease_until = null where id = ? "
				+ "and status = 'RUNNING' and worker = ?", time(now), id, worker) == 1;
	}

	/** Marks the running job failed if it is still the worker's; the lease ends with it. */
	void fail(UUID id, String worker, String failure, Instant now) {
		jdbc.update("update import_job set status = 'FAILED', failure = ?, finished_at = ?, lease_until = null "
				+ "where id = ? and status = 'RUNNING' and worker = ?",
				failure == null ? null : failure.substring(0, Math.min(failure.length(), 2000)), time(now), id, worker);
	}

	/** Extends the lease of the jobs the worker is running or has queued. */
	int renew(String worker, Collection<UUID> active, Instant until) {
		if (active.isEmpty()) {
			return 0;
		}
		return named.update("update import_job set lease_until = :until where worker = :worker and id in (:active) "
				+ "and status in ('QUEUED', 'RUNNING')", new MapSqlParameterSource("worker", worker)
					.addValue("active", List.copyOf(active))
					.addValue("until", time(until)));
	}

	/**
	 * Marks the queued and running jobs that no live worker holds as interrupted: those whose lease has run out (their
	 * node stopped or lost the database), those without a lease (from before leases), and those the calling worker owns
	 * but does not run (it started again under the same instance id).
	 */
	int interruptAbandoned(String worker, Collection<UUID> active, Instant now) {
		List<UUID> running = active.isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(active);
		return named.update("update import_job set status = 'INTERRUPTED', finished_at = :now, lease_until = null "
				+ "where status in ('RUNNING', 'QUEUED') and (lease_until is null or lease_until < :now "
				+ "or (worker = :worker and id not in (:active)))", new MapSqlParameterSource("worker", worker)
					.addValue("active", running)
					.addValue("now", time(now)));
	}

	/**
	 * Stores a batch's checkpoint, the last line it read and what it did, and renews the worker's lease; whether the job
	 * was still the worker's (when not, the caller rolls the batch back).
	 */
	boolean checkpoint(UUID id, String worker, Instant until, long lastLine, int created, int updated, int skipped,
			int rejected, int unchanged) {
		return jdbc.update("update import_job set last_line = ?, processed_rows = processed_rows + ?, "
				+ "created_rows = created_rows + ?, updated_rows = updated_rows + ?, skipped_rows = skipped_rows + ?, "
				+ "rejected_rows = rejected_rows + ?, unchanged_rows = unchanged_rows + ?, lease_until = ? "
				+ "where id = ? and status = 'RUNNING' and worker = ?",
				lastLine, created + updated + skipped + rejected + unchanged, created, updated, skipped, rejected,
				unchanged, time(until), id, worker) == 1;
	}

	void recordCreated(UUID job, List<UUID> ids) {
		List<Object[]> rows = new ArrayList<>(ids.size());
		ids.forEach(id -> rows.add(new Object[] { job, id, "CREATED", 0L }));
		bulk.insert("import_job_record", "job_id, record_id, action, version_after", "uuvl", rows);
	}

	/**
	 * Notes records the job updated: those it created or updated before keep their first state and only move their
	 * version on.
	 */
	void recordUpdated(UUID job, List<ImportOutcome.Updated> updated) {
		if (updated.isEmpty()) {
			return;
		}
		Set<UUID> known = Set.copyOf(named.queryForList(
				"select record_id from import_job_record where job_id = :job and record_id in (:ids)",
				new MapSqlParameterSource("job", job).addValue("ids",
						updated.stream().map(ImportOutcome.Updated::id).toList()),
				UUID.class));
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> moves = new ArrayList<>();
		for (ImportOutcome.Updated u : updated) {
			if (known.contains(u.id())) {
				moves.add(new Object[] { u.versionAfter(), job, u.id() });
			}
			else {
				inserts.add(new Object[] { job, u.id(), "UPDATED", u.versionAfter(),
						json.writeValueAsString(u.previous()) });
			}
		}
		bulk.insert("import_job_record", "job_id, record_id, action, version_after, previous", "uuvlv", inserts);
		jdbc.batchUpdate("update import_job_record set version_after = ? where job_id = ? and record_id = ?", moves);
	}

	void reject(UUID job, List<ImportRow> rows) {
		list(REJECTED, job, rows, ImportRow::reasons);
	}

	List<RejectedRow> rejected(UUID job, int limit) {
		return listed(REJECTED, job, limit, RejectedRow::new);
	}

	void forEachRejected(UUID job, Consumer<RejectedRow> action) {
		forEachListed(REJECTED, job, action, RejectedRow::new);
	}

	/** A table of rows a job lists for the user with why (rejected ones, or those stored with notices). */
	private record Listing(String table, String why) {
	}

	private static final Listing REJECTED = new Listing("import_rejected_row", "reasons");

	private static final Listing NOTICED = new Listing("import_row_notice", "notices");

	/** A listed row as its record type holds it. */
	private interface RowType<T> {

		T of(long line, String why, List<String> cells);
	}

	private void list(Listing listing, UUID job, List<ImportRow> rows, Function<ImportRow, String> why) {
		List<Object[]> inserts = new ArrayList<>(rows.size());
		rows.forEach(row -> inserts.add(new Object[] { job, row.line(), clip(why.apply(row), 4000),
				clip(json.writeValueAsString(row.cells()), 20000) }));
		bulk.insert(listing.table(), "job_id, line, " + listing.why() + ", cells", "ulvv", inserts);
	}

	private <T> List<T> listed(Listing listing, UUID job, int limit, RowType<T> type) {
		return jdbc.query("select line, " + listing.why() + ", cells from " + listing.table()
				+ " where job_id = ? order by line limit " + limit, (rs, i) -> listedRow(rs, type), job);
	}

	private <T> void forEachListed(Listing listing, UUID job, Consumer<T> action, RowType<T> type) {
		jdbc.query("select line, " + listing.why() + ", cells from " + listing.table()
				+ " where job_id = ? order by line", rs -> {
					action.accept(listedRow(rs, type));
				}, job);
	}

	private <T> T listedRow(ResultSet rs, RowType<T> type) throws SQLException {
		return type.of(rs.getLong(1), rs.getString(2), json.readValue(rs.getString(3), STRINGS));
	}

	void forEachRecord(UUID job, Consumer<JobRecord> action) {
		jdbc.query("select record_id, action, version_after, previous from import_job_record where job_id = ?",
				rs -> {
					action.accept(new JobRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
							rs.getString(4)));
				}, job);
	}

	<T> T read(String text, Class<T> type) {
		return json.readValue(text, type);
	}

	private ImportJob job(ResultSet rs, int row) throws SQLException {
		String mapping = rs.getString("mapping");
		String dateOrders = rs.getString("date_orders");
		String detected = rs.getString("detected");
		return new ImportJob(rs.getObject("id", UUID.class), rs.getString("entity").toLowerCase(Locale.ROOT),
				rs.getObject("owner_id", UUID.class), rs.getString("file_name"), rs.getString("stored_file"),
				rs.getLong("file_size"), rs.getString("delimiter").charAt(0),
				DecimalMark.valueOf(rs.getString("decimal_mark")), rs.getInt("total_rows"),
				json.readValue(rs.getString("headers"), STRINGS),
				mapping == null ? new LinkedHashMap<>() : json.readValue(mapping, MAPPING),
				DuplicateMode.valueOf(rs.getString("duplicate_mode")), MatchBy.valueOf(rs.getString("match_by")),
				Status.valueOf(rs.getString("status")), rs.getLong("last_line"), rs.getInt("processed_rows"),
				rs.getInt("created_rows"), rs.getInt("updated_rows"), rs.getInt("skipped_rows"),
				rs.getInt("rejected_rows"), rs.getString("failure"), instant(rs, "created_at"),
				instant(rs, "started_at"), instant(rs, "finished_at"), instant(rs, "undone_at"), rs.getString("worker"),
				instant(rs, "lease_until"), rs.getInt("unchanged_rows"), FileEncoding.named(rs.getString("encoding")).orElseThrow(),
				dateOrders == null ? new LinkedHashMap<>() : json.readValue(dateOrders, DATE_ORDERS),
				detected == null ? null : json.readValue(detected, FileDetection.class), rs.getString("currency"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime time(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	/** Saved mappings. */
	public record SavedMapping(UUID id, String name, Map<String, String> fieldsByHeader) {
	}

	void saveMapping(UUID owner, String entity, String name, Map<String, String> fieldsByHeader, Instant now) {
		String mapping = json.writeValueAsString(fieldsByHeader);
		int changed = jdbc.update("update import_mapping set mapping = ? where owner_id = ? and entity = ? and name = ?",
				mapping, owner, stored(entity), name);
		if (changed == 0) {
			jdbc.update("insert into import_mapping (id, owner_id, entity, name, mapping, created_at) "
					+ "values (?, ?, ?, ?, ?, ?)", org.rapport.shared.UuidV7.next(), owner, stored(entity), name,
					mapping, time(now));
		}
	}

	List<SavedMapping> mappings(UUID owner, String entity) {
		TypeReference<LinkedHashMap<String, String>> type = new TypeReference<>() {
		};
		return jdbc.query("select id, name, mapping from import_mapping where owner_id = ? and entity = ? order by name",
				(rs, i) -> new SavedMapping(rs.getObject(1, UUID.class), rs.getString(2),
						json.readValue(rs.getString(3), type)),
				owner, stored(entity));
	}

	private static String stored(String entity) {
		return entity.toUpperCase(Locale.ROOT);
	}

	/** A row stored without a value of the file, with what it went without and why, and its cells as read. */
	public record NoticedRow(long line, String notices, List<String> cells) implements ListedRow {

		@Override
		public String why() {
			return notices;
		}
	}

	private static final TypeReference<LinkedHashMap<String, LinkedHashMap<String, String>>> VALUE_MAP =
			new TypeReference<>() {
			};

	/** What the job's file values that name none of our choices stand for. */
	ValueMap valueMap(UUID job) {
		return jdbc.query("select value_map from import_job where id = ?", (rs, i) -> valueMap(rs.getString(1)), job)
			.stream().findFirst().orElse(ValueMap.NONE);
	}

	void valueMap(UUID job, ValueMap values) {
		jdbc.update("update import_job set value_map = ? where id = ?", valueMapText(values), job);
	}

	/** The value map the saved mapping was saved with. */
	ValueMap savedValueMap(UUID mapping, UUID owner) {
		return jdbc.query("select value_map from import_mapping where id = ? and owner_id = ?",
				(rs, i) -> valueMap(rs.getString(1)), mapping, owner).stream().findFirst().orElse(ValueMap.NONE);
	}

	/** Keeps the value map with the owner's mapping of that name. */
	void saveValueMap(UUID owner, String entity, String name, ValueMap values) {
		jdbc.update("update import_mapping set value_map = ? where owner_id = ? and entity = ? and name = ?",
				valueMapText(values), owner, stored(entity), name);
	}

	private ValueMap valueMap(String text) {
		if (text == null) {
			return ValueMap.NONE;
		}
		return new ValueMap(new LinkedHashMap<>(json.readValue(text, VALUE_MAP)));
	}

	private String valueMapText(ValueMap values) {
		return values.isEmpty() ? null : json.writeValueAsString(values.asMap());
	}

	/** Notes the rows a batch stored without a value of the file. */
	void notice(UUID job, List<ImportRow> rows) {
		list(NOTICED, job, rows, ImportRow::noticeText);
	}

	/** How many rows the job stored without a value of the file. */
	int noticeCount(UUID job) {
		return jdbc.queryForObject("select count(*) from import_row_notice where job_id = ?", Integer.class, job);
	}

	List<NoticedRow> notices(UUID job, int limit) {
		return listed(NOTICED, job, limit, NoticedRow::new);
	}

	void forEachNotice(UUID job, Consumer<NoticedRow> action) {
		forEachListed(NOTICED, job, action, NoticedRow::new);
	}
}
