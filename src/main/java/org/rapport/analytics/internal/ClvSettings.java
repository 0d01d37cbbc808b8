package org.rapport.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.rapport.analytics.internal.clv.PeriodUnit;
import org.rapport.shared.InvalidField;

/**
 * How the CRM values its customers, as an administrator set it: the yearly discount rate, the period the models count
 * in, how many periods ahead the value looks (the horizon) and how many periods before today check the fit (the
 * holdout).
 *
 * @param version the version read, against lost updates
 */
public record ClvSettings(BigDecimal discountRate, PeriodUnit unit, int horizon, int holdout, long version) {

	/** The longest horizon and holdout in periods: ten years of weeks. */
	public static final int MAX_PERIODS = 520;

	public ClvSettings {
		if (discountRate == null || discountRate.signum() < 0 || discountRate.compareTo(BigDecimal.ONE) >= 0) {
			throw new InvalidField("discountRate", "analytics.clv.yearlyRate",
					"The yearly discount rate is at least 0 and below 1 (0.1 is 10 %)");
		}
		if (unit == null) {
			throw new InvalidField("periodUnit", "analytics.clv.periodUnit", "The period is day or week");
		}
		if (horizon < 1 || horizon > MAX_PERIODS) {
			throw new InvalidField("horizon", "analytics.clv.horizon", "The horizon is 1 to 520 periods");
		}
		if (holdout < 0 || holdout > MAX_PERIODS) {
			throw new InvalidField("holdout", "analytics.clv.holdout", "The holdout is 0 to 520 periods");
		}
		discountRate = discountRate.setScale(6, RoundingMode.HALF_UP);
	}

	/** The discount rate per period that compounds to the yearly rate over a year of 365.25 days. */
	public double ratePerPeriod() {
		return Math.pow(1 + discountRate.doubleValue(), unit.days(1) / 365.25) - 1;
	}
}
