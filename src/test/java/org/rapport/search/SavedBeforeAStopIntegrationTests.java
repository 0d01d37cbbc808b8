package org.rapport.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.OwnOutboxPerContext;
import org.rapport.RapportApplication;
import org.rapport.TestData;
import org.rapport.customers.AccountType;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.Account;
import org.rapport.customers.internal.AccountDetails;
import org.rapport.customers.internal.AccountService;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.search.internal.GlobalSearch;
import org.rapport.search.internal.SearchHit;
import org.rapport.search.internal.SearchQuery;
import org.rapport.shared.PostalAddress;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A record saved right before the application stops, before the index took it, is found after the next start: the
 * save wrote the change to the outbox in its own commit, and the next run indexes what the outbox holds. The first run
 * here never indexes (its outbox processor is off, as if it had stopped at once); the second shares its database and
 * outbox, as the next start of one node does.
 */
class SavedBeforeAStopIntegrationTests {

	@Test
	void aRecordSavedRightBeforeAStopIsFoundAfterTheNextStart() {
		String suffix = "_stop" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String word = GlobalSearchIntegrationTests.word();
		String name = GlobalSearchIntegrationTests.capital(word) + " Survivors";
		Account saved;
		JdbcTemplate jdbc;
		try (ConfigurableApplicationContext stopped = start(suffix, false)) {
			var database = stopped.getEnvironment();
			jdbc = new JdbcTemplate(new DriverManagerDataSource(database.getProperty("spring.datasource.url"),
					database.getProperty("spring.datasource.username"),
					database.getProperty("spring.datasource.password")));
			TestData data = stopped.getAutowireCapableBeanFactory().createBean(TestData.class);
			Actor admin = data.actor(data.user(null, Role.ADMIN));
			saved = stopped.getBean(AccountService.class).create(admin, new AccountDetails(name, AccountType.COMPANY,
					null, null, null, null, PostalAddress.EMPTY, LifecycleStage.PROSPECT, null, null), null, null);
			assertThat(jdbc.queryForObject("select count(*) from " + OwnOutboxPerContext.OUTBOX + suffix
					+ " where entity_id = ?", Integer.class, saved.getId().toString()))
				.as("the change waits in the outbox")
				.isOne();
			assertThat(find(stopped, admin, word)).as("not indexed before the stop").isEmpty();
		}

		try (ConfigurableApplicationContext next = start(suffix, true)) {
			next.getBean(Indexing.class).settle();
			TestData data = next.getAutowireCapableBeanFactory().createBean(TestData.class);
			Actor admin = data.actor(data.user(null, Role.ADMIN));

			assertThat(find(next, admin, word)).extracting(SearchHit::id).containsExactly(saved.getId());
		}
		finally {
			jdbc.execute("drop table if exists " + OwnOutboxPerContext.OUTBOX + suffix);
			jdbc.execute("drop table if exists " + OwnOutboxPerContext.AGENTS + suffix);
		}
	}

	private static ConfigurableApplicationContext start(String outboxSuffix, boolean indexing) {
		// as arguments, which come before the test profile's settings
		return new SpringApplicationBuilder(RapportApplication.class).profiles("test")
			.run("--" + OwnOutboxPerContext.SHARED_SUFFIX + "=" + outboxSuffix,
					"--spring.jpa.properties.hibernate.search.coordination.event_processor.enabled=" + indexing,
					"--server.port=0", "--spring.jmx.enabled=false");
	}

	private static List<SearchHit> find(ConfigurableApplicationContext app, Actor actor, String word) {
		return app.getBean(GlobalSearch.class).search(actor, new SearchQuery(word, null, null, 0, 20), false).hits();
	}
}
