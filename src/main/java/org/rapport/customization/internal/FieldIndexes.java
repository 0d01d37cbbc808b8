package org.rapport.customization.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.rapport.customization.CustomField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * On PostgreSQL, gives each new custom field the expression indexes that its list filter and sort use: the value
 * for sorting and equality, its lower-case text for prefix filters, or its number for ranges. They are built
 * concurrently after the definition commits, so a large table keeps taking writes meanwhile. H2 gets none.
 */
@Component
class FieldIndexes implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FieldIndexes.class);

	/** The table of each kind of record that takes custom fields. */
	static final Map<String, String> TABLES = Map.of("account", "account", "contact", "contact", "lead", "lead",
			"opportunity", "opportunity", "product", "product", "order", "sales_order", "contract", "contract");

	private final DataSource dataSource;
	private final ExecutorService builder = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "custom-field-indexes");
		thread.setDaemon(true);
		return thread;
	});

	FieldIndexes(DataSource dataSource) {
		this.dataSource = dataSource;
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

	private void create(String entity, CustomField field) {
		String table = TABLES.get(entity);
		// keys are checked against [a-z][a-z0-9_]{0,39}, so they are safe inside the statements
		String value = "jsonb_extract_path_text(custom_fields, '" + field.key() + "')";
		String name = "cf_" + table + "_" + field.key();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				return;
			}
			connection.setAutoCommit(true);
			if (field.type().isNumeric()) {
				statement.execute("create index concurrently if not exists " + name + "_num on " + table + " ((cast("
						+ value + " as float(53))))");
			}
			else {
				statement.execute(
						"create index concurrently if not exists " + name + " on " + table + " ((" + value + "))");
			}
			if (field.type().isTextual()) {
				statement.execute("create index concurrently if not exists " + name + "_prefix on " + table
						+ " ((lower(" + value + ")) text_pattern_ops)");
			}
			log.info("Indexed custom field {} of {}", field.key(), entity);
		}
		catch (SQLException failed) {
			log.warn("Could not index custom field {} of {}: {}", field.key(), entity, failed.getMessage());
		}
	}

	@Override
	public void destroy() {
		builder.shutdownNow();
	}
}
