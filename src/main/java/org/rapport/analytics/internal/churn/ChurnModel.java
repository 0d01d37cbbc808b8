package org.rapport.analytics.internal.churn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rapport.analytics.internal.churn.Encoding.Column;
import org.rapport.analytics.internal.churn.Explanation.Unit;
import org.rapport.shared.InvalidField;

/**
 * A churn model fitted on all rows of a table: it scores new rows (the probability of churn), tells the features
 * that count most overall and the columns that push one row's score most, and turns into bytes that a job keeps
 * in the database.
 */
public final class ChurnModel implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * What the bytes of a model may hold: Smile's models and the JDK's collections and numbers, nothing that a
	 * tampered row could make run.
	 */
	private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config
		.createFilter("maxdepth=64;org.rapport.analytics.internal.churn.*;smile.**;java.lang.*;java.util.*;!*");

	private final Algorithm algorithm;

	private final Encoding encoding;

	private final Preparation preparation;

	private final Learners.Scorer scorer;

	/** What the columns usually hold, for the factors of tree models. */
	private final Background background;

	ChurnModel(Algorithm algorithm, Encoding encoding, Preparation preparation, Learners.Scorer scorer,
			Background background) {
		this.algorithm = algorithm;
		this.encoding = encoding;
		this.preparation = preparation;
		this.scorer = scorer;
		this.background = background;
	}

	/** The algorithm of the model. */
	public Algorithm algorithm() {
		return algorithm;
	}

	/** The names of the model's features, {@code column=level} for a text column's levels. */
	public List<String> features() {
		return encoding.features();
	}

	/** The probability of churn of each row of a text table that has the columns the model was fitted on. */
	public double[] score(List<String> columns, List<String[]> rows) {
		return score(encoding.encode(columns, rows));
	}

	/** The probability of churn of each row of features in the model's order, {@code NaN} where a value is missing. */
	public double[] score(double[][] rows) {
		double[] probabilities = new double[rows.length];
		for (int i = 0; i < rows.length; i++) {
			probabilities[i] = scorer.probability(preparation.apply(checked(rows[i], i + 1)));
		}
		return probabilities;
	}

	/** The probability of churn of one row of features in the model's order. */
	public double probability(double[] row) {
		return scorer.probability(preparation.apply(checked(row, 1)));
	}

	private double[] checked(double[] row, int number) {
		if (row == null || row.length != encoding.width()) {
			throw new InvalidField(ChurnTable.FEATURES, "analytics.churn.featureCount", "Row " + number + " has "
					+ (row == null ? 0 : row.length) + " values for " + encoding.width() + " features", number,
					row == null ? 0 : row.length, encoding.width());
		}
		return row;
	}

	/**
	 * The features by the model's own importance, largest first, as shares of the total: impurity decrease for
	 * trees, forests and boosting, |coefficient| × standard deviation for logistic regression.
	 */
	public List<Importance> importances() {
		double[] importance = scorer.importance();
		double total = 0;
		for (double value : importance) {
			total += value;
		}
		List<Importance> importances = new ArrayList<>();
		List<String> features = encoding.features();
		for (int j = 0; j < importance.length; j++) {
			importances.add(new Importance(features.get(j), total > 0 ? importance[j] / total : 0));
		}
		importances.sort(Comparator.comparingDouble(Importance::share).reversed());
		return List.copyOf(importances);
	}

	/** Why one row of a text table scores as it does: the {@code top} columns that push it most. */
	public Explanation explain(List<String> columns, String[] row, int top) {
		int[] positions = encoding.positions(columns);
		return explain(encoding.encode(positions, columns.size(), row, 2), top);
	}

	/**
	 * Why one row of features scores as it does: the {@code top} columns that push it most, by the unit that
	 * {@link Explanation.Unit} describes.
	 */
	public Explanation explain(double[] row, int top) {
		double[] filled = preparation.impute(checked(row, 1));
		double probability = scorer.probability(preparation.scale(filled));
		List<Factor> factors = new ArrayList<>();
		if (scorer instanceof Learners.Logistic logistic) {
			double[] coefficients = logistic.coefficients();
			double[] standardised = preparation.scale(filled);
			for (Column column : encoding.columns()) {
				double effect = 0;
				for (int j = column.first(); j < column.first() + column.width(); j++) {
					effect += coefficients[j] * standardised[j];
				}
				factors.add(new Factor(column.name(), encoding.display(column, row), effect));
			}
		}
		else {
			List<Column> columns = encoding.columns();
			for (int c = 0; c < columns.size(); c++) {
				Column column = columns.get(c);
				double effect = background.effect(changed -> scorer.probability(preparation.scale(changed)), filled,
						probability, c, column);
				factors.add(new Factor(column.name(), encoding.display(column, row), effect));
			}
		}
		factors.sort(Comparator.comparingDouble((Factor factor) -> Math.abs(factor.effect())).reversed());
		List<Factor> strongest = factors.subList(0, Math.max(0, Math.min(top, factors.size())));
		return new Explanation(probability, scorer instanceof Learners.Logistic ? Unit.LOG_ODDS : Unit.PROBABILITY,
				strongest);
	}

	/** The model as bytes, for a job to keep. */
	public byte[] toBytes() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(this);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A churn model could not be written", ex);
		}
		return bytes.toByteArray();
	}

	/** The model that {@link #toBytes()} wrote. */
	public static ChurnModel fromBytes(byte[] bytes) {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			in.setObjectInputFilter(ALLOWED);
			return (ChurnModel) in.readObject();
		}
		catch (InvalidClassException | ClassNotFoundException | ClassCastException ex) {
			throw new IllegalArgumentException("The bytes are not a churn model of this version", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A churn model could not be read", ex);
		}
	}
}
