package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.rapport.customers.MatchKeys;

/**
 * Fills the duplicate-detection keys of the accounts, contacts and leads that exist, with the same normalisation
 * that every later write applies, then indexes them. Rows are read in id order a batch at a time, so that millions
 * never sit in memory at once; on PostgreSQL each batch is written by one statement joining a list of values, elsewhere
 * (the embedded database, small) by a batch of single-row updates.
 */
public class V12_1__customers_sales_fill_match_keys extends BaseJavaMigration {

	private static final int BATCH = 1_000;

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		fill(connection, postgres, "account", List.of("name", "website"), List.of("name_key", "domain_key"),
				row -> new String[] { MatchKeys.companyName(row[0]), MatchKeys.domain(row[1]) });
		fill(connection, postgres, "contact", List.of("email", "first_name", "last_name"),
				List.of("email_key", "person_key"),
				row -> new String[] { MatchKeys.email(row[0]), MatchKeys.person(row[1], row[2]) });
		fill(connection, postgres, "lead", List.of("email", "first_name", "last_name", "company"),
				List.of("email_key", "person_key", "company_key"), row -> new String[] { MatchKeys.email(row[0]),
						MatchKeys.person(row[1], row[2]), MatchKeys.companyName(row[3]) });
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("create index account_name_key_idx on account (name_key, id)");
			ddl.execute("create index account_domain_key_idx on account (domain_key, id)");
			ddl.execute("create index contact_email_key_idx on contact (email_key, id)");
			// the same person at the same account; a look-up by company goes through account_name_key_idx first
			ddl.execute("create index contact_person_key_idx on contact (account_id, person_key, id)");
			ddl.execute("create index lead_email_key_idx on lead (email_key, id)");
			ddl.execute("create index lead_company_person_key_idx on lead (company_key, person_key, id)");
		}
	}

	private static void fill(Connection connection, boolean postgres, String table, List<String> sources,
			List<String> keys, Function<String[], String[]> compute) throws SQLException {
		UUID after = null;
		while (true) {
			List<UUID> ids = new ArrayList<>();
			List<String[]> computed = new ArrayList<>();
			String select = "select id, " + String.join(", ", sources) + " from " + table
					+ (after == null ? "" : " where id > ?") + " order by id fetch first " + BATCH + " rows only";
			try (PreparedStatement query = connection.prepareStatement(select)) {
				if (after != null) {
					query.setObject(1, after);
				}
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						ids.add(rows.getObject(1, UUID.class));
						String[] row = new String[sources.size()];
						for (int i = 0; i < row.length; i++) {
							row[i] = rows.getString(i + 2);
						}
						computed.add(compute.apply(row));
					}
				}
			}
			if (ids.isEmpty()) {
				return;
			}
			if (postgres) {
				updateFromValues(connection, table, keys, ids, computed);
			}
			else {
				updateRowByRow(connection, table, keys, ids, computed);
			}
			after = ids.get(ids.size() - 1);
		}
	}

	private static void updateFromValues(Connection connection, String table, List<String> keys, List<UUID> ids,
			List<String[]> computed) throws SQLException {
		StringBuilder sql = new StringBuilder("update ").append(table).append(" t set ");
		for (int k = 0; k < keys.size(); k++) {
			sql.append(k == 0 ? "" : ", ").append(keys.get(k)).append(" = v.k").append(k);
		}
		String tuple = "(cast(? as uuid)" + String.join("", Collections.nCopies(keys.size(), ", cast(? as varchar)"))
				+ ")";
		sql.append(" from (values ").append(String.join(", ", Collections.nCopies(ids.size(), tuple))).append(") v(id");
		for (int k = 0; k < keys.size(); k++) {
			sql.append(", k").append(k);
		}
		sql.append(") where t.id = v.id");
		try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
			int p = 1;
			for (int i = 0; i < ids.size(); i++) {
				update.setObject(p++, ids.get(i));
				for (String key : computed.get(i)) {
					update.setString(p++, key);
				}
			}
			update.executeUpdate();
		}
	}

	private static void updateRowByRow(Connection connection, String table, List<String> keys, List<UUID> ids,
			List<String[]> computed) throws SQLException {
		String assignments = String.join(" = ?, ", keys) + " = ?";
		try (PreparedStatement update = connection
			.prepareStatement("update " + table + " set " + assignments + " where id = ?")) {
			for (int i = 0; i < ids.size(); i++) {
				String[] values = computed.get(i);
				for (int k = 0; k < values.length; k++) {
					update.setString(k + 1, values[k]);
				}
				update.setObject(values.length + 1, ids.get(i));
				update.addBatch();
			}
			update.executeBatch();
		}
	}
}
