package org.rapport.analytics.internal.clv;

/**
 * What the repeat-purchase models see of one customer at the end of the calibration period: {@code x} purchase days
 * after the first, the last of them {@code tx} periods and the calibration end {@code T} periods after the first
 * purchase, the mean spend {@code zbar} of the repeat days (0 without one), and the purchase days of the holdout.
 */
public record RepeatSummary(String customer, int x, double tx, double T, double zbar, int holdoutPurchases) {

	public RepeatSummary {
		// summaries come from RepeatSummaries, which checks the purchases; a broken one is a fault of the code
		if (x < 0 || holdoutPurchases < 0 || !(tx >= 0) || !(T >= tx) || Double.isInfinite(T) || !(zbar >= 0)
				|| Double.isInfinite(zbar) || (x == 0 && tx != 0)) {
			throw new IllegalArgumentException("Not a repeat-purchase summary: " + customer + " x=" + x + " tx=" + tx
					+ " T=" + T + " zbar=" + zbar + " holdout=" + holdoutPurchases);
		}
	}

	/** A summary without a holdout. */
	public RepeatSummary(String customer, int x, double tx, double T, double zbar) {
		this(customer, x, tx, T, zbar, 0);
	}
}
