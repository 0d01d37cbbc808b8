package org.rapport.analytics.internal.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rapport.shared.InvalidField;

/**
 * Turns purchases into the summaries that the repeat-purchase models fit: only purchases up to and including the
 * calibration end count, purchases on one day are one purchase, and customers who first bought after the
 * calibration end are left out.
 */
public final class RepeatSummaries {

	private RepeatSummaries() {
	}

	/** Each customer's summary at the calibration end, with the purchase days of the holdout that follows it. */
	public static List<RepeatSummary> of(List<Purchase> purchases, LocalDate calibrationEnd, PeriodUnit unit,
			int holdout) {
		List<RepeatSummary> summaries = new ArrayList<>();
		forEachCustomer(purchases, calibrationEnd, unit, holdout, (customer, history) -> summaries
			.add(new RepeatSummary(customer, history.x, unit.periods(history.lastDay), unit.periods(history.age),
					history.x == 0 ? 0 : history.repeatSpend / history.x, history.holdoutDays.size())));
		return summaries;
	}

	/**
	 * The calibration/holdout check: for the end of the calibration and each holdout period, the repeat purchases of
	 * all customers since their first purchase beside what the model expects of customers who first bought as long
	 * ago, as in the tracking plot of Fader, Hardie and Lee.
	 */
	public static List<TrackingPoint> tracking(List<Purchase> purchases, LocalDate calibrationEnd, PeriodUnit unit,
			int holdout, BgNbd model) {
		long[] newInPeriod = new long[holdout + 1];
		List<Long> ages = new ArrayList<>();
		long[] calibrationPurchases = { 0 };
		forEachCustomer(purchases, calibrationEnd, unit, holdout, (customer, history) -> {
			calibrationPurchases[0] += history.x;
			ages.add(history.age);
			for (long day : history.holdoutDays) {
				// a purchase on day 1 to 7 after the end falls in week 1
				newInPeriod[(int) Math.ceil(unit.periods(day) - 1e-9)]++;
			}
		});
		// customers who first bought on the same day share their expectation
		ages.sort(Comparator.naturalOrder());
		List<TrackingPoint> points = new ArrayList<>(holdout + 1);
		long actual = calibrationPurchases[0];
		for (int period = 0; period <= holdout; period++) {
			actual += newInPeriod[period];
			double expected = 0;
			for (int i = 0; i < ages.size();) {
				int j = i;
				while (j < ages.size() && ages.get(j).equals(ages.get(i))) {
					j++;
				}
				expected += (j - i) * model.expectedPurchases(unit.periods(ages.get(i)) + period);
				i = j;
			}
			points.add(new TrackingPoint(period, actual, expected));
		}
		return points;
	}

	/**
	 * One point of the calibration/holdout check, {@code period} periods after the calibration end: all customers'
	 * repeat purchases since their first, and what the model expects of them.
	 */
	public record TrackingPoint(int period, long actualPurchases, double expectedPurchases) {
	}

	/** What one customer did: days are counted from the first purchase, holdout days from the calibration end. */
	private static final class History {

		int x;

		long lastDay;

		long age;

		double repeatSpend;

		final List<Long> holdoutDays = new ArrayList<>();
	}

	private interface CustomerConsumer {

		void accept(String customer, History history);
	}

	private static void forEachCustomer(List<Purchase> purchases, LocalDate calibrationEnd, PeriodUnit unit,
			int holdout, CustomerConsumer consumer) {
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
		List<Purchase> sorted = new ArrayList<>(purchases == null ? List.of() : purchases);
		sorted.sort(Comparator.comparing(Purchase::customer).thenComparing(Purchase::date));
		double holdoutDays = unit.days(holdout);
		for (int i = 0; i < sorted.size();) {
			String customer = sorted.get(i).customer();
			LocalDate first = sorted.get(i).date();
			History history = new History();
			history.age = ChronoUnit.DAYS.between(first, calibrationEnd);
			LocalDate previous = first;
			for (; i < sorted.size() && sorted.get(i).customer().equals(customer); i++) {
				Purchase purchase = sorted.get(i);
				LocalDate day = purchase.date();
				if (!day.isAfter(calibrationEnd)) {
					if (!day.equals(first)) {
						history.repeatSpend += purchase.amount();
						if (!day.equals(previous)) {
							history.x++;
							history.lastDay = ChronoUnit.DAYS.between(first, day);
						}
					}
				}
				else if (!day.equals(previous)) {
					long after = ChronoUnit.DAYS.between(calibrationEnd, day);
					if (after <= holdoutDays) {
						history.holdoutDays.add(after);
					}
				}
				previous = day;
			}
			if (!first.isAfter(calibrationEnd)) {
				consumer.accept(customer, history);
			}
		}
	}
}
