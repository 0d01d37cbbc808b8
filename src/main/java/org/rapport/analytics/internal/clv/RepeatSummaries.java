package org.rapport.analytics.internal.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
		stream(purchases, new RepeatSummaryStream(calibrationEnd, unit, holdout, summaries::add));
		return summaries;
	}

	/**
	 * The calibration/holdout check: for the end of the calibration and each holdout period, the repeat purchases of
	 * all customers since their first purchase beside what the model expects of customers who first bought as long
	 * ago, as in the tracking plot of Fader, Hardie and Lee.
	 */
	public static List<TrackingPoint> tracking(List<Purchase> purchases, LocalDate calibrationEnd, PeriodUnit unit,
			int holdout, BgNbd model) {
		List<RepeatSummary> summaries = new ArrayList<>();
		RepeatSummaryStream stream = new RepeatSummaryStream(calibrationEnd, unit, holdout, summaries::add);
		stream(purchases, stream);
		return stream.tracking(summaries.stream().mapToDouble(RepeatSummary::T).sorted().toArray(), model);
	}

	/** Hands the purchases to the stream customer by customer and day by day, the rules being the stream's. */
	private static void stream(List<Purchase> purchases, RepeatSummaryStream stream) {
		List<Purchase> sorted = new ArrayList<>(purchases == null ? List.of() : purchases);
		sorted.sort(Comparator.comparing(Purchase::customer).thenComparing(Purchase::date));
		sorted.forEach(purchase -> stream.add(purchase.customer(), purchase.date(), purchase.amount()));
		stream.finish();
	}

	/**
	 * One point of the calibration/holdout check, {@code period} periods after the calibration end: all customers'
	 * repeat purchases since their first, and what the model expects of them.
	 */
	public record TrackingPoint(int period, long actualPurchases, double expectedPurchases) {
	}
}
