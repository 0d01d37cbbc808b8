package org.rapport.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hibernate.search.engine.backend.metamodel.IndexFieldDescriptor;
import org.hibernate.search.engine.backend.metamodel.IndexValueFieldTypeDescriptor;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What the search index holds: for each kind of record, its fields with their types and analyzers, and the version of
 * the analyzers ({@link SearchAnalysis#VERSION}), summed up in one fingerprint. A folder index keeps the fingerprint
 * of the fields it was built with in a file beside it, so that a start after an upgrade that changed them (a new
 * field, another analyzer) finds the index outdated and builds it again: records indexed before would lack the new
 * fields, and search would miss them. An index in memory is built anew at each start and keeps no fingerprint.
 */
@Component
class IndexedFields {

	static final String FILE = "index-fields.sha256";

	private static final String PROPERTIES = "spring.jpa.properties.hibernate.search.backend.";

	private final Path file;

	IndexedFields(Environment environment) {
		String type = environment.getProperty(PROPERTIES + "type", "lucene");
		String directory = environment.getProperty(PROPERTIES + "directory.type", "local-filesystem");
		String root = environment.getProperty(PROPERTIES + "directory.root");
		this.file = "lucene".equals(type) && "local-filesystem".equals(directory) && root != null
				? Path.of(root).resolve(FILE)
				: null;
	}

	/** The fingerprint of the fields that the mapping gives the index now. */
	static String fingerprint(SearchMapping mapping) {
		List<String> lines = new ArrayList<>();
		lines.add("analysis " + SearchAnalysis.VERSION);
		for (SearchIndexedEntity<?> entity : mapping.allIndexedEntities()) {
			String index = entity.indexManager().descriptor().hibernateSearchName();
			for (IndexFieldDescriptor field : entity.indexManager().descriptor().staticFields()) {
				lines.add(entity.jpaName() + " " + index + " " + field.absolutePath() + " " + describe(field));
			}
		}
		lines.sort(null);
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", e);
		}
	}

	private static String describe(IndexFieldDescriptor field) {
		if (!field.isValueField()) {
			return "object" + (field.multiValued() ? " multi" : "");
		}
		IndexValueFieldTypeDescriptor type = field.toValueField().type();
		return type.valueClass().getName() + (field.multiValued() ? " multi" : "") + (type.searchable() ? " search" : "")
				+ (type.sortable() ? " sort" : "") + (type.projectable() ? " project" : "")
				+ (type.aggregable() ? " aggregate" : "") + " analyzer=" + type.analyzerName().orElse("")
				+ " query=" + type.searchAnalyzerName().orElse("") + " normalizer=" + type.normalizerName().orElse("");
	}

	/** Whether the index lives in a folder, where it outlasts a start and keeps its fingerprint. */
	boolean kept() {
		return file != null;
	}

	/** The fingerprint of the fields the index in its folder was built with, if it tells one. */
	Optional<String> stored() {
		if (file == null || !Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read " + file, e);
		}
	}

	/** Records that the index in its folder holds the given fields for every record. */
	void store(String fingerprint) {
		if (file == null) {
			return;
		}
		try {
			Files.createDirectories(file.getParent());
			Path written = Files.writeString(file.resolveSibling(FILE + ".new"), fingerprint + "\n",
					StandardCharsets.US_ASCII);
			Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write " + file, e);
		}
	}

	/** Forgets the fingerprint while the index is rebuilt, so that a rebuild cut short runs again at the next start. */
	void forget() {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not delete " + file, e);
		}
	}
}
