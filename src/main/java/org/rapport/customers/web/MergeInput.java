package org.rapport.customers.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.UUID;

/**
 * A merge as the API takes it: the record merged into the one addressed (which remains), both versions as last
 * read, and per field whose value to keep (custom fields as {@code cf.<key>}); fields left out keep the survivor's
 * value, or the merged record's where the survivor's is empty.
 */
public record MergeInput(
		@NotNull UUID mergedId,
		@Schema(description = "The survivor's version; If-Match does the same") Long version,
		@NotNull Long mergedVersion,
		@Schema(description = "Field name to \"survivor\" or \"merged\"; a custom field is named `cf.<key>`",
				example = "{\"phone\": \"merged\", \"cf.tier\": \"survivor\"}")
		Map<String, String> fields) {
}
