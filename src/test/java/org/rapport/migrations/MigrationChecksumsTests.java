package org.rapport.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rapport.migrations.MigrationChecksums.Entry;

/**
 * A released migration never changes: every installation that ran it holds its checksum, and Flyway refuses to
 * upgrade a database whose applied migrations no longer match the application's. The checksums of the migrations are
 * recorded in {@code src/test/resources/db/migration-checksums.txt}; a new migration is recorded with
 * {@code scripts/record-migrations.sh}, which only appends.
 */
class MigrationChecksumsTests {

	static final String RECORD = "scripts/record-migrations.sh";

	@Test
	void noRecordedMigrationChangesOrDisappears() {
		Map<String, Entry> current = MigrationChecksums.current().stream()
			.collect(Collectors.toMap(Entry::key, Function.identity()));
		List<String> broken = MigrationChecksums.recorded().values().stream()
			.filter(recorded -> !recorded.equals(current.get(recorded.key())))
			.map(recorded -> current.containsKey(recorded.key())
					? recorded.key() + " changed (recorded " + recorded.checksum() + ", now "
							+ current.get(recorded.key()).checksum() + ")"
					: recorded.key() + " disappeared")
			.toList();
		assertThat(broken)
			.withFailMessage(() -> "A released migration must never change or disappear, or every database that ran it "
					+ "fails Flyway's validation on upgrade. Undo the change and add a new migration instead:\n  "
					+ String.join("\n  ", broken))
			.isEmpty();
	}

	@Test
	void everyMigrationIsRecorded() throws Exception {
		if (Boolean.getBoolean("rapport.record-migrations")) {
			MigrationChecksums.recordNew().forEach(e -> System.out.println("Recorded " + e.line()));
		}
		Set<String> recorded = MigrationChecksums.recorded().keySet();
		List<String> missing = MigrationChecksums.current().stream()
			.filter(e -> !recorded.contains(e.key()))
			.map(Entry::line)
			.toList();
		assertThat(missing)
			.withFailMessage(() -> "These migrations are not recorded yet. Once a migration is final, record it with "
					+ RECORD + " (it appends these lines to " + MigrationChecksums.FILE + "):\n  "
					+ String.join("\n  ", missing))
			.isEmpty();
	}
}
