package org.rapport.customers.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.MergeFields;
import org.rapport.customers.MergeFields.Field;
import org.rapport.customers.MergeFields.Side;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The side-by-side table of a merge page: per field its label, both records' values as the user reads them, and
 * whose value is chosen. Custom fields come after the standard ones, labelled and formatted as their definitions
 * say.
 */
@Component
@NamedInterface("merge-pages")
public class MergeTable {

	/**
	 * A row of the table; {@code same} when both records hold the same value, so there is nothing to choose;
	 * {@code custom} for a custom field.
	 */
	public record Row(String field, String label, String survivor, String merged, Side chosen, boolean same,
			boolean custom) {

		public boolean mergedChosen() {
			return chosen == Side.MERGED;
		}
	}

	private final MessageSource messages;
	private final UserDirectory directory;
	private final CustomFields customFields;
	private final CurrentActor currentActor;

	MergeTable(MessageSource messages, UserDirectory directory, CustomFields customFields, CurrentActor currentActor) {
		this.messages = messages;
		this.directory = directory;
		this.customFields = customFields;
		this.currentActor = currentActor;
	}

	/** The rows for the fields of two records and the choices made, in the current user's language. */
	public <R> List<Row> rows(MergeFields<R> fields, R survivor, R merged, Map<String, Side> chosen) {
		Locale locale = LocaleContextHolder.getLocale();
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
			String label = field.custom() != null ? field.custom().label(locale)
					: messages.getMessage(field.labelKey(), null, field.labelKey(), locale);
			rows.add(new Row(field.name(), label, shown(field, left, locale, names), shown(field, right, locale, names),
					chosen.get(field.name()), Objects.equals(left, right), field.custom() != null));
		}
		return rows;
	}

	private String shown(Field<?> field, Object value, Locale locale, Map<UserId, String> names) {
		if (value == null) {
			return null;
		}
		if (field.user() && value instanceof UUID id) {
			return names.getOrDefault(new UserId(id), id.toString());
		}
		if (value instanceof Boolean flag) {
			return messages.getMessage(flag ? "merge.yes" : "merge.no", null, locale);
		}
		if (field.custom() != null) {
			return customFields.display(field.custom(), value, locale, zone());
		}
		if (field.enumPrefix() != null) {
			String name = value instanceof Enum<?> constant ? constant.name() : value.toString();
			return messages.getMessage(field.enumPrefix() + "." + name, null, name, locale);
		}
		return value.toString();
	}

	/** The current user's time zone, in which custom date-times show as on the detail pages. */
	private ZoneId zone() {
		return currentActor.find().map(Actor::zone).orElse(ZoneId.of("UTC"));
	}
}
