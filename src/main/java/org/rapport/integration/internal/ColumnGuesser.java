package org.rapport.integration.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Guesses which field each column of a file fills, from the fields each column's header could name, best first.
 * Every field takes one column: of the columns that could fill it, one with values in the file's first rows, then
 * the one whose header names it with more authority (the source system's set before the generic headers, a header
 * listed earlier before one listed later), then the column further left. A column that loses a field tries the next
 * field its header could name.
 */
final class ColumnGuesser {

	/**
	 * A field a header could name: its key, the tier of the headers that name it (lower first: the source system's
	 * set, the kind's own headers, the generic set) and how far down the field's headers in that tier it stands.
	 */
	record Candidate(String key, int tier, int position) {
	}

	/** The guessed mapping of column index to field, and the fields that several columns could fill. */
	record Guess(Map<Integer, String> mapping, List<ColumnChoice> choices) {
	}

	private record Claim(int column, Candidate candidate) {
	}

	private ColumnGuesser() {
	}

	/**
	 * The mapping for columns that could each fill the fields given (best first), where {@code filled} says which
	 * columns have values in the file's first rows.
	 */
	static Guess guess(List<List<Candidate>> candidates, List<Boolean> filled) {
		int columns = candidates.size();
		int[] next = new int[columns];
		Map<Integer, String> mapping = new TreeMap<>();
		Set<String> taken = new HashSet<>();
		Map<String, Integer> winners = new LinkedHashMap<>();
		Map<String, List<Integer>> losers = new HashMap<>();
		Comparator<Claim> better = Comparator
			.comparing((Claim claim) -> !filled.get(claim.column()))
			.thenComparingInt(claim -> claim.candidate().tier())
			.thenComparingInt(claim -> claim.candidate().position())
			.thenComparingInt(Claim::column);
		while (true) {
			Map<String, List<Claim>> claims = new LinkedHashMap<>();
			for (int column = 0; column < columns; column++) {
				if (mapping.containsKey(column)) {
					continue;
				}
				List<Candidate> own = candidates.get(column);
				while (next[column] < own.size() && taken.contains(own.get(next[column]).key())) {
					next[column]++;
				}
				if (next[column] < own.size()) {
					Candidate candidate = own.get(next[column]);
					claims.computeIfAbsent(candidate.key(), key -> new ArrayList<>()).add(new Claim(column, candidate));
				}
			}
			if (claims.isEmpty()) {
				break;
			}
			claims.forEach((key, claimants) -> {
				Claim winner = claimants.stream().min(better).orElseThrow();
				mapping.put(winner.column(), key);
				taken.add(key);
				winners.put(key, winner.column());
				claimants.stream()
					.filter(claim -> claim != winner)
					.forEach(claim -> losers.computeIfAbsent(key, k -> new ArrayList<>()).add(claim.column()));
			});
		}
		List<ColumnChoice> choices = new ArrayList<>();
		winners.forEach((key, column) -> {
			List<Integer> passedOver = losers.getOrDefault(key, List.of()).stream()
				.filter(other -> !mapping.containsKey(other))
				.sorted()
				.toList();
			if (!passedOver.isEmpty()) {
				boolean byData = filled.get(column) && passedOver.stream().anyMatch(other -> !filled.get(other));
				choices.add(new ColumnChoice(key, column, passedOver, byData));
			}
		});
		choices.sort(Comparator.comparingInt(ColumnChoice::column));
		return new Guess(new LinkedHashMap<>(mapping), choices);
	}
}
