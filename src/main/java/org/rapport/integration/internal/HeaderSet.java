package org.rapport.integration.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.rapport.integration.ImportColumn;

/**
 * The headers with which one source system's exports name Rapport's columns, per kind of record, as its resource
 * {@code integration/header-sets/<id>.properties} lists them: {@code <kind>.<column key> = header, header…}, the
 * preferred header first, {@code detect = header…} for headers of that system that fill no column but tell its
 * files apart, and {@code name =} the system's name as the pages show it (a product's name, the same in every
 * language). Headers compare as {@link ImportColumn#normalized(String)} makes them.
 *
 * @param kinds per kind of record, the column each normalised header names
 * @param known every normalised header of the set, the {@code detect} ones included
 * @param spellings every header of the set as written, to tell apart systems whose headers differ only in their
 *        spelling ({@code billing_address_street}, {@code billingAddressStreet})
 */
record HeaderSet(String id, String name, Map<String, Map<String, Named>> kinds, Set<String> known,
		Set<String> spellings) {

	/** The key of the resource's headers that fill no column. */
	static final String DETECT = "detect";

	/** The key of the system's name. */
	static final String NAME = "name";

	/** The column a header names, and how far down that column's list of headers it stands (0 for the first). */
	record Named(String key, int position) {
	}

	HeaderSet {
		kinds = Map.copyOf(kinds);
		known = Set.copyOf(known);
		spellings = Set.copyOf(spellings);
	}

	/** The column of the kind of record that the header names in this set, if any. */
	Optional<Named> named(String kind, String header) {
		Map<String, Named> headers = kinds.get(kind);
		return headers == null ? Optional.empty() : Optional.ofNullable(headers.get(ImportColumn.normalized(header)));
	}

	/** Reads a set from its resource; fails on a header that names two columns of one kind. */
	static HeaderSet read(String id, Reader reader) {
		Properties properties = new Properties();
		try {
			properties.load(reader);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<String, Map<String, Named>> kinds = new HashMap<>();
		Set<String> known = new HashSet<>();
		Set<String> spellings = new HashSet<>();
		for (String property : new TreeSet<>(properties.stringPropertyNames())) {
			if (property.equals(NAME)) {
				continue;
			}
			String[] headers = properties.getProperty(property).split(",");
			int dot = property.indexOf('.');
			if (!property.equals(DETECT) && (dot <= 0 || dot == property.length() - 1)) {
				throw new IllegalStateException("The header set " + id + " has a line " + property
						+ " that names no kind of record and column");
			}
			for (int position = 0; position < headers.length; position++) {
				String header = headers[position].strip();
				String normalized = ImportColumn.normalized(header);
				if (normalized.isEmpty()) {
					continue;
				}
				known.add(normalized);
				spellings.add(header);
				if (property.equals(DETECT)) {
					continue;
				}
				String kind = property.substring(0, dot);
				String key = property.substring(dot + 1);
				Named earlier = kinds.computeIfAbsent(kind, k -> new HashMap<>())
					.putIfAbsent(normalized, new Named(key, position));
				if (earlier != null && !earlier.key().equals(key)) {
					throw new IllegalStateException("The header set " + id + " names both " + kind + "." + earlier.key()
							+ " and " + kind + "." + key + " by " + header);
				}
			}
		}
		return new HeaderSet(id, properties.getProperty(NAME, id).strip(), kinds, known, spellings);
	}
}
