package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.rapport.customers.MatchKeys;

/**
 * Fills the duplicate-detection keys of the accounts, contacts and leads that exist, with the same
 * normalisation that every later write applies; in id order, a batch at a time, so that a million rows never sit
 * in memory at once.
 */
public class V12_1__customers_sales_fill_match_keys extends BaseJavaMigration {

	private static final int BATCH = 5_000;

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		fill(connection, "account", "name, website", "name_key = ?, domain_key = ?",
				row -> new String[] { MatchKeys.companyName(row[0]), MatchKeys.domain(row[1]) });
		fill(connection, "contact", "email, first_name, last_name", "email_key = ?, person_key = ?",
				row -> new String[] { MatchKeys.email(row[0]), MatchKeys.person(row[1], row[2]) });
		fill(connection, "lead", "email, first_name, last_name, company", "email_key = ?, person_key = ?, company_key = ?",
				row -> new String[] { MatchKeys.email(row[0]), MatchKeys.person(row[1], row[2]),
						MatchKeys.companyName(row[3]) });
	}

	private static void fill(Connection connection, String table, String columns, String assignments,
			Function<String[], String[]> keys) throws SQLException {
		int width = columns.split(",").length;
		UUID after = null;
		while (true) {
			List<UUID> ids = new ArrayList<>();
			List<String[]> values = new ArrayList<>();
			String select = "select id, " + columns + " from " + table + (after == null ? "" : " where id > ?")
					+ " order by id fetch first " + BATCH + " rows only";
			try (PreparedStatement query = connection.prepareStatement(select)) {
				if (after != null) {
					query.setObject(1, after);
				}
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						ids.add(rows.getObject(1, UUID.class));
						String[] row = new String[width];
						for (int i = 0; i < width; i++) {
							row[i] = rows.getString(i + 2);
						}
						values.add(row);
					}
				}
			}
			if (ids.isEmpty()) {
				return;
			}
			try (PreparedStatement update = connection
				.prepareStatement("update " + table + " set " + assignments + " where id = ?")) {
				for (int i = 0; i < ids.size(); i++) {
					String[] computed = keys.apply(values.get(i));
					for (int k = 0; k < computed.length; k++) {
						update.setString(k + 1, computed[k]);
					}
					update.setObject(computed.length + 1, ids.get(i));
					update.addBatch();
				}
				update.executeBatch();
			}
			after = ids.get(ids.size() - 1);
		}
	}
}
