package org.rapport.customization;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The custom fields of each kind of record, and the checks their values pass wherever they enter: forms, the API
 * and imports. Later modules (rules, segments, analytics) read definitions and values through it.
 */
public interface CustomFields {

	/** The kinds of record that take custom fields. */
	Set<String> ENTITIES = Set.of("account", "contact", "lead", "opportunity", "product", "order", "contract",
			"activity", "case");

	/** How request parameters and list columns name a custom field: {@code cf.<key>}. */
	String PARAM_PREFIX = "cf.";

	/**
	 * What separates the options of a field of several options written as text (a CSV cell): semicolons, commas
	 * (also Chinese ones) or bars, which is why no option holds one.
	 */
	String OPTION_SEPARATORS = "[;,，；|]";

	/** The fields offered on an entity's records, in their order; retired ones are left out. */
	List<CustomField> active(String entity);

	/** Every field of an entity, retired ones included, in their order. */
	List<CustomField> all(String entity);

	/** The active field of an entity with this key. */
	Optional<CustomField> active(String entity, String key);

	/**
	 * Reads values typed as text (a form, a CSV file) into stored values; a field whose text cannot be read has an
	 * error instead. Date-times without an offset are read in the given zone.
	 */
	CustomFieldInput read(String entity, Map<String, String> text, ZoneId zone);

	/**
	 * The values a record keeps after a change: each given value checked against its definition and stored in its
	 * canonical form, defaults filled in for a new record, required fields enforced, values of fields not given
	 * (retired ones included) kept. Values may be text or typed JSON values (numbers, booleans, arrays). With
	 * {@code changes} {@code null} (a record that Rapport makes itself) defaults apply but required fields are not
	 * enforced.
	 *
	 * @throws org.rapport.shared.InvalidField naming {@code customFields.<key>} for the first value that fails
	 */
	Map<String, Object> merge(String entity, Map<String, Object> current, Map<String, ?> changes, boolean creating);

	/**
	 * The custom field values of records of one kind, by record id, for modules that read records they do not own
	 * (rules, segments, analytics); records without values or that do not exist are left out.
	 */
	Map<UUID, Map<String, Object>> valuesOf(String entity, Collection<UUID> ids);

	/**
	 * The values that a record made from another one takes over, such as the account, contact and opportunity of a
	 * converted lead: each value whose key the other kind of record has as an active field of the same type that
	 * accepts it (a pick-list's option must be one of its options too). The rest are left out, never refused.
	 */
	Map<String, Object> carried(String fromEntity, Map<String, Object> values, String toEntity);

	/** The value as a person reads it: options and text as they are, numbers and dates formatted plainly. */
	String format(CustomField field, Object value);

	/**
	 * The value as the pages show it to a person of this language and time zone: numbers, amounts and dates in their
	 * conventions, yes or no for a checkbox; an empty text for no value.
	 */
	String display(CustomField field, Object value, Locale locale, ZoneId zone);
}
