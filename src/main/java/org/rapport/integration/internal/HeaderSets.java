package org.rapport.integration.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportableKind;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The recognised headers of other CRMs' exports (Salesforce, HubSpot, Odoo…), one resource per source system under
 * {@code integration/header-sets/}, and the generic headers in German and Chinese ({@code generic.properties}) that
 * join the kinds' own. Tells from a file's headers which system exported it, and guesses the mapping: the source's
 * headers first, then the kind's own and the generic ones.
 */
@Component
public class HeaderSets {

	/** The choice of no source system: the kinds' own and the generic headers only. */
	public static final String NONE = "none";

	/** How many of a file's headers must be ones only a source system's set knows for the file to look like its. */
	static final int MINIMUM = 2;

	private static final String LOCATION = "classpath*:integration/header-sets/*.properties";

	private static final String GENERIC = "generic";

	private final List<HeaderSet> sources;
	private final HeaderSet generic;
	private final Set<String> common;

	HeaderSets(ImportKinds importKinds) {
		List<ImportableKind<?>> kinds = importKinds.all();
		List<HeaderSet> sets = load();
		this.sources = sets.stream().filter(set -> !set.id().equals(GENERIC))
			.sorted(Comparator.comparing(HeaderSet::id)).toList();
		this.generic = sets.stream().filter(set -> set.id().equals(GENERIC)).findFirst()
			.orElse(new HeaderSet(GENERIC, GENERIC, Map.of(), Set.of(), Set.of()));
		for (HeaderSet set : sets) {
			for (ImportableKind<?> kind : kinds) {
				set.kinds().getOrDefault(kind.name(), Map.of()).values().forEach(named -> {
					if (kind.column(named.key()).isEmpty()) {
						throw new IllegalStateException("The header set " + set.id() + " names " + kind.name() + "."
								+ named.key() + ", which is no column of " + kind.name());
					}
				});
			}
		}
		Set<String> common = new HashSet<>(generic.known());
		for (ImportableKind<?> kind : kinds) {
			for (ImportColumn column : kind.columns()) {
				common.add(ImportColumn.normalized(column.key()));
				column.headers().forEach(header -> common.add(ImportColumn.normalized(header)));
			}
		}
		this.common = Set.copyOf(common);
	}

	private static List<HeaderSet> load() {
		List<HeaderSet> sets = new ArrayList<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
				String name = resource.getFilename();
				String id = name.substring(0, name.length() - ".properties".length()).toLowerCase(Locale.ROOT);
				try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
					sets.add(HeaderSet.read(id, reader));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return sets;
	}

	/** The ids of the source systems whose headers are known, such as {@code hubspot}, in alphabetical order. */
	public List<String> sources() {
		return sources.stream().map(HeaderSet::id).toList();
	}

	/** The names of the source systems by their ids, in alphabetical order of the ids. */
	public Map<String, String> names() {
		Map<String, String> names = new LinkedHashMap<>();
		sources.forEach(set -> names.put(set.id(), set.name()));
		return names;
	}

	/** The kinds of record that the sets name, for checking that each is one. */
	Set<String> kindsNamed() {
		Set<String> named = new TreeSet<>(generic.kinds().keySet());
		sources.forEach(set -> named.addAll(set.kinds().keySet()));
		return named;
	}

	/**
	 * The source system whose export the headers look like: the one whose set knows most of the headers that no
	 * kind's own and no generic header names (at least {@link #MINIMUM}), those written exactly as in the set
	 * deciding between two; none where two systems still tie.
	 */
	Optional<String> detect(List<String> headers) {
		Set<String> distinctive = new LinkedHashSet<>();
		for (String header : headers) {
			String normalized = ImportColumn.normalized(header);
			if (!normalized.isEmpty() && !common.contains(normalized)) {
				distinctive.add(normalized);
			}
		}
		HeaderSet best = null;
		long[] bestScore = { 0, 0 };
		boolean tied = false;
		for (HeaderSet set : sources) {
			long known = distinctive.stream().filter(set.known()::contains).count();
			long spelled = headers.stream().map(String::strip).distinct().filter(set.spellings()::contains).count();
			int order = Long.compare(known, bestScore[0]) != 0 ? Long.compare(known, bestScore[0])
					: Long.compare(spelled, bestScore[1]);
			if (order > 0) {
				best = set;
				bestScore = new long[] { known, spelled };
				tied = false;
			}
			else if (order == 0) {
				tied = true;
			}
		}
		return best == null || tied || bestScore[0] < MINIMUM ? Optional.empty() : Optional.of(best.id());
	}

	/**
	 * The mapping of the file's columns to the kind's columns (built-in and custom), judged by the headers as the
	 * source system (none when null) names them, then as the kinds' own and the generic headers do, and by which
	 * columns have values in the sample rows.
	 */
	ColumnGuesser.Guess guess(ImportableKind<?> kind, List<ImportColumn> columns, List<String> headers,
			List<CsvSource.Row> sample, String source) {
		HeaderSet set = source == null ? null
				: sources.stream().filter(s -> s.id().equals(source)).findFirst()
					.orElseThrow(() -> new IllegalArgumentException("No header set " + source));
		List<List<ColumnGuesser.Candidate>> candidates = new ArrayList<>(headers.size());
		List<Boolean> filled = new ArrayList<>(headers.size());
		for (int index = 0; index < headers.size(); index++) {
			String header = headers.get(index);
			String normalized = ImportColumn.normalized(header);
			List<ColumnGuesser.Candidate> own = new ArrayList<>();
			if (!normalized.isEmpty()) {
				if (set != null) {
					set.named(kind.name(), header)
						.ifPresent(named -> own.add(new ColumnGuesser.Candidate(named.key(), 1, named.position())));
				}
				for (ImportColumn column : columns) {
					int position = position(column, normalized);
					if (position >= 0) {
						own.add(new ColumnGuesser.Candidate(column.key(), 2, position));
					}
				}
				generic.named(kind.name(), header)
					.ifPresent(named -> own.add(new ColumnGuesser.Candidate(named.key(), 3, named.position())));
			}
			Set<String> seen = new HashSet<>();
			candidates.add(own.stream().filter(candidate -> seen.add(candidate.key())).toList());
			int column = index;
			filled.add(sample.stream().anyMatch(row -> column < row.cells().size()
					&& !row.cells().get(column).isBlank()));
		}
		return ColumnGuesser.guess(candidates, filled);
	}

	/** Where the header stands among those that name the column: 0 for its key, 1 for its first header…, or -1. */
	private static int position(ImportColumn column, String normalized) {
		if (ImportColumn.normalized(column.key()).equals(normalized)) {
			return 0;
		}
		for (int position = 0; position < column.headers().size(); position++) {
			if (ImportColumn.normalized(column.headers().get(position)).equals(normalized)) {
				return position + 1;
			}
		}
		return -1;
	}
}
