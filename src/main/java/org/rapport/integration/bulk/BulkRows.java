package org.rapport.integration.bulk;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and looks up many rows of a table at once, for the bulk paths (imports): on PostgreSQL new rows go in
 * with {@code COPY} and look-ups bind one array, elsewhere they are JDBC batches and {@code IN} lists. All of it
 * runs on the connection of the caller's transaction.
 *
 * <p>
 * Columns are typed by a letter each: {@code v} text, {@code u} UUID, {@code b} boolean, {@code i} integer,
 * {@code l} long whole number, {@code n} decimal, {@code d} date, {@code t} timestamp with time zone, {@code j} JSON
 * (bound as its text). The type decides how a null is bound: a null of unknown type makes the JDBC template ask the
 * driver for the parameter's type, which PostgreSQL answers with a round trip per value.
 */
@Component
public class BulkRows {

	private static final Logger log = LoggerFactory.getLogger(BulkRows.class);

	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;
	private final JsonMapper mapper;
	private volatile Boolean postgres;

	/** Per table, the rows added since its statistics were last gathered, and how many rows it had then. */
	private final Map<String, Growth> growth = new ConcurrentHashMap<>();

	/** Runs {@code ANALYZE} away from the writing threads, one table at a time. */
	private final ExecutorService statistics = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "bulk-statistics");
		thread.setDaemon(true);
		return thread;
	});

	/** The fewest new rows after which a table's statistics are gathered again. */
	private static final long MIN_GROWTH = 1000;

	private static final class Growth {

		long added;
		long rowsAtAnalyze = -1;
		boolean analyzing;
	}

	public BulkRows(JdbcTemplate jdbc, JsonMapper mapper) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.mapper = mapper;
	}

	/** Whether the database is PostgreSQL (otherwise H2). */
	public boolean isPostgres() {
		if (postgres == null) {
			String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
			postgres = product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
		}
		return postgres;
	}

	/**
	 * The parameter marker of a JSON value: its text cast to {@code jsonb} on PostgreSQL, marked {@code FORMAT JSON}
	 * on H2 (which would otherwise store the text as one JSON string).
	 */
	public String jsonMarker() {
		return isPostgres() ? "cast(? as jsonb)" : "? format json";
	}

	/** The values as JSON text, or null for none. */
	public String json(Map<String, Object> values) {
		return values == null || values.isEmpty() ? null : mapper.writeValueAsString(values);
	}

	/** {@code column = ?} for each of the comma-separated columns, with the JSON marker where the type is JSON. */
	public String assignments(String columns, String types) {
		List<String> names = names(columns, types);
		List<String> parts = new ArrayList<>(names.size());
		for (int i = 0; i < names.size(); i++) {
			parts.add(names.get(i) + " = " + marker(types.charAt(i)));
		}
		return String.join(", ", parts);
	}

	/** The markers of a values list for these types: {@code ?, ?, cast(? as jsonb)}. */
	public String markers(String types) {
		List<String> marks = new ArrayList<>(types.length());
		for (int i = 0; i < types.length(); i++) {
			marks.add(marker(types.charAt(i)));
		}
		return String.join(", ", marks);
	}

	/**
	 * Inserts the rows, each holding a value per column in the order given. PostgreSQL gets them as one {@code COPY}
	 * (no statement parsed, planned and bound per row), other databases as one batch of inserts.
	 */
	public void insert(String table, String columns, String types, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		List<String> names = names(columns, types);
		if (!isPostgres()) {
			batch("insert into " + table + " (" + String.join(", ", names) + ") values (" + markers(types) + ")",
					types, rows);
			return;
		}
		byte[] data = copyText(rows, types);
		jdbc.execute((ConnectionCallback<Long>) connection -> {
			try {
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy " + table + " (" + String.join(", ", names) + ") from stdin",
							new ByteArrayInputStream(data));
			}
			catch (IOException e) {
				throw new DataAccessResourceFailureException("COPY into " + table + " failed", e);
			}
		});
		keepStatistics(table, rows.size());
	}

	/**
	 * Gathers the table's statistics again once bulk writes have added as many rows as the table held when they were
	 * last gathered. Otherwise PostgreSQL goes on planning for the table it saw before: after the first import into an
	 * empty table, every look-up by id or external id would read the whole table, and each batch would take longer
	 * than the one before. Autovacuum catches up only a minute or so later. {@code ANALYZE} runs after the writing
	 * transaction commits, on a thread of its own, so that a batch never waits for it, nor for a lock that it waits
	 * for (an index being built concurrently on the table, say).
	 */
	private void keepStatistics(String table, int added) {
		Growth g = growth.computeIfAbsent(table, t -> new Growth());
		synchronized (g) {
			if (g.rowsAtAnalyze < 0) {
				g.rowsAtAnalyze = estimatedRows(table);
			}
			g.added += added;
			if (g.analyzing || g.added < Math.max(MIN_GROWTH, g.rowsAtAnalyze)) {
				return;
			}
			g.analyzing = true;
			g.added = 0;
		}
		Runnable analyze = () -> statistics.execute(() -> analyze(table, g));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					analyze.run();
				}
			});
		}
		else {
			analyze.run();
		}
	}

	private void analyze(String table, Growth g) {
		long rows = -1;
		try {
			jdbc.execute("analyze " + table);
			rows = estimatedRows(table);
		}
		catch (RuntimeException failed) {
			log.warn("Statistics of {} not gathered: {}", table, failed.toString());
		}
		finally {
			synchronized (g) {
				if (rows >= 0) {
					g.rowsAtAnalyze = rows;
				}
				g.analyzing = false;
			}
		}
	}

	private long estimatedRows(String table) {
		Long rows = jdbc.queryForObject("select reltuples::bigint from pg_class where oid = to_regclass(?)", Long.class,
				table);
		return rows == null ? 0 : Math.max(rows, 0);
	}

	@PreDestroy
	void stop() {
		statistics.shutdownNow();
	}

	/** Runs the statement once per row as one JDBC batch; what each row changed, as the driver tells. */
	public int[] batch(String sql, String types, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return new int[0];
		}
		return jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				bind(ps, rows.get(i), types);
			}

			@Override
			public int getBatchSize() {
				return rows.size();
			}
		});
	}

	/**
	 * Inserts new business records: for each, its values for the given columns, then its id, version 0, and the actor
	 * as the one who made and last changed it at {@code at}.
	 */
	public <T> void insertRecords(String table, String columns, String types, List<T> records,
			Function<T, Object[]> values, Function<T, UUID> id, UUID actor, OffsetDateTime at) {
		List<Object[]> rows = new ArrayList<>(records.size());
		for (T record : records) {
			rows.add(row(values.apply(record), id.apply(record), 0L, actor, at, actor, at));
		}
		insert(table, columns + ", id, version, created_by, created_at, updated_by, updated_at", types + "ulutut",
				rows);
	}

	/**
	 * Writes business records over those stored, each only where it still has the version it was read with: its values
	 * for the given columns, its version counted on, the actor as the one who changed it at {@code at}. Answers the ids
	 * of the records written; one that changed in the meantime is left as it is.
	 */
	public <T> Set<UUID> updateRecords(String table, String columns, String types, List<T> records,
			Function<T, Object[]> values, Function<T, UUID> id, ToLongFunction<T> version, UUID actor,
			OffsetDateTime at) {
		List<Object[]> rows = new ArrayList<>(records.size());
		List<UUID> ids = new ArrayList<>(records.size());
		for (T record : records) {
			rows.add(row(values.apply(record), actor, at, id.apply(record), version.applyAsLong(record)));
			ids.add(id.apply(record));
		}
		return changed("update " + table + " set " + assignments(columns, types)
				+ ", version = version + 1, updated_by = ?, updated_at = ? where id = ? and version = ?", types + "utul",
				rows, ids);
	}

	/**
	 * Runs the statement once per row as one JDBC batch, row {@code i} standing for {@code keys.get(i)}, and answers
	 * the keys of the rows it changed: an optimistic update whose version no longer matches changes nothing.
	 */
	public <K> Set<K> changed(String sql, String types, List<Object[]> rows, List<K> keys) {
		int[] counts = batch(sql, types, rows);
		Set<K> changed = new HashSet<>();
		for (int i = 0; i < counts.length; i++) {
			if (changedRow(counts[i])) {
				changed.add(keys.get(i));
			}
		}
		return changed;
	}

	/** Whether a batched statement's count tells that it changed its row (a driver may answer "done, count unknown"). */
	public static boolean changedRow(int count) {
		return count > 0 || count == java.sql.Statement.SUCCESS_NO_INFO;
	}

	/** A row's values followed by more values, such as those every new row carries. */
	public static Object[] row(Object[] values, Object... more) {
		Object[] all = new Object[values.length + more.length];
		System.arraycopy(values, 0, all, 0, values.length);
		System.arraycopy(more, 0, all, values.length, more.length);
		return all;
	}

	/** Draws this many values of a sequence in one query, smallest first. */
	public List<Long> nextValues(String sequence, int count) {
		if (!sequence.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a sequence name: " + sequence);
		}
		if (count <= 0) {
			return List.of();
		}
		String rows = isPostgres() ? "generate_series(1, ?)" : "system_range(1, ?)";
		return jdbc.queryForList("select nextval('" + sequence + "') from " + rows + " order by 1", Long.class, count);
	}

	/**
	 * Which of these values a text column of the table holds, in one query: {@code = any(array)} on PostgreSQL,
	 * whose plan does not grow with the number of values, an {@code IN} list elsewhere.
	 */
	public Set<String> existing(String table, String column, Collection<String> values) {
		if (values.isEmpty()) {
			return Set.of();
		}
		Set<String> distinct = new LinkedHashSet<>(values);
		if (!isPostgres()) {
			return new HashSet<>(named.queryForList("select " + column + " from " + table + " where " + column
					+ " in (:values)", new MapSqlParameterSource("values", distinct), String.class));
		}
		Set<String> found = new HashSet<>();
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			try (PreparedStatement ps = connection
				.prepareStatement("select " + column + " from " + table + " where " + column + " = any(?)")) {
				ps.setArray(1, textArray(connection, distinct));
				try (var rs = ps.executeQuery()) {
					while (rs.next()) {
						found.add(rs.getString(1));
					}
				}
			}
			return null;
		});
		return found;
	}

	private static Array textArray(Connection connection, Collection<String> values) throws SQLException {
		return connection.createArrayOf("text", values.toArray());
	}

	private String marker(char type) {
		return type == 'j' ? jsonMarker() : "?";
	}

	private static List<String> names(String columns, String types) {
		List<String> names = new ArrayList<>();
		for (String name : columns.split(",")) {
			names.add(name.strip());
		}
		if (names.size() != types.length()) {
			throw new IllegalArgumentException(names.size() + " columns but " + types.length() + " types");
		}
		return Collections.unmodifiableList(names);
	}

	private static void bind(PreparedStatement ps, Object[] row, String types) throws SQLException {
		for (int p = 0; p < row.length; p++) {
			Object value = row[p];
			if (value == null) {
				ps.setNull(p + 1, sqlType(types.charAt(p)));
			}
			else if (value instanceof Enum<?> constant) {
				ps.setString(p + 1, constant.name());
			}
			else {
				ps.setObject(p + 1, value);
			}
		}
	}

	private static int sqlType(char type) {
		return switch (type) {
			case 'u' -> Types.OTHER;
			case 'b' -> Types.BOOLEAN;
			case 'i' -> Types.INTEGER;
			case 'l' -> Types.BIGINT;
			case 'n' -> Types.NUMERIC;
			case 'd' -> Types.DATE;
			case 't' -> Types.TIMESTAMP_WITH_TIMEZONE;
			default -> Types.VARCHAR;
		};
	}

	private static boolean needsEscape(char c) {
		return c == '\\' || c == '\n' || c == '\r' || c == '\t';
	}

	/** The rows in COPY's text format: tab between values, {@code \N} for null, backslash escapes. */
	static byte[] copyText(List<Object[]> rows, String types) {
		StringBuilder out = new StringBuilder(rows.size() * 64 * types.length() / 4);
		for (Object[] row : rows) {
			if (row.length != types.length()) {
				throw new IllegalArgumentException(row.length + " values for " + types.length() + " columns");
			}
			for (int p = 0; p < row.length; p++) {
				if (p > 0) {
					out.append('\t');
				}
				appendCopyValue(out, row[p]);
			}
			out.append('\n');
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void appendCopyValue(StringBuilder out, Object value) {
		if (value == null) {
			out.append("\\N");
			return;
		}
		String text;
		if (value instanceof Boolean b) {
			text = b ? "t" : "f";
		}
		else if (value instanceof BigDecimal d) {
			text = d.toPlainString();
		}
		else if (value instanceof Enum<?> e) {
			text = e.name();
		}
		else if (value instanceof OffsetDateTime time) {
			// with the seconds even when they are zero, which OffsetDateTime.toString leaves out
			text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
		}
		else {
			text = value.toString();
		}
		int length = text.length();
		int plain = 0;
		while (plain < length && !needsEscape(text.charAt(plain))) {
			plain++;
		}
		out.append(text, 0, plain);
		for (int i = plain; i < length; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append(c);
			}
		}
	}
}
