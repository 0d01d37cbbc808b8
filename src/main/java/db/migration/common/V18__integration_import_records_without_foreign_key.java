package db.migration.common;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign key from the records an import wrote to their job. An import writes a thousand of them per batch,
 * and the key made the database look up and lock the job's row once per record, a third of the time a batch spent
 * on them. Jobs are never deleted, and the records are written only by the job that runs. The key's name is the one
 * the database gave it, so it is looked up rather than spelled.
 */
public class V18__integration_import_records_without_foreign_key extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		DatabaseMetaData meta = connection.getMetaData();
		List<String> keys = new ArrayList<>();
		for (String table : List.of("import_job_record", "IMPORT_JOB_RECORD")) {
			try (ResultSet rs = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), table)) {
				while (rs.next()) {
					if ("import_job".equalsIgnoreCase(rs.getString("PKTABLE_NAME"))) {
						keys.add(rs.getString("FK_NAME"));
					}
				}
			}
		}
		try (Statement ddl = connection.createStatement()) {
			for (String key : keys) {
				ddl.execute("alter table import_job_record drop constraint \"" + key + "\"");
			}
		}
	}
}
