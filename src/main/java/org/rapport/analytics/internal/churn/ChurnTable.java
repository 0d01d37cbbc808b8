package org.rapport.analytics.internal.churn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.rapport.shared.InvalidField;

/**
 * The rows that churn models learn from: a design matrix of features, with blank numbers left missing for each
 * training part to fill with its median, and whether each row churned. It is read from the text of a file (number
 * columns as they are, text columns one-hot encoded) or taken as numbers that the CRM computed.
 */
public final class ChurnTable {

	/** The request parameter that names the target column. */
	public static final String TARGET = "target";

	/** The request parameter that names the target's value that means churn. */
	public static final String POSITIVE = "positive";

	/** The request parameter that names the column left out as the rows' identifier. */
	public static final String ID_COLUMN = "idColumn";

	/** The parameter that carries the CRM's numeric features. */
	public static final String FEATURES = "features";

	/** The most levels that a text column may have: more are an identifier or free text, which one-hot cannot use. */
	public static final int MAX_LEVELS = 100;

	/** How many of the target's values a refusal lists. */
	private static final int VALUES_SHOWN = 5;

	private final Encoding encoding;

	private final double[][] values;

	private final int[] labels;

	private final int churned;

	private final String imputation;

	/** The blank numbers per column, which the median fills. */
	private final Map<String, Integer> blankNumbers;

	private ChurnTable(Encoding encoding, double[][] values, int[] labels, Map<String, Integer> blankNumbers,
			Map<String, Integer> blankTexts) {
		this(encoding, values, labels, imputation(blankNumbers, blankTexts), blankNumbers);
	}

	private ChurnTable(Encoding encoding, double[][] values, int[] labels, String imputation,
			Map<String, Integer> blankNumbers) {
		this.encoding = encoding;
		this.values = values;
		this.labels = labels;
		int positives = 0;
		for (int label : labels) {
			positives += label;
		}
		this.churned = positives;
		this.imputation = imputation;
		this.blankNumbers = Map.copyOf(blankNumbers);
	}

	/**
	 * Reads a table of text: every column but the target and the identifier becomes features, numeric when all its
	 * non-blank cells are numbers, else one 0/1 feature per level; a row churned when its target is {@code positive}.
	 */
	public static ChurnTable fromText(List<String> columns, List<String[]> rows, String target, String positive,
			String idColumn) {
		if (target == null || target.isBlank()) {
			throw new InvalidField(TARGET, "analytics.churn.targetRequired", "Name the column that says who churned");
		}
		if (positive == null || positive.isBlank()) {
			throw new InvalidField(POSITIVE, "analytics.churn.positiveRequired",
					"Name the value of " + target + " that means churn", target);
		}
		String id = idColumn == null || idColumn.isBlank() ? null : idColumn.trim();
		String churnValue = positive.trim();
		List<String> header = columns == null ? List.of()
				: columns.stream().map(name -> name == null ? "" : name.trim()).toList();
		Set<String> seen = new HashSet<>();
		for (String name : header) {
			if (!seen.add(name)) {
				throw new InvalidField(Encoding.FILE, "analytics.churn.columnTwice", "The header names " + name + " twice",
						name);
			}
		}
		int targetAt = header.indexOf(target.trim());
		if (targetAt < 0) {
			throw new InvalidField(TARGET, "analytics.churn.missingColumn", "The file has no column " + target, target);
		}
		int idAt = id == null ? -1 : header.indexOf(id);
		if (id != null && idAt < 0) {
			throw new InvalidField(ID_COLUMN, "analytics.churn.missingColumn", "The file has no column " + id, id);
		}
		if (idAt == targetAt) {
			throw new InvalidField(ID_COLUMN, "analytics.churn.idIsTarget",
					"The identifier column cannot be the target " + target, target);
		}
		if (rows == null || rows.isEmpty()) {
			throw new InvalidField(Encoding.FILE, "analytics.churn.noRows", "The file has no rows");
		}
		int[] labels = labels(header, rows, targetAt, churnValue);

		List<String> names = new ArrayList<>();
		List<List<String>> levels = new ArrayList<>();
		Map<String, Integer> blanks = new LinkedHashMap<>();
		Map<String, Integer> blankTexts = new LinkedHashMap<>();
		for (int k = 0; k < header.size(); k++) {
			if (k == targetAt || k == idAt) {
				continue;
			}
			String name = header.get(k);
			Set<String> texts = new TreeSet<>();
			boolean numeric = true;
			int blank = 0;
			for (String[] row : rows) {
				String cell = row[k] == null ? "" : row[k].trim();
				if (cell.isEmpty()) {
					blank++;
				}
				else {
					numeric &= Encoding.isNumber(cell);
					if (texts.size() <= MAX_LEVELS) {
						texts.add(cell);
					}
				}
			}
			if (!numeric && texts.size() > MAX_LEVELS) {
				throw new InvalidField(ID_COLUMN, "analytics.churn.tooManyLevels", "The column " + name
						+ " holds more than " + MAX_LEVELS + " different texts: name it as the identifier or leave it out",
						name, MAX_LEVELS);
			}
			names.add(name);
			levels.add(numeric ? null : List.copyOf(texts));
			if (blank > 0) {
				(numeric ? blanks : blankTexts).put(name, blank);
			}
		}
		if (names.isEmpty()) {
			throw new InvalidField(Encoding.FILE, "analytics.churn.noFeatures",
					"The file has no column to learn from besides " + target, target);
		}
		Encoding encoding = Encoding.of(names, levels);
		double[][] values = encoding.encode(header, rows);
		return new ChurnTable(encoding, values, labels, blanks, blankTexts);
	}

