package org.rapport.analytics.internal;

import org.rapport.analytics.internal.clv.PeriodUnit;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The one row of lifetime-value settings. */
@Component
public class ClvSettingsStore {

	private final JdbcTemplate jdbc;

	ClvSettingsStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The settings as they are now, with their version. */
	public ClvSettings current() {
		return jdbc.queryForObject("select discount_rate, period_unit, horizon, holdout, version "
				+ "from analytics_clv_setting where id = 1", (rs, row) -> new ClvSettings(rs.getBigDecimal(1),
						PeriodUnit.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4), rs.getLong(5)));
	}

	/** Keeps the settings if they are still at the version read; refuses a change made meanwhile. */
	@Transactional
	public ClvSettings change(ClvSettings settings) {
		int changed = jdbc.update("update analytics_clv_setting set discount_rate = ?, period_unit = ?, horizon = ?, "
				+ "holdout = ?, version = version + 1 where id = 1 and version = ?", settings.discountRate(),
				settings.unit().name(), settings.horizon(), settings.holdout(), settings.version());
		if (changed == 0) {
			throw new OptimisticLockingFailureException("The lifetime-value settings changed meanwhile");
		}
		return current();
	}
}
