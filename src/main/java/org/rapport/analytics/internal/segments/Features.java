package org.rapport.analytics.internal.segments;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.rapport.shared.InvalidField;

/**
 * The rows to segment (one per account or uploaded line) with their named numeric features, kept in their own units
 * for the cluster profiles and scaled for the clustering.
 * <p>
 * Standardising divides by the population standard deviation, as scikit-learn's StandardScaler does; a constant
 * feature becomes 0 in every row rather than NaN. The rows are taken over, not copied: do not change them afterwards.
 */
public final class Features {

	/** The request parameter that names the features. */
	public static final String FIELD = "features";

	/** The request parameter that carries the rows. */
	public static final String ROWS_FIELD = "file";

	private final List<String> names;

	private final double[][] original;

	private final double[][] scaled;

	private final Scaler scaler;

	private Features(List<String> names, double[][] original, Scaler scaler) {
		this.names = names;
		this.original = original;
		this.scaler = scaler;
		this.scaled = new double[original.length][];
		for (int i = 0; i < original.length; i++) {
			scaled[i] = scaler.apply(original[i]);
		}
	}

	/**
	 * The rows with these feature names, scaled as asked; refused unless there are two rows or more, each a finite
	 * number per feature, and no negative value where the scaling takes logarithms.
	 */
	public static Features of(List<String> names, double[][] rows, Scaling scaling) {
		Objects.requireNonNull(scaling, "scaling");
		if (names == null || names.isEmpty()) {
			throw new InvalidField(FIELD, "analytics.segments.noFeatures", "Choose at least one feature");
		}
		Set<String> seen = new HashSet<>();
		for (String name : names) {
			if (name == null || name.isBlank() || !seen.add(name)) {
				throw new InvalidField(FIELD, "analytics.segments.featureName",
						"Each feature is named, and only once: {0}", name);
			}
		}
		if (rows == null || rows.length < 2) {
			throw new InvalidField(ROWS_FIELD, "analytics.segments.tooFewRows",
					"Segmentation needs at least 2 rows, {0} given", rows == null ? 0 : rows.length);
		}
		for (int i = 0; i < rows.length; i++) {
			if (rows[i] == null || rows[i].length != names.size()) {
				throw new InvalidField(ROWS_FIELD, "analytics.segments.rowWidth",
						"Row {0} has {1} values for {2} features", i + 1, rows[i] == null ? 0 : rows[i].length,
						names.size());
			}
			for (int j = 0; j < names.size(); j++) {
				double value = rows[i][j];
				if (!Double.isFinite(value)) {
					throw new InvalidField(FIELD, "analytics.segments.notFinite",
							"{0} in row {1} is not a finite number", names.get(j), i + 1);
				}
				if (value < 0 && scaling == Scaling.LOG_STANDARDIZE) {
					throw new InvalidField(FIELD, "analytics.segments.negativeForLog",
							"{0} is negative in row {1} ({2}); log scaling takes values of 0 or more", names.get(j),
							i + 1, value);
				}
			}
		}
		List<String> features = List.copyOf(names);
		return new Features(features, rows, Scaler.fit(scaling, features, rows));
	}

	/** The feature names, in the order of the columns. */
	public List<String> names() {
		return names;
	}

	/** The number of rows. */
	public int size() {
		return original.length;
	}

	/** The number of features. */
	public int dimensions() {
		return names.size();
	}

	/** How the features were scaled. */
	public Scaling scaling() {
		return scaler.scaling();
	}

	/** What the scaling did, to scale new rows alike and to read centroids in the features' own units. */
	public Scaler scaler() {
		return scaler;
	}

	/** The rows in the features' own units, not copied. */
	double[][] original() {
		return original;
	}

	/** The scaled rows that the clustering works on, not copied. */
	double[][] scaled() {
		return scaled;
	}

	/** Refuses a number of clusters below 2 or above the number of rows. */
	void checkClusterCount(int k) {
		if (k < 2 || k > size()) {
			throw new InvalidField("k", "analytics.segments.kOutOfRange",
					"k must be between 2 and {0}, the number of rows", size());
		}
	}

	/** How many distinct scaled rows there are, counted up to {@code enough}. */
	int distinctUpTo(int enough) {
		Set<Row> distinct = new HashSet<>();
		for (double[] row : scaled) {
			if (distinct.add(new Row(row)) && distinct.size() >= enough) {
				break;
			}
		}
		return distinct.size();
	}

	private record Row(double[] values) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Row row && java.util.Arrays.equals(values, row.values);
		}

		@Override
		public int hashCode() {
			return java.util.Arrays.hashCode(values);
		}
	}
}
