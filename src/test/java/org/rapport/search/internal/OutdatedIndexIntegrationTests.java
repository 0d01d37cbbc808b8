package org.rapport.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountType;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.AccountDetails;
import org.rapport.customers.internal.AccountService;
import org.rapport.identity.Role;
import org.rapport.search.Indexing;
import org.rapport.shared.PostalAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

/**
 * An index kept in a folder is built again at start when it does not hold the fields that this version gives each
 * record: after an upgrade that changed them, and after a rebuild that a stop cut short. The test's index lives in
 * memory; here the rebuilds of that index are told of a folder, which keeps the fingerprint of the fields as the
 * folder of an installation does.
 */
@RapportTest
class OutdatedIndexIntegrationTests {

	@TempDir
	Path folder;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	SearchableKinds kinds;

	@Autowired
	SearchProperties properties;

	@Autowired
	Clock clock;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	Indexing indexing;

	@Test
	void anIndexWithoutTheFingerprintOfItsFieldsOrWithAnotherIsBuiltAgainAndThenKept() throws Exception {
		accounts.create(data.actor(data.user(data.team(), Role.SALES)), new AccountDetails("Outdated Index Test",
				AccountType.COMPANY, null, null, null, null, PostalAddress.EMPTY, LifecycleStage.PROSPECT, null, null),
				null, null);
		indexing.settle();
		IndexedFields fields = new IndexedFields(new MockEnvironment()
			.withProperty("spring.jpa.properties.hibernate.search.backend.directory.root", folder.toString()));
		SearchIndex index = new SearchIndex(entityManagerFactory, kinds, properties, fields, clock);
		Path file = folder.resolve(IndexedFields.FILE);
		String current = IndexedFields.fingerprint(Search.mapping(entityManagerFactory));

		assertThat(index.isEmpty()).isFalse();
		assertThat(index.buildIfNeeded()).as("an index from before the fingerprints").isTrue();
		awaitEnd(index);
		assertThat(index.status().state()).isEqualTo(SearchIndex.State.DONE);
		assertThat(index.status().reason()).isEqualTo("index fields changed");
		assertThat(Files.readString(file, StandardCharsets.US_ASCII).strip()).isEqualTo(current);
		assertThat(index.buildIfNeeded()).as("an index built with these fields").isFalse();

		Files.writeString(file, "0".repeat(64) + "\n", StandardCharsets.US_ASCII);
		assertThat(index.buildIfNeeded()).as("an index built with other fields").isTrue();
		awaitEnd(index);
		assertThat(fields.stored()).contains(current);
		assertThat(index.buildIfNeeded()).isFalse();
	}

	@Test
	void aRebuildForgetsTheFingerprintUntilItEnds() throws Exception {
		IndexedFields fields = new IndexedFields(new MockEnvironment()
			.withProperty("spring.jpa.properties.hibernate.search.backend.directory.root", folder.toString()));
		fields.store("0".repeat(64));
		SearchIndex index = new SearchIndex(entityManagerFactory, kinds, properties, fields, clock);

		index.start("test");
		// cut short here, the index would hold no fingerprint and be built again at the next start
		assertThat(fields.stored().filter(stored -> stored.equals("0".repeat(64)))).isEmpty();
		awaitEnd(index);
		assertThat(fields.stored()).contains(IndexedFields.fingerprint(Search.mapping(entityManagerFactory)));
	}

	@Test
	void anIndexInMemoryKeepsNoFingerprint() {
		IndexedFields fields = new IndexedFields(new MockEnvironment()
			.withProperty("spring.jpa.properties.hibernate.search.backend.directory.root", folder.toString())
			.withProperty("spring.jpa.properties.hibernate.search.backend.directory.type", "local-heap"));

		assertThat(fields.kept()).isFalse();
		fields.store("0".repeat(64));
		assertThat(folder.resolve(IndexedFields.FILE)).doesNotExist();
	}

	private static void awaitEnd(SearchIndex index) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 60_000;
		while (index.status().running() && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}
		assertThat(index.status().running()).as("rebuild still running after a minute").isFalse();
	}
}
