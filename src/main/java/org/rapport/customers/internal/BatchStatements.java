package org.rapport.customers.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs one statement for many rows as a JDBC batch, binding each null with a type that follows from the column
 * list, because a null of unknown type makes the JDBC template ask the driver for the parameter's type, which
 * PostgreSQL answers with a round trip per value.
 */
final class BatchStatements {

	private BatchStatements() {
	}

	/** Binds the rows; {@code types} gives the SQL type of each parameter, used for its nulls. */
	static int[] run(JdbcTemplate jdbc, String sql, List<Object[]> rows, int[] types) {
		return jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				Object[] row = rows.get(i);
				for (int p = 0; p < row.length; p++) {
					if (row[p] == null) {
						ps.setNull(p + 1, types[p]);
					}
					else {
						ps.setObject(p + 1, row[p]);
					}
				}
			}

			@Override
			public int getBatchSize() {
				return rows.size();
			}
		});
	}

	/**
	 * SQL types from a compact spelling, a letter per parameter: {@code v} text, {@code u} UUID, {@code b}
	 * boolean, {@code l} integer, {@code t} timestamp with time zone.
	 */
	static int[] types(String letters) {
		int[] types = new int[letters.length()];
		for (int i = 0; i < types.length; i++) {
			types[i] = switch (letters.charAt(i)) {
				case 'u' -> Types.OTHER;
				case 'b' -> Types.BOOLEAN;
				case 'l' -> Types.BIGINT;
				case 't' -> Types.TIMESTAMP_WITH_TIMEZONE;
				default -> Types.VARCHAR;
			};
		}
		return types;
	}
}
