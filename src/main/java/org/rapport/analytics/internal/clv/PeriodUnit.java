package org.rapport.analytics.internal.clv;

import java.util.Locale;
import org.rapport.shared.InvalidField;

/** The unit in which recency, age, horizons and the models' rates are counted. */
public enum PeriodUnit {

	DAY(1.0), WEEK(7.0);

	private final double days;

	PeriodUnit(double days) {
		this.days = days;
	}

	/** The periods that a number of days make: weeks are days / 7, not whole weeks. */
	public double periods(long days) {
		return days / this.days;
	}

	/** The days that a number of periods make. */
	public double days(double periods) {
		return periods * days;
	}

	/** The unit a request names ({@code day} or {@code week}, in any case). */
	public static PeriodUnit of(String name) {
		if (name != null) {
			for (PeriodUnit unit : values()) {
				if (unit.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
					return unit;
				}
			}
		}
		throw unknown(name);
	}

	static InvalidField unknown(String name) {
		return new InvalidField("periodUnit", "analytics.clv.periodUnit", "The period is day or week, not {0}", name);
	}
}
