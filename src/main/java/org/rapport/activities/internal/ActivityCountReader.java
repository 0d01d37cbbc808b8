package org.rapport.activities.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.ObjLongConsumer;
import org.rapport.activities.ActivityCounts;
import org.rapport.customers.AccountId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The accounts' activity counts, grouped in the database over the index on account and time. */
@Component
class ActivityCountReader implements ActivityCounts {

	private final JdbcTemplate jdbc;

	ActivityCountReader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void forEachAccount(Instant from, Instant to, ObjLongConsumer<AccountId> each) {
		jdbc.query("select account_id, count(*) from activity where account_id is not null and occurs_at >= ? "
				+ "and occurs_at < ? group by account_id", rs -> {
					each.accept(new AccountId(rs.getObject(1, UUID.class)), rs.getLong(2));
				}, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
	}
}
