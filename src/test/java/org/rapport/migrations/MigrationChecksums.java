package org.rapport.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.CoreMigrationType;

/**
 * The migrations as Flyway resolves them for each database, with the checksum Flyway stores and validates: for an SQL
 * migration Flyway's own, for a Java migration (for which Flyway stores none) the CRC32 of its source, computed the
 * way Flyway computes it for SQL (line by line, without line endings).
 */
final class MigrationChecksums {

	/** The recorded checksums, one migration of one database a line. */
	static final Path FILE = Path.of("src/test/resources/db/migration-checksums.txt");

	/** Where the Java migrations' sources are. */
	static final Path JAVA_SOURCES = Path.of("src/main/java/db/migration");

	/** The vendors Rapport runs on, each with the locations that {@code {vendor}} names for it. */
	static final List<String> VENDORS = List.of("h2", "postgresql");

	private MigrationChecksums() {
	}

	/** One migration of one database: its key (vendor, version, script) and checksum. */
	record Entry(String vendor, String version, String script, String checksum) {

		static Entry parse(String line) {
			String[] parts = line.trim().split("\\s+");
			if (parts.length != 4) {
				throw new IllegalArgumentException("Not a checksum line: " + line);
			}
			return new Entry(parts[0], parts[1], parts[2], parts[3]);
		}

		String key() {
			return vendor + " " + version + " " + script;
		}

		String line() {
			return key() + " " + checksum;
		}
	}

	/** The migrations as they are now in the sources, in the order Flyway applies them, per vendor. */
	static List<Entry> current() {
		List<Entry> entries = new ArrayList<>();
		for (String vendor : VENDORS) {
			// resolving needs a connection, not the vendor's database: an empty in-memory H2 serves every vendor
			Flyway flyway = Flyway.configure()
				.dataSource("jdbc:h2:mem:checksums_" + vendor + ";DB_CLOSE_DELAY=0", "sa", "")
				.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
				.load();
			for (MigrationInfo info : flyway.info().all()) {
				String checksum = info.getType() == CoreMigrationType.JDBC ? javaChecksum(info.getScript())
						: String.valueOf(info.getChecksum());
				entries.add(new Entry(vendor, info.getVersion().getVersion(), info.getScript(), checksum));
			}
		}
		return entries;
	}

	/** The recorded migrations by key, in the file's order. */
	static Map<String, Entry> recorded() {
		Map<String, Entry> entries = new LinkedHashMap<>();
		try {
			if (!Files.exists(FILE)) {
				return entries;
			}
			for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
				if (!line.isBlank() && !line.startsWith("#")) {
					Entry entry = Entry.parse(line);
					entries.put(entry.key(), entry);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return entries;
	}

	/** Appends the migrations that are not recorded yet; never rewrites a recorded line. */
	static List<Entry> recordNew() throws IOException {
		Map<String, Entry> recorded = recorded();
		List<Entry> added = current().stream().filter(e -> !recorded.containsKey(e.key())).toList();
		if (!added.isEmpty()) {
			StringBuilder lines = new StringBuilder();
			String existing = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";
			if (!existing.isEmpty() && !existing.endsWith("\n")) {
				lines.append('\n');
			}
			added.forEach(e -> lines.append(e.line()).append('\n'));
			Files.createDirectories(FILE.getParent());
			Files.writeString(FILE, existing + lines, StandardCharsets.UTF_8);
		}
		return added;
	}

	/** A Java migration's class name (as Flyway's script) to the CRC32 of its source's lines. */
	private static String javaChecksum(String className) {
		Path source = JAVA_SOURCES.getParent().getParent().resolve(className.replace('.', '/') + ".java");
		try {
			CRC32 crc = new CRC32();
			for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
				crc.update(line.getBytes(StandardCharsets.UTF_8));
			}
			return "java:" + (int) crc.getValue();
		}
		catch (IOException e) {
			throw new UncheckedIOException("No source for the Java migration " + className + " at " + source, e);
		}
	}
}
