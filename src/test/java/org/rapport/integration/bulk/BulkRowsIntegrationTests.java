package org.rapport.integration.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.shared.UuidV7;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk writer stores every kind of value as a single-row insert would, through COPY on PostgreSQL and a batch on
 * H2, finds existing values and draws sequence values in one query each, and keeps PostgreSQL's statistics up to date
 * as a bulk write grows a table.
 */
@RapportTest
class BulkRowsIntegrationTests {

	private static final String COLUMNS = "id, name, active, amount, quantity, on_day, at_time, extra";

	private static final String TYPES = "uvbnldtj";

	@Autowired
	BulkRows bulk;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	private final String table = "bulk_rows_test_" + Long.toHexString(System.nanoTime());

	@BeforeEach
	void createTable() {
		jdbc.execute("create table " + table + " (id uuid primary key, name varchar(200), active boolean, "
				+ "amount numeric(12, 2), quantity bigint, on_day date, at_time timestamp with time zone, extra "
				+ (bulk.isPostgres() ? "jsonb" : "json") + ")");
	}

	@AfterEach
	void dropTable() {
		jdbc.execute("drop table " + table);
	}

	@Test
	void storesTextWithTabsLineBreaksBackslashesAndChineseNullsAndEveryType() {
		UUID first = UuidV7.next();
		UUID second = UuidV7.next();
		OffsetDateTime at = OffsetDateTime.of(2026, 11, 26, 18, 0, 0, 0, ZoneOffset.UTC);
		List<Object[]> rows = List.of(
				new Object[] { first, "Tab\there, line\nbreak\r\nand a back\\slash, \\N and 王小明", true,
						new BigDecimal("1234.50"), 7L, LocalDate.of(2026, 2, 28), at,
						bulk.json(Map.of("region", "North", "note", "a\tb")) },
				new Object[] { second, null, false, null, null, null, null, null });

		transactions.executeWithoutResult(status -> bulk.insert(table, COLUMNS, TYPES, rows));

		Map<String, Object> stored = jdbc.queryForMap("select name, active, amount, quantity, on_day, at_time, "
				+ (bulk.isPostgres() ? "extra::text" : "cast(extra as varchar)") + " as extra from " + table
				+ " where id = ?", first);
		assertThat(stored.get("name")).isEqualTo("Tab\there, line\nbreak\r\nand a back\\slash, \\N and 王小明");
		assertThat(stored.get("active")).isEqualTo(true);
		assertThat((BigDecimal) stored.get("amount")).isEqualByComparingTo("1234.50");
		assertThat(((Number) stored.get("quantity")).longValue()).isEqualTo(7L);
		assertThat(jdbc.queryForObject("select on_day from " + table + " where id = ?", LocalDate.class, first))
			.isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(jdbc.queryForObject("select at_time from " + table + " where id = ?", OffsetDateTime.class, first)
			.toInstant()).isEqualTo(at.toInstant());
		assertThat((String) stored.get("extra")).contains("\"region\"").contains("North").contains("a\\tb");
		Map<String, Object> empty = jdbc.queryForMap("select name, active, amount, quantity, on_day, at_time, extra from "
				+ table + " where id = ?", second);
		assertThat(empty.get("active")).isEqualTo(false);
		assertThat(empty).containsEntry("name", null)
			.containsEntry("amount", null)
			.containsEntry("quantity", null)
			.containsEntry("on_day", null)
			.containsEntry("at_time", null)
			.containsEntry("extra", null);
	}

	@Test
	void findsWhichValuesATableHoldsInOneQuery() {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			rows.add(new Object[] { UuidV7.next(), "name-" + i, true, null, null, null, null, null });
		}
		transactions.executeWithoutResult(status -> bulk.insert(table, COLUMNS, TYPES, rows));

		assertThat(bulk.existing(table, "name", List.of("name-1", "name-4", "name-9", "name-1")))
			.containsExactlyInAnyOrder("name-1", "name-4");
		assertThat(bulk.existing(table, "name", List.of())).isEmpty();
	}

	@Test
	void drawsManyValuesOfASequenceInOneQuerySmallestFirst() {
		java.util.List<Long> drawn = bulk.nextValues("contract_number_seq", 3);
		java.util.List<Long> more = bulk.nextValues("contract_number_seq", 2);

		assertThat(drawn).hasSize(3).isSorted().doesNotHaveDuplicates();
		assertThat(more).hasSize(2).isSorted();
		assertThat(more.get(0)).isGreaterThan(drawn.get(2));
		assertThat(bulk.nextValues("contract_number_seq", 0)).isEmpty();
	}

	@Test
	void gathersStatisticsAgainAsABulkWriteGrowsATable() throws InterruptedException {
		assumeTrue(bulk.isPostgres(), "statistics are PostgreSQL's");
		// a fresh table has no statistics: the planner would take it for empty while a bulk write fills it
		for (int batch = 0; batch < 5; batch++) {
			List<Object[]> rows = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				rows.add(new Object[] { UuidV7.next(), "row " + batch + "-" + i, true, null, (long) i, null, null,
						null });
			}
			transactions.executeWithoutResult(status -> bulk.insert(table, COLUMNS, TYPES, rows));
		}

		// gathered again whenever the rows added since reach those counted last time, each time on a thread of its own
		// after the commit: the estimate soon holds at least half the rows there are
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
		Long estimate = estimate();
		while (estimate < 2500L && System.nanoTime() < deadline) {
			Thread.sleep(20);
			estimate = estimate();
		}
		assertThat(estimate).isGreaterThanOrEqualTo(2500L);
		assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).isEqualTo(5000L);
	}

	private Long estimate() {
		return jdbc.queryForObject("select reltuples::bigint from pg_class where oid = to_regclass(?)", Long.class,
				table);
	}
}
