package org.rapport.customization.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.rapport.customization.CustomField;
import org.rapport.customization.CustomFieldInput;
import org.rapport.customization.CustomFields;
import org.rapport.customization.FieldType;
import org.rapport.customization.internal.FieldDefinition.FieldText;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.RecordNotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Defines, changes, orders, retires and restores custom fields, and checks the values that records take.
 * Definitions are read on nearly every page, so each entity's are cached; a change clears the cache after it
 * commits, and other nodes see it within {@code rapport.custom-fields.cache-time} (30 s unless set).
 */
@Service
@Transactional(readOnly = true)
public class CustomFieldService implements CustomFields {

	private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

	private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

	/** Keys that would clash with the record's own fields in the API and in exports. */
	private static final Set<String> RESERVED = Set.of("id", "version", "owner", "owner_id", "team", "team_id",
			"created_at", "updated_at", "created_by", "updated_by", "custom_fields", "external_id");

	private final FieldDefinitions definitions;
	private final MessageSource messages;
	private final FieldIndexes indexes;
	private final StoredValues stored;
	private final Clock clock;
	private final LoadingCache<String, List<CustomField>> cache;

	CustomFieldService(FieldDefinitions definitions, MessageSource messages, FieldIndexes indexes,
			StoredValues stored, @Value("${rapport.custom-fields.cache-time:30s}") Duration cacheTime, Clock clock) {
		this.stored = stored;
		this.clock = clock;
		this.definitions = definitions;
		this.messages = messages;
		this.indexes = indexes;
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(cacheTime)
			.build(entity -> definitions.findByEntityOrderByPositionAscKeyAsc(entity)
				.stream()
				.map(FieldDefinition::toField)
				.toList());
		indexes.checking(() -> FieldIndexes.TABLES.keySet().stream().flatMap(entity -> active(entity).stream()).toList());
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<CustomField> active(String entity) {
		return all(entity).stream().filter(field -> !field.retired()).toList();
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<CustomField> all(String entity) {
		requireEntity(entity);
		return cache.get(entity);
	}

	@Override
	public Optional<CustomField> active(String entity, String key) {
		return active(entity).stream().filter(field -> field.key().equals(key)).findFirst();
	}

	@Override
	public CustomFieldInput read(String entity, Map<String, String> text, ZoneId zone) {
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		for (CustomField field : active(entity)) {
			if (!text.containsKey(field.key())) {
				continue;
			}
			try {
				values.put(field.key(), FieldValues.read(field, text.get(field.key()), zone));
			}
			catch (FieldValues.Refused refused) {
				errors.put(field.key(), refused.messageKey());
			}
		}
		return new CustomFieldInput(values, errors);
	}

	@Override
	public Map<String, Object> carried(String fromEntity, Map<String, Object> values, String toEntity) {
		Map<String, Object> carried = new LinkedHashMap<>();
		if (values == null || values.isEmpty()) {
			return carried;
		}
		for (CustomField target : active(toEntity)) {
			Object value = values.get(target.key());
			Optional<CustomField> source = active(fromEntity, target.key());
			if (value == null || source.isEmpty() || source.get().type() != target.type()) {
				continue;
			}
			try {
				Object read = FieldValues.read(target, value, ZoneId.of("UTC"));
				if (read != null) {
					carried.put(target.key(), read);
				}
			}
			catch (FieldValues.Refused refused) {
				// the other kind of record would not take this value (an option it does not offer): left out
			}
		}
		return carried;
	}

	@Override
	public Map<String, Object> merge(String entity, Map<String, Object> current, Map<String, ?> changes,
			boolean creating) {
		Map<String, Object> result = new LinkedHashMap<>(current == null ? Map.of() : current);
		Map<String, ?> given = changes == null ? Map.of() : changes;
		List<CustomField> fields = all(entity);
		for (Map.Entry<String, ?> change : given.entrySet()) {
			CustomField field = fields.stream()
				.filter(candidate -> candidate.key().equals(change.getKey()))
				.findFirst()
				.orElseThrow(() -> invalid(change.getKey(), "custom-field.unknown"));
			if (field.retired()) {
				if (change.getValue() == null || change.getValue().equals(result.get(field.key()))) {
					continue;
				}
				throw invalid(field.key(), "custom-field.retired.value");
			}
			Object value;
			try {
				value = FieldValues.read(field, change.getValue(), ZoneId.of("UTC"));
			}
			catch (FieldValues.Refused refused) {
				throw invalid(field.key(), refused.messageKey());
			}
			if (value == null) {
				result.remove(field.key());
			}
			else {
				result.put(field.key(), value);
			}
		}
		for (CustomField field : fields) {
			if (field.retired()) {
				continue;
			}
			if (creating && !given.containsKey(field.key()) && field.defaultValue() != null
					&& !result.containsKey(field.key())) {
				result.put(field.key(), FieldValues.read(field, field.defaultValue(), ZoneId.of("UTC")));
			}
			// a record that another part of Rapport makes (a converted lead's account) gives no values (null) and is
			// not held to the required fields; one that a person or a program enters is
			if (field.required() && result.get(field.key()) == null && changes != null
					&& (creating || !given.isEmpty())) {
				throw invalid(field.key(), "custom-field.required.value");
			}
		}
		return result;
	}

	@Override
	public Map<UUID, Map<String, Object>> valuesOf(String entity, Collection<UUID> ids) {
		requireEntity(entity);
		return stored.read(FieldIndexes.TABLES.get(entity), ids);
	}

	@Override
	public String format(CustomField field, Object value) {
		return FieldValues.format(field, value);
	}

	@Override
	public String display(CustomField field, Object value, Locale locale, ZoneId zone) {
		if (value == null || (value instanceof Collection<?> items && items.isEmpty())) {
			return "";
		}
		try {
			return switch (field.type()) {
				case CHECKBOX -> messages.getMessage(Boolean.TRUE.equals(value) || "true".equals(value.toString())
						? "custom-field.yes" : "custom-field.no", null, locale);
				case DATE -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
					.withLocale(locale)
					.format(LocalDate.parse(value.toString()));
				case DATE_TIME -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(locale)
					.withZone(zone)
					.format(Instant.parse(value.toString()));
				case NUMBER, DECIMAL -> NumberFormat.getNumberInstance(locale).format(new BigDecimal(value.toString()));
				case CURRENCY -> {
					if (field.currency() != null && Money.isCurrency(field.currency())) {
						yield new Money(new BigDecimal(value.toString()), field.currency()).format(locale);
					}
					NumberFormat amount = NumberFormat.getNumberInstance(locale);
					amount.setMinimumFractionDigits(2);
					amount.setMaximumFractionDigits(6);
					yield amount.format(new BigDecimal(value.toString()));
				}
				default -> format(field, value);
			};
		}
		catch (DateTimeParseException | NumberFormatException unreadable) {
			return format(field, value);
		}
	}

	private InvalidField invalid(String key, String messageKey) {
		return new InvalidField("customFields." + key, messageKey,
				messages.getMessage(messageKey, null, messageKey, Locale.ENGLISH));
	}

	// ---- administration -----------------------------------------------------------------------------------

	public FieldDefinition get(UUID id) {
		return definitions.findById(id)
			.orElseThrow(() -> new RecordNotFound("custom-field.notFound", "No custom field " + id, id));
	}

	/**
	 * Where the field's list indexes stand, as a message key: valid, being built, missing or invalid (built again by
	 * the next check), or not needed on this database.
	 */
	public String indexState(CustomField field) {
		return "custom-field.index." + indexes.state(field.entity(), field).name();
	}

	public List<FieldDefinition> definitionsOf(String entity) {
		requireEntity(entity);
		return definitions.findByEntityOrderByPositionAscKeyAsc(entity);
	}

	@Transactional
	public FieldDefinition define(String entity, String key, FieldType type, FieldText text) {
		if (entity == null || entity.isBlank()) {
			throw new InvalidField("entity", "custom-field.entity.required",
					"Choose the kind of record: " + String.join(", ", new java.util.TreeSet<>(ENTITIES)));
		}
		requireEntity(entity);
		if (key == null || !KEY.matcher(key).matches() || RESERVED.contains(key)) {
			throw new InvalidField("key", "custom-field.key.invalid",
					"Use 1 to 40 lower-case letters, digits and underscores, starting with a letter");
		}
		if (type == null) {
			throw new InvalidField("type", "custom-field.type.required", "Choose a type");
		}
		if (definitions.findByEntityAndKey(entity, key).isPresent()) {
			throw new InvalidField("key", "custom-field.key.taken", "This record type has a field with this key");
		}
		FieldDefinition definition = new FieldDefinition(entity, key, type, definitions.lastPosition(entity) + 10,
				check(type, text), clock.instant());
		definitions.save(definition);
		changed(entity);
		indexes.createAfterCommit(entity, definition.toField());
		return definition;
	}

	@Transactional
	public FieldDefinition describe(UUID id, long expectedVersion, FieldText text) {
		FieldDefinition definition = current(id, expectedVersion);
		definition.describe(check(definition.getType(), text), clock.instant());
		changed(definition.getEntity());
		return definition;
	}

	@Transactional
	public FieldDefinition retire(UUID id) {
		FieldDefinition definition = get(id);
		definition.retire(clock.instant());
		changed(definition.getEntity());
		return definition;
	}

	@Transactional
	public FieldDefinition restore(UUID id) {
		FieldDefinition definition = get(id);
		definition.restore(clock.instant());
		changed(definition.getEntity());
		return definition;
	}

	/** Moves a field one place up ({@code -1}) or down ({@code 1}) among its entity's fields. */
	@Transactional
	public void move(UUID id, int step) {
		FieldDefinition definition = get(id);
		List<FieldDefinition> ordered = new ArrayList<>(definitionsOf(definition.getEntity()));
		int from = ordered.indexOf(definition);
		int to = from + Integer.signum(step);
		if (to < 0 || to >= ordered.size()) {
			return;
		}
		ordered.remove(from);
		ordered.add(to, definition);
		for (int i = 0; i < ordered.size(); i++) {
			ordered.get(i).moveTo((i + 1) * 10);
		}
		changed(definition.getEntity());
	}

	private FieldDefinition current(UUID id, long expectedVersion) {
		FieldDefinition definition = get(id);
		if (definition.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(FieldDefinition.class, id);
		}
		return definition;
	}

	private FieldText check(FieldType type, FieldText text) {
		String labelEn = strip(text.labelEn());
		if (labelEn == null) {
			throw new InvalidField("labelEn", "custom-field.label.required", "Give the field an English label");
		}
		if (labelEn.length() > 100 || length(text.labelZh()) > 100) {
			throw new InvalidField(labelEn.length() > 100 ? "labelEn" : "labelZh", "custom-field.label.too-long",
					"A label has at most 100 characters");
		}
		if (length(text.helpEn()) > 300 || length(text.helpZh()) > 300) {
			throw new InvalidField(length(text.helpEn()) > 300 ? "helpEn" : "helpZh", "custom-field.help.too-long",
					"A help text has at most 300 characters");
		}
		List<String> options = new ArrayList<>();
		if (type.hasOptions()) {
			for (String option : text.options()) {
				String clean = strip(option);
				if (clean == null) {
					continue;
				}
				if (clean.length() > 100 || clean.matches(".*" + CustomFields.OPTION_SEPARATORS + ".*")
						|| options.stream().anyMatch(clean::equalsIgnoreCase)) {
					throw new InvalidField("options", "custom-field.options.invalid",
							"Options are distinct, at most 100 characters and contain no ; , or |");
				}
				options.add(clean);
			}
			if (options.isEmpty() || options.size() > 200) {
				throw new InvalidField("options", "custom-field.options.required",
						"A pick-list needs between 1 and 200 options, one per line");
			}
		}
		String currency = null;
		if (type == FieldType.CURRENCY) {
			currency = strip(text.currency()) == null ? null : text.currency().strip().toUpperCase(Locale.ROOT);
			if (currency == null || !CURRENCY.matcher(currency).matches()) {
				throw new InvalidField("currency", "custom-field.currency.invalid",
						"Give the ISO code of the currency, such as EUR");
			}
		}
		FieldText checked = new FieldText(labelEn, strip(text.labelZh()), strip(text.helpEn()), strip(text.helpZh()),
				text.required(), strip(text.defaultValue()), options, currency);
		if (checked.defaultValue() != null) {
			CustomField probe = new CustomField(null, null, "probe", type, labelEn, null, null, null, false, null,
					options, currency, 0, false, 0);
			try {
				FieldValues.read(probe, checked.defaultValue(), ZoneId.of("UTC"));
			}
			catch (FieldValues.Refused refused) {
				throw new InvalidField("defaultValue", refused.messageKey(),
						messages.getMessage(refused.messageKey(), null, refused.messageKey(), Locale.ENGLISH));
			}
		}
		return checked;
	}

	private void changed(String entity) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					cache.invalidate(entity);
				}
			});
		}
		cache.invalidate(entity);
	}

	private static void requireEntity(String entity) {
		if (!ENTITIES.contains(entity)) {
			throw new InvalidField("entity", "custom-field.entity.required",
					"Choose the kind of record: " + String.join(", ", new java.util.TreeSet<>(ENTITIES)));
		}
	}

	private static String strip(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static int length(String text) {
		return text == null ? 0 : text.strip().length();
	}
}