	/** Whether each row churned, refusing blank targets and a value of churn that too few or too many rows hold. */
	private static int[] labels(List<String> header, List<String[]> rows, int targetAt, String positive) {
		String target = header.get(targetAt);
		int[] labels = new int[rows.size()];
		Set<String> found = new LinkedHashSet<>();
		int churned = 0;
		for (int i = 0; i < rows.size(); i++) {
			int line = i + 2;
			String[] row = rows.get(i);
			Encoding.requireWidth(row, header.size(), line);
			String cell = row[targetAt] == null ? "" : row[targetAt].trim();
			if (cell.isEmpty()) {
				throw new InvalidField(TARGET, "analytics.churn.blankTarget", "Line " + line + " has no value in " + target,
						line, target);
			}
			if (found.size() < VALUES_SHOWN) {
				found.add(cell);
			}
			if (cell.equals(positive)) {
				labels[i] = 1;
				churned++;
			}
		}
		// every training part of a stratified split must hold both kinds, which takes two rows of each
		if (churned < 2) {
			String held = String.join(", ", found);
			throw new InvalidField(POSITIVE, "analytics.churn.tooFewChurned", churned + " rows have " + positive + " in "
					+ target + ", at least 2 are needed; the column holds " + held, churned, positive, target, held);
		}
		if (rows.size() - churned < 2) {
			throw new InvalidField(TARGET, "analytics.churn.tooFewRetained", (rows.size() - churned)
					+ " rows have another value than " + positive + " in " + target + ", at least 2 are needed",
					rows.size() - churned, positive, target);
		}
		return labels;
	}

	private static String imputation(Map<String, Integer> blanks, Map<String, Integer> blankTexts) {
		String numbers = blanks.isEmpty() ? "no blank numbers"
				: "blank numbers take the median of their column in the training rows ("
						+ blanks.entrySet()
							.stream()
							.map(entry -> entry.getValue() + " in " + entry.getKey())
							.collect(Collectors.joining(", "))
						+ ")";
		if (blankTexts.isEmpty()) {
			return numbers;
		}
		return numbers + "; blank texts set none of their column's levels ("
				+ blankTexts.entrySet()
					.stream()
					.map(entry -> entry.getValue() + " in " + entry.getKey())
					.collect(Collectors.joining(", "))
				+ ")";
	}

