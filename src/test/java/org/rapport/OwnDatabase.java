package org.rapport;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Points a test context at a database of its own: on PostgreSQL a schema of the test database, created here and
 * dropped when the context closes; on H2 an in-memory database of its own. Flyway migrates it from empty, as at an
 * installation. The test classes of {@link RapportTestOnOwnData} share the one context this makes.
 */
public class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Logger log = LoggerFactory.getLogger(OwnDatabase.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		String url = environment.getRequiredProperty("spring.datasource.url");
		String user = environment.getProperty("spring.datasource.username", "");
		String password = environment.getProperty("spring.datasource.password", "");
		String name = "own_" + Long.toHexString(System.nanoTime());
		String own;
		if (url.startsWith("jdbc:postgresql:")) {
			new JdbcTemplate(new DriverManagerDataSource(url, user, password)).execute("create schema " + name);
			own = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
			context.addApplicationListener(event -> {
				if (event instanceof ContextClosedEvent) {
					drop(url, user, password, name);
				}
			});
		}
		else if (url.startsWith("jdbc:h2:mem:")) {
			int end = url.indexOf(';');
			own = "jdbc:h2:mem:" + name + (end < 0 ? "" : url.substring(end));
		}
		else {
			throw new IllegalStateException("A test database of its own needs PostgreSQL or an in-memory H2, not " + url);
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("own-database", Map.of("spring.datasource.url", own)));
	}

	private static void drop(String url, String user, String password, String schema) {
		try (var connection = new SingleConnectionDataSource(url, user, password, false)) {
			JdbcTemplate admin = new JdbcTemplate(connection);
			admin.execute("set lock_timeout = '10s'");
			admin.execute("drop schema " + schema + " cascade");
		}
		catch (RuntimeException e) {
			// the whole test database goes at the end of the run; a schema left till then takes nothing from a test
			log.warn("Schema {} stays until the test database is dropped: {}", schema, e.getMessage());
		}
	}

}
