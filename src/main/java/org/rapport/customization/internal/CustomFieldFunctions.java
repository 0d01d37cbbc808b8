package org.rapport.customization.internal;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.type.StandardBasicTypes;

/**
 * Adds {@code custom_field(record.customFields, 'key')} to the query language: the text of one custom field value,
 * which list filters and sorts use. PostgreSQL reads it with {@code jsonb_extract_path_text}, which the expression
 * indexes of {@link FieldIndexes} cover; H2 with {@link H2JsonFunctions}.
 */
public class CustomFieldFunctions implements FunctionContributor {

	@Override
	public void contributeFunctions(FunctionContributions contributions) {
		boolean postgres = contributions.getDialect() instanceof PostgreSQLDialect;
		contributions.getFunctionRegistry()
			.registerPattern("custom_field", postgres ? "jsonb_extract_path_text(?1,?2)" : "rapport_json_text(?1,?2)",
					contributions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.STRING));
	}
}
