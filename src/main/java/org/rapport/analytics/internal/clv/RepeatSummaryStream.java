package org.rapport.analytics.internal.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Consumer;
import org.rapport.shared.InvalidField;

/**
 * Summarises purchases that come customer by customer and, within a customer, day by day, without holding them: the
 * way a million accounts' orders are read from the database. It follows the rules of {@link RepeatSummaries}: purchases
 * on one day are one purchase, only those up to the calibration end are summarised, and the purchase days of the
 * holdout that follows are counted, in all and per period for the calibration/holdout check.
 */
public final class RepeatSummaryStream {

	private final LocalDate calibrationEnd;
	private final PeriodUnit unit;
	private final int holdout;
	private final double holdoutDays;
	private final Consumer<RepeatSummary> out;

	/** The purchase days of all customers in each holdout period (index 0 is unused: period 1 is the first). */
	private final long[] holdoutByPeriod;

	private String customer;
	private LocalDate first;
	private LocalDate previous;
	private int x;
	private long lastDay;
	private double repeatSpend;
	private int holdoutPurchases;
	private long calibrationPurchases;

	/**
	 * A stream that hands each customer's summary to {@code out} once their last purchase has come; customers whose
	 * first purchase is after the calibration end are left out.
	 */
	public RepeatSummaryStream(LocalDate calibrationEnd, PeriodUnit unit, int holdout, Consumer<RepeatSummary> out) {
		if (calibrationEnd == null) {
			throw new InvalidField("calibrationEnd", "analytics.clv.calibrationEndMissing",
					"Name the day on which the calibration ends");
		}
		if (unit == null) {
			throw PeriodUnit.unknown(null);
		}
		if (holdout < 0) {
			throw new InvalidField("holdout", "analytics.clv.holdoutNegative",
					"The holdout is zero or more periods, not {0}", holdout);
		}
		this.calibrationEnd = calibrationEnd;
		this.unit = unit;
		this.holdout = holdout;
		this.holdoutDays = unit.days(holdout);
		this.out = Objects.requireNonNull(out, "out");
		this.holdoutByPeriod = new long[holdout + 1];
	}

	/** Takes the customer's next purchase; a customer's purchases come together, by day. */
	public void add(String who, LocalDate day, double amount) {
		if (!who.equals(customer)) {
			finishCustomer();
			customer = who;
			first = day;
			previous = day;
			x = 0;
			lastDay = 0;
			repeatSpend = 0;
			holdoutPurchases = 0;
		}
		else if (day.isBefore(previous)) {
			throw new IllegalArgumentException("The purchases of " + who + " do not come by day: " + day + " after "
					+ previous);
		}
		if (!day.isAfter(calibrationEnd)) {
			if (!day.equals(first)) {
				repeatSpend += amount;
				if (!day.equals(previous)) {
					x++;
					lastDay = ChronoUnit.DAYS.between(first, day);
				}
			}
		}
		else if (!day.equals(previous)) {
			long after = ChronoUnit.DAYS.between(calibrationEnd, day);
			if (after <= holdoutDays) {
				holdoutPurchases++;
				// a purchase on day 1 to 7 after the end falls in week 1
				int period = (int) Math.ceil(unit.periods(after) - 1e-9);
				holdoutByPeriod[Math.min(Math.max(period, 1), holdout)]++;
			}
		}
		previous = day;
	}

	/** Hands on the last customer's summary; call it once every purchase has come. */
	public void finish() {
		finishCustomer();
		customer = null;
	}

	private void finishCustomer() {
		if (customer == null || first.isAfter(calibrationEnd)) {
			return;
		}
		calibrationPurchases += x;
		long age = ChronoUnit.DAYS.between(first, calibrationEnd);
		out.accept(new RepeatSummary(customer, x, unit.periods(lastDay), unit.periods(age),
				x == 0 ? 0 : repeatSpend / x, holdoutPurchases));
	}

	/** All customers' repeat purchases up to the calibration end, so far. */
	public long calibrationPurchases() {
		return calibrationPurchases;
	}

	/**
	 * The calibration/holdout check of the customers summarised, whose ages at the calibration end (their
	 * {@link RepeatSummary#T()}) are given sorted: after each holdout period, all repeat purchases since each first
	 * purchase beside what the model expects of customers who first bought as long ago.
	 */
	public java.util.List<RepeatSummaries.TrackingPoint> tracking(double[] sortedAges, BgNbd model) {
		java.util.List<RepeatSummaries.TrackingPoint> points = new java.util.ArrayList<>(holdout + 1);
		long actual = calibrationPurchases;
		for (int period = 0; period <= holdout; period++) {
			actual += period == 0 ? 0 : holdoutByPeriod[period];
			double expected = 0;
			// customers who first bought as long ago share their expectation
			for (int i = 0; i < sortedAges.length;) {
				int j = i;
				while (j < sortedAges.length && sortedAges[j] == sortedAges[i]) {
					j++;
				}
				expected += (j - i) * model.expectedPurchases(sortedAges[i] + period);
				i = j;
			}
			points.add(new RepeatSummaries.TrackingPoint(period, actual, expected));
		}
		return points;
	}

	/** All customers' purchase days in each period of the holdout, the first period at index 1. */
	public long[] holdoutByPeriod() {
		return holdoutByPeriod.clone();
	}
}
