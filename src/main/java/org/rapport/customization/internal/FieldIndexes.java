package org.rapport.customization.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.rapport.customization.CustomField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * On PostgreSQL, gives each custom field the expression indexes that its list filter and sort use: the value and the
 * id (the order of a list sorted by the field, and its equality filter), its lower-case text for prefix filters, or
 * its number and the id for ranges and numeric sorts. They are built concurrently after the definition commits, so a
 * large table keeps taking writes meanwhile. A concurrent build that fails (a deadlock, a cancelled statement, a
 * value the expression cannot take) leaves an invalid index behind that PostgreSQL keeps up to date but never uses;
 * so at start and then periodically, the indexes of the active fields are checked, and a missing or invalid one is
 * built again. H2 gets none.
 */
@Component
class FieldIndexes implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FieldIndexes.class);

	/** The table of each kind of record that takes custom fields. */
	static final Map<String, String> TABLES = Map.of("account", "account", "contact", "contact", "lead", "lead",
			"opportunity", "opportunity", "product", "product", "order", "sales_order", "contract", "contract",
			"activity", "activity", "case", "support_case");

	/** Where a field's indexes stand. */
	enum State {
		/** Every index is there and used. */
		VALID,
		/** An index is being built. */
		BUILDING,
		/** An index is missing or invalid; it is built again at the next check. */
		BROKEN,
		/** The database needs none (H2). */
		NOT_NEEDED
	}

	private final DataSource dataSource;
	private final Duration checkEvery;
	private final ExecutorService builder = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "custom-field-indexes");
		thread.setDaemon(true);
		return thread;
	});
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "custom-field-index-check");
		thread.setDaemon(true);
		return thread;
	});
	/** The fields to check, from the definitions (set once the service is up). */
	private volatile Supplier<List<CustomField>> fields = List::of;

	FieldIndexes(DataSource dataSource, @Value("${rapport.custom-fields.index-check:10m}") Duration checkEvery) {
		this.dataSource = dataSource;
		this.checkEvery = checkEvery;
	}

	void checking(Supplier<List<CustomField>> activeFields) {
		this.fields = activeFields;
	}

	void createAfterCommit(String entity, CustomField field) {
		Runnable create = () -> builder.submit(() -> create(entity, field));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					create.run();
				}
			});
		}
		else {
			create.run();
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		timer.execute(this::repairAll);
		if (!checkEvery.isZero()) {
			timer.scheduleWithFixedDelay(this::repairAll, checkEvery.toMillis(), checkEvery.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	/** Builds again every missing or invalid index of the active fields; how many fields needed it. */
	int repairAll() {
		int repaired = 0;
		try {
			for (CustomField field : fields.get()) {
				if (field.retired() || !TABLES.containsKey(field.entity())) {
					continue;
				}
				if (state(field.entity(), field) == State.BROKEN) {
					log.warn("The indexes of custom field {} of {} are missing or invalid; building them again",
							field.key(), field.entity());
					create(field.entity(), field);
					repaired++;
				}
			}
		}
		catch (RuntimeException e) {
			log.warn("Could not check the custom field indexes: {}", e.getMessage());
		}
		return repaired;
	}

	/** Where the field's indexes stand. */
	State state(String entity, CustomField field) {
		String table = TABLES.get(entity);
		try (Connection connection = dataSource.getConnection()) {
			if (!isPostgres(connection)) {
				return State.NOT_NEEDED;
			}
			if (building(connection, table)) {
				return State.BUILDING;
			}
			for (String name : names(table, field)) {
				try (PreparedStatement query = connection.prepareStatement("select i.indisvalid and i.indisready "
						+ "from pg_index i join pg_class c on c.oid = i.indexrelid "
						+ "where c.relname = ? and c.relnamespace = (select oid from pg_namespace where nspname = current_schema())")) {
					query.setString(1, name);
					try (ResultSet rs = query.executeQuery()) {
						if (!rs.next() || !rs.getBoolean(1)) {
							return State.BROKEN;
						}
					}
				}
			}
			return State.VALID;
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not read the indexes of " + table, e);
		}
	}

	private void create(String entity, CustomField field) {
		String table = TABLES.get(entity);
		// keys are checked against [a-z][a-z0-9_]{0,39}, so they are safe inside the statements
		String value = "jsonb_extract_path_text(custom_fields, '" + field.key() + "')";
		String name = "cf_" + table + "_" + field.key();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			if (!isPostgres(connection)) {
				return;
			}
			connection.setAutoCommit(true);
			List<String> statements = new ArrayList<>();
			if (field.type().isNumeric()) {
				statements.add("create index concurrently if not exists " + name + "_num on " + table + " ((cast("
						+ value + " as float(53))), id)");
			}
			else {
				statements.add("create index concurrently if not exists " + name + " on " + table + " ((" + value
						+ "), id)");
			}
			if (field.type().isTextual()) {
				statements.add("create index concurrently if not exists " + name + "_prefix on " + table
						+ " ((lower(" + value + ")) text_pattern_ops)");
			}
			for (String create : statements) {
				String index = create.split(" ")[6];
				// an index a failed build left behind is invalid, and "if not exists" would keep it
				if (invalid(connection, index)) {
					statement.execute("drop index concurrently if exists " + index);
				}
				statement.execute(create);
			}
			log.info("Indexed custom field {} of {}", field.key(), entity);
		}
		catch (SQLException failed) {
			log.warn("Could not index custom field {} of {}: {}; the next check builds it again", field.key(), entity,
					failed.getMessage());
		}
	}

	private static List<String> names(String table, CustomField field) {
		String name = "cf_" + table + "_" + field.key();
		List<String> names = new ArrayList<>();
		names.add(field.type().isNumeric() ? name + "_num" : name);
		if (field.type().isTextual()) {
			names.add(name + "_prefix");
		}
		return names;
	}

	private static boolean invalid(Connection connection, String index) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("select not (i.indisvalid and i.indisready) "
				+ "from pg_index i join pg_class c on c.oid = i.indexrelid "
				+ "where c.relname = ? and c.relnamespace = (select oid from pg_namespace where nspname = current_schema())")) {
			query.setString(1, index);
			try (ResultSet rs = query.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	/** Whether an index of the table is being built right now (by this node or another). */
	private static boolean building(Connection connection, String table) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"select count(*) from pg_stat_progress_create_index p join pg_class c on c.oid = p.relid "
						+ "where c.relname = ?")) {
			query.setString(1, table);
			try (ResultSet rs = query.executeQuery()) {
				return rs.next() && rs.getInt(1) > 0;
			}
		}
	}

	private static boolean isPostgres(Connection connection) throws SQLException {
		return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
		builder.shutdownNow();
	}
}