	/**
	 * Takes numeric features that the CRM computed, {@code NaN} where a value is missing (the training rows' median
	 * fills it), and whether each row churned.
	 */
	public static ChurnTable fromNumbers(List<String> features, double[][] values, boolean[] churned) {
		if (features == null || features.isEmpty()) {
			throw new InvalidField(FEATURES, "analytics.churn.noFeatureGiven", "There is no feature to learn from");
		}
		if (new HashSet<>(features).size() != features.size()) {
			throw new InvalidField(FEATURES, "analytics.churn.featureTwice", "A feature is named twice");
		}
		if (values == null || values.length == 0) {
			throw new InvalidField(FEATURES, "analytics.churn.noRows", "There are no rows");
		}
		if (churned == null || churned.length != values.length) {
			throw new IllegalArgumentException("One label per row is needed: " + values.length + " rows, "
					+ (churned == null ? 0 : churned.length) + " labels");
		}
		Map<String, Integer> blanks = new LinkedHashMap<>();
		double[][] copy = new double[values.length][];
		for (int i = 0; i < values.length; i++) {
			if (values[i] == null || values[i].length != features.size()) {
				throw new InvalidField(FEATURES, "analytics.churn.featureCount", "Row " + (i + 1) + " has "
						+ (values[i] == null ? 0 : values[i].length) + " values for " + features.size() + " features",
						i + 1, values[i] == null ? 0 : values[i].length, features.size());
			}
			for (int j = 0; j < features.size(); j++) {
				double value = values[i][j];
				if (Double.isNaN(value)) {
					blanks.merge(features.get(j), 1, Integer::sum);
				}
				else if (Double.isInfinite(value)) {
					throw new InvalidField(FEATURES, "analytics.churn.infinite",
							"Row " + (i + 1) + " has an infinite " + features.get(j), i + 1, features.get(j));
				}
			}
			copy[i] = values[i].clone();
		}
		int[] labels = new int[churned.length];
		int positives = 0;
		for (int i = 0; i < churned.length; i++) {
			labels[i] = churned[i] ? 1 : 0;
			positives += labels[i];
		}
		if (positives < 2) {
			throw new InvalidField(TARGET, "analytics.churn.tooFewChurnedRows",
					positives + " rows churned, at least 2 are needed", positives);
		}
		if (values.length - positives < 2) {
			throw new InvalidField(TARGET, "analytics.churn.tooFewRetainedRows",
					(values.length - positives) + " rows did not churn, at least 2 are needed", values.length - positives);
		}
		return new ChurnTable(Encoding.numeric(List.copyOf(features)), copy, labels, blanks, Map.of());
	}

	/** How many rows the table has. */
	public int rows() {
		return values.length;
	}

	/** How many rows churned. */
	public int churned() {
		return churned;
	}

	/** The names of the features, {@code column=level} for a text column's levels. */
	public List<String> features() {
		return encoding.features();
	}

	/** How blank cells are filled, and how many there were in which columns. */
	public String imputation() {
		return imputation;
	}

	/** How many blank numbers each column had, which the median of the training rows fills. */
	public Map<String, Integer> blankNumbers() {
		return blankNumbers;
	}

	/** The accuracy of predicting that nobody churns, which a model must beat to be of use. */
	public double noChurnAccuracy() {
		return 1.0 - (double) churned / values.length;
	}

	Encoding encoding() {
		return encoding;
	}

	/** The features of each row, {@code NaN} where a number is missing; not to be changed. */
	double[][] values() {
		return values;
	}

	/** 1 for a row that churned, 0 for one that did not; not to be changed. */
	int[] labels() {
		return labels;
	}
}
