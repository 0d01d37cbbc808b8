package org.rapport.customers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.MergeFields.Field;
import org.rapport.customers.MergeFields.Side;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.springframework.context.MessageSource;

/**
 * The side-by-side table of a merge page: per field its label, both records' values as the user reads them, and
 * whose value is chosen.
 */
public final class MergeTable {

	/** A row of the table; {@code same} when both records hold the same value, so there is nothing to choose. */
	public record Row(String field, String labelKey, String survivor, String merged, Side chosen, boolean same) {

		public boolean mergedChosen() {
			return chosen == Side.MERGED;
		}
	}

	private MergeTable() {
	}

	public static <R> List<Row> rows(MergeFields<R> fields, R survivor, R merged, Map<String, Side> chosen,
			MessageSource messages, Locale locale, UserDirectory directory) {
		Set<UserId> users = new HashSet<>();
		for (Field<R> field : fields.fields()) {
			if (field.user()) {
				for (R record : List.of(survivor, merged)) {
					if (field.of(record) instanceof UUID id) {
						users.add(new UserId(id));
					}
				}
			}
		}
		Map<UserId, String> names = users.isEmpty() ? Map.of() : directory.displayNames(users);
		List<Row> rows = new ArrayList<>();
		for (Field<R> field : fields.fields()) {
			Object left = field.of(survivor);
			Object right = field.of(merged);
			rows.add(new Row(field.name(), field.labelKey(), shown(field, left, messages, locale, names),
					shown(field, right, messages, locale, names), chosen.get(field.name()),
					java.util.Objects.equals(left, right)));
		}
		return rows;
	}

	private static String shown(Field<?> field, Object value, MessageSource messages, Locale locale,
			Map<UserId, String> names) {
		if (value == null) {
			return null;
		}
		if (field.user() && value instanceof UUID id) {
			return names.getOrDefault(new UserId(id), id.toString());
		}
		if (value instanceof Boolean flag) {
			return messages.getMessage(flag ? "merge.yes" : "merge.no", null, locale);
		}
		if (field.enumPrefix() != null) {
			String name = value instanceof Enum<?> constant ? constant.name() : value.toString();
			return messages.getMessage(field.enumPrefix() + "." + name, null, name, locale);
		}
		return value.toString();
	}
}
