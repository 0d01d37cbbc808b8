package org.rapport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.rapport.search.Indexing;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Gives every test context an outbox and an agent table of its own. The test contexts that Spring keeps side by side
 * share one database but each keeps its own index in memory; with one outbox, the processor of one context would
 * index what another saved into its own index, and the saving context would never find it. Each context therefore
 * creates the tables of the outbox migration under names of its own before its entity manager factory starts, has
 * Hibernate Search use them, and drops them once that factory has closed. It lives outside the modules' packages, as
 * its tables do: a test of one module leaves out the beans of the modules it does not test.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
public class OwnOutboxPerContext {

	public static final String OUTBOX = "hsearch_outbox_event";

	public static final String AGENTS = "hsearch_agent";

	/**
	 * The suffix of tables that contexts started one after the other share, as the runs of one node do: they are
	 * created by the first and dropped by none but the test that named them.
	 */
	public static final String SHARED_SUFFIX = "rapport.test.outbox-suffix";

	/** The tables, made once the migrations have run, since a schema that holds them is not empty to Flyway. */
	@Bean
	static Tables ownOutboxTables(DataSource dataSource, Environment environment,
			ObjectProvider<FlywayMigrationInitializer> migrations) {
		migrations.getIfAvailable(); // made, it has run the migrations
		return new Tables(dataSource, environment.getProperty(SHARED_SUFFIX));
	}

	@Bean
	static HibernatePropertiesCustomizer ownOutboxTableNames(Tables tables) {
		return properties -> {
			properties.put("hibernate.search.coordination.entity.mapping.outboxevent.table", tables.outbox());
			properties.put("hibernate.search.coordination.entity.mapping.agent.table", tables.agents());
		};
	}

	/** The wait for the index, with the executor on which the after-commit listeners of the modules run. */
	@Bean
	static Indexing indexing(Tables tables, DataSource dataSource,
			@Qualifier("applicationTaskExecutor") ObjectProvider<ThreadPoolTaskExecutor> listeners) {
		return new Indexing(new JdbcTemplate(dataSource), tables.outbox(), listeners.getIfAvailable());
	}

	/** The entity manager factory starts after the tables exist and closes before they go. */
	@Bean
	static EntityManagerFactoryDependsOnPostProcessor entityManagerFactoryAfterOwnOutbox() {
		return new EntityManagerFactoryDependsOnPostProcessor("ownOutboxTables");
	}

	/** The outbox and agent tables of one context, created from the migration that creates the shared ones. */
	static final class Tables implements DisposableBean {

		private final DataSource dataSource;
		private final String suffix;
		private final boolean shared;

		Tables(DataSource dataSource, String sharedSuffix) {
			this.dataSource = dataSource;
			this.shared = sharedSuffix != null;
			this.suffix = shared ? sharedSuffix
					: "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
			try (Connection connection = dataSource.getConnection()) {
				if (shared && exists(connection, outbox())) {
					return;
				}
				String sql = migration(connection).getContentAsString(StandardCharsets.UTF_8)
					.replace(OUTBOX, outbox())
					.replace(AGENTS, agents());
				ScriptUtils.executeSqlScript(connection, new ByteArrayResource(sql.getBytes(StandardCharsets.UTF_8)));
			}
			catch (SQLException | IOException e) {
				throw new IllegalStateException("Could not create the outbox tables of a test context", e);
			}
		}

		String outbox() {
			return OUTBOX + suffix;
		}

		String agents() {
			return AGENTS + suffix;
		}

		@Override
		public void destroy() throws SQLException {
			if (shared) {
				return;
			}
			try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
				statement.execute("drop table if exists " + outbox());
				statement.execute("drop table if exists " + agents());
			}
		}

		private static boolean exists(Connection connection, String table) throws SQLException {
			try (var tables = connection.getMetaData().getTables(null, null, table, null)) {
				return tables.next();
			}
		}

		private static Resource migration(Connection connection) throws SQLException, IOException {
			String vendor = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			String folder = vendor.contains("postgres") ? "postgresql" : "h2";
			Resource[] found = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:db/migration/" + folder + "/V*__search_indexing_outbox.sql");
			if (found.length != 1) {
				throw new IllegalStateException("Expected one outbox migration for " + folder + ", found "
						+ Arrays.toString(found));
			}
			return found[0];
		}
	}
}
