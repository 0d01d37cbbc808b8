package org.rapport.integration.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.rapport.customers.AccountValues;
import org.rapport.customers.CustomerImports;
import org.rapport.customization.CustomFieldInput;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.identity.OwnerPolicy;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.UserSummary;
import org.rapport.sales.BuiltInNames;
import org.rapport.sales.ContractImports;
import org.rapport.sales.ContractValues;
import org.rapport.sales.OpportunityImports;
import org.rapport.sales.ProductImports;
import org.rapport.sales.ProductValues;
import org.rapport.sales.StageKind;
import org.rapport.shared.ContactPoints;
import org.rapport.shared.InvalidField;
import org.rapport.shared.MatchBy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads file rows into the values they will be stored with: the one conversion that both the preview and the
 * import use. References (a contact's account, an owner) are resolved for a whole batch at once.
 */
@Component
class RowConverter {

	private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "x", "是", "对", "√");
	private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "否", "不");

	private final CustomerImports customers;
	private final OpportunityImports opportunities;
	private final ContractImports contracts;
	private final ProductImports products;
	private final UserDirectory directory;
	private final MessageSource messages;
	private final ImportFields fields;
	private final CustomFields customFields;
	private final BuiltInNames builtInNames;

	RowConverter(CustomerImports customers, OpportunityImports opportunities, ContractImports contracts,
			ProductImports products, UserDirectory directory, MessageSource messages, ImportFields fields,
			CustomFields customFields, BuiltInNames builtInNames) {
		this.builtInNames = builtInNames;
		this.customers = customers;
		this.products = products;
		this.opportunities = opportunities;
		this.contracts = contracts;
		this.fields = fields;
		this.customFields = customFields;
		this.directory = directory;
		this.messages = messages;
	}

	/** Who may become an owner, looked up once per run. */
	final class Owners {

		private final Actor actor;
		private final Map<String, UserSummary> byUsername = new HashMap<>();
		private final Map<UserId, java.util.Optional<TeamId>> teams = new HashMap<>();

		Owners(Actor actor) {
			this.actor = actor;
			directory.activeUsers().forEach(u -> byUsername.put(u.username().toLowerCase(Locale.ROOT), u));
		}

		TeamId teamOf(UserId owner) {
			// kept as an Optional: a user without a team is asked once, not once per row
			return teams.computeIfAbsent(owner, o -> java.util.Optional.ofNullable(directory.teamForOwner(o, null)))
				.orElse(null);
		}
	}

	Owners owners(Actor actor) {
		return new Owners(actor);
	}

	/** Converts a batch of rows; must run in a transaction (it looks up the accounts they name). */
	List<ConvertedRow> convert(Actor actor, ImportEntity entity, Map<Integer, String> mapping, DecimalMark mark,
			List<CsvSource.Row> rows, Owners owners) {
		List<ConvertedRow> converted = new ArrayList<>(rows.size());
		Map<String, FieldSpec> specs = new HashMap<>();
		fields.of(entity, actor.locale()).forEach(f -> specs.put(f.key(), f));
		Set<String> numericCustom = new HashSet<>();
		customFields.active(entity.customFieldsEntity()).stream()
			.filter(f -> f.type().isNumeric())
			.forEach(f -> numericCustom.add(f.key()));
		for (CsvSource.Row row : rows) {
			ConvertedRow out = new ConvertedRow(row.line(), row.cells());
			Map<String, String> customText = new LinkedHashMap<>();
			mapping.forEach((column, key) -> {
				FieldSpec field = specs.get(key);
				String cell = column < row.cells().size() ? row.cells().get(column) : null;
				if (field == null) {
					return;
				}
				if (field.type() == FieldSpec.Type.CUSTOM) {
					if (cell != null && !cell.isBlank()) {
						String customKey = key.substring(CustomFields.PARAM_PREFIX.length());
						if (!numericCustom.contains(customKey)) {
							customText.put(customKey, cell.strip());
						}
						else if (mark.read(cell) != null) {
							// the definition reads the number in plain form, its decimal mark read by the file's
							customText.put(customKey, mark.read(cell).toPlainString());
						}
						else {
							out.reject(key, reason(actor, field, numberProblem(mark), cell.strip()));
						}
					}
				}
				else {
					read(actor, field, cell, mark, out, owners);
				}
			});
			if (!customText.isEmpty()) {
				CustomFieldInput input = customFields.read(entity.customFieldsEntity(), customText, actor.zone());
				input.errors().forEach((key, error) -> {
					FieldSpec field = specs.get(CustomFields.PARAM_PREFIX + key);
					out.reject(CustomFields.PARAM_PREFIX + key,
							labelled(actor, field == null ? key : field.label(), message(actor, error)));
				});
				Map<String, Object> values = new LinkedHashMap<>();
				input.values().forEach((key, value) -> {
					if (value != null) {
						values.put(key, value);
					}
				});
				if (!values.isEmpty()) {
					out.values().put("customFields", values);
				}
			}
			for (FieldSpec field : entity.fields()) {
				if (field.required() && out.values().get(field.key()) == null && !out.errors().containsKey(field.key())) {
					out.reject(field.key(), reason(actor, field, "import.error.required"));
				}
			}
			UserId owner = (UserId) out.values().getOrDefault("owner", actor.id());
			out.values().put("ownerId", owner.value());
			TeamId team = owner.equals(actor.id()) && actor.team() != null ? actor.team() : owners.teamOf(owner);
			out.values().put("teamId", team == null ? null : team.value());
			converted.add(out);
		}
		resolveAccounts(actor, converted);
		if (entity == ImportEntity.OPPORTUNITIES) {
			resolveStages(actor, converted);
		}
		if (entity == ImportEntity.CONTRACTS) {
			resolveContractTerms(actor, converted);
		}
		if (entity == ImportEntity.ORDERS) {
			resolveOrderLines(actor, converted);
		}
		return converted;
	}

	/** The message key that says a cell is no number as the file writes numbers. */
	private static String numberProblem(DecimalMark mark) {
		return mark == DecimalMark.COMMA ? "import.error.numberComma" : "import.error.numberPoint";
	}

	private void read(Actor actor, FieldSpec field, String cell, DecimalMark mark, ConvertedRow out,
			Owners owners) {
		String text = cell == null ? null : cell.strip();
		if (text == null || text.isEmpty()) {
			return;
		}
		if (text.length() > field.maxLength()) {
			out.reject(field.key(), reason(actor, field, "import.error.tooLong", field.maxLength()));
			return;
		}
		switch (field.type()) {
			case TEXT, ACCOUNT, ACCOUNT_EXTERNAL_ID, REFERENCE -> out.values().put(field.key(), text);
			case DATE -> {
				java.time.LocalDate date = date(text);
				if (date == null) {
					out.reject(field.key(), reason(actor, field, "import.error.date"));
				}
				else if (!org.rapport.shared.PlausibleDate.Check.holds(date)) {
					// the bounds and the message of the forms and the API
					out.reject(field.key(), reason(actor, field, "validation.date"));
				}
				else {
					out.values().put(field.key(), date);
				}
			}
			case DAYS -> {
				if (text.matches("\\d{1,5}")) {
					out.values().put(field.key(), Integer.parseInt(text));
				}
				else {
					out.reject(field.key(), reason(actor, field, "import.error.days"));
				}
			}
			case PERCENT -> {
				String digits = text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
				if (digits.matches("\\d{1,3}") && Integer.parseInt(digits) <= 100) {
					out.values().put(field.key(), Integer.parseInt(digits));
				}
				else {
					out.reject(field.key(), reason(actor, field, "import.error.percent"));
				}
			}
			// the rules and messages of the forms and the API
			case EMAIL -> contactPoint(actor, field, text, ContactPoints.isEmail(text), ContactPoints.EMAIL_MESSAGE,
					out);
			case PHONE -> contactPoint(actor, field, text, ContactPoints.isPhone(text), ContactPoints.PHONE_MESSAGE,
					out);
			case WEBSITE -> contactPoint(actor, field, text, ContactPoints.isWebsite(text),
					ContactPoints.WEBSITE_MESSAGE, out);
			case BOOLEAN -> {
				String lower = text.toLowerCase(Locale.ROOT);
				if (TRUE.contains(lower)) {
					out.values().put(field.key(), Boolean.TRUE);
				}
				else if (FALSE.contains(lower)) {
					out.values().put(field.key(), Boolean.FALSE);
				}
				else {
					out.reject(field.key(), reason(actor, field, "import.error.boolean"));
				}
			}
			case CHOICE -> {
				String choice = choice(field, text);
				if (choice != null) {
					out.values().put(field.key(), choice);
				}
				else {
					List<String> accepted = field.choices().stream()
						.map(c -> message(actor, "import.error.choiceItem", c,
								message(actor, field.choiceLabelKey(c))))
						.toList();
					out.reject(field.key(), reason(actor, field, "import.error.choice",
							String.join(message(actor, "import.error.choiceSeparator"), accepted)));
				}
			}
			case AMOUNT -> {
				java.math.BigDecimal amount = mark.read(text);
				if (amount == null) {
					out.reject(field.key(), reason(actor, field, numberProblem(mark), text));
				}
				else if (!org.rapport.shared.Money.isPlausible(amount)) {
					out.reject(field.key(), reason(actor, field, "validation.amount"));
				}
				else {
					out.values().put(field.key(), amount);
				}
			}
			case CURRENCY -> {
				if (text.length() == 3 && org.rapport.shared.Money.isCurrency(text)) {
					out.values().put(field.key(), text.toUpperCase(Locale.ROOT));
				}
				else {
					out.reject(field.key(), reason(actor, field,
							text.matches("[A-Za-z]{3}") ? "validation.currency.iso" : "import.error.currency", text));
				}
			}
			case OWNER -> {
				UserSummary user = owners.byUsername.get(text.toLowerCase(Locale.ROOT));
				if (user == null) {
					out.reject(field.key(), reason(actor, field, "import.error.owner", text));
				}
				else if (OwnerPolicy.check(actor, user.id(), user.team(), null) != null) {
					out.reject(field.key(), reason(actor, field, "import.error.ownerNotAllowed"));
				}
				else {
					out.values().put(field.key(), user.id());
				}
			}
		}
	}

	private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

	/** The date a cell holds, year first; or null. */
	static java.time.LocalDate date(String text) {
		java.util.regex.Matcher m = DATE.matcher(text);
		if (!m.matches()) {
			return null;
		}
		try {
			return java.time.LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)));
		}
		catch (java.time.DateTimeException e) {
			return null;
		}
	}

	/** The choice a cell names by its code, as exports write it, or by its label in English or Chinese; or null. */
	private String choice(FieldSpec field, String text) {
		String wanted = text.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		if (field.choices().contains(wanted)) {
			return wanted;
		}
		for (String choice : field.choices()) {
			for (Locale language : LABEL_LANGUAGES) {
				String label = messages.getMessage(field.choiceLabelKey(choice), null, null, language);
				if (label != null && label.strip().equalsIgnoreCase(text)) {
					return choice;
				}
			}
		}
		return null;
	}

	private static final List<Locale> LABEL_LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

	private void contactPoint(Actor actor, FieldSpec field, String text, boolean valid, String messageKey,
			ConvertedRow out) {
		if (valid) {
			out.values().put(field.key(), text);
		}
		else {
			out.reject(field.key(), reason(actor, field, messageKey));
		}
	}

	/** Puts the id of the account each row names under {@code accountId}, one lookup by name and one by id. */
	private void resolveAccounts(Actor actor, List<ConvertedRow> rows) {
		Set<String> names = new HashSet<>();
		Set<String> externalIds = new HashSet<>();
		for (ConvertedRow row : rows) {
			if (row.text("accountExternalId") != null) {
				externalIds.add(row.text("accountExternalId"));
			}
			else if (row.text("account") != null) {
				names.add(row.text("account").toLowerCase(Locale.ROOT));
			}
		}
		if (names.isEmpty() && externalIds.isEmpty()) {
			return;
		}
		Map<String, List<UUID>> byName = new HashMap<>();
		customers.findAccounts(actor, MatchBy.NAME, names)
			.forEach(a -> byName.computeIfAbsent(a.name().toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(a.id()));
		Map<String, UUID> byExternalId = new HashMap<>();
		customers.findAccounts(actor, MatchBy.EXTERNAL_ID, externalIds)
			.forEach(a -> byExternalId.put(a.externalId(), a.id()));
		for (ConvertedRow row : rows) {
			String externalId = row.text("accountExternalId");
			String name = row.text("account");
			if (externalId != null) {
				UUID id = byExternalId.get(externalId);
				if (id == null) {
					row.reject("accountExternalId", message(actor, "import.error.accountExternalId", externalId));
				}
				else {
					row.values().put("accountId", id);
				}
			}
			else if (name != null) {
				List<UUID> ids = byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
				if (ids.isEmpty()) {
					row.reject("account", message(actor, "import.error.account", name));
				}
				else if (ids.size() > 1) {
					row.reject("account", message(actor, "import.error.accountAmbiguous", name));
				}
				else {
					row.values().put("accountId", ids.get(0));
				}
			}
		}
	}

	private static final Set<String> CONFIRMED = Set.of("confirmed", "已确认", "确认", "已下单");

	/**
	 * Orders: each row is a line whose product is found by SKU, else by name; its quantity is above zero and its
	 * unit price is the product's when empty (then the product must be priced in the order's currency, which is the
	 * row's, else the product's). Rows are grouped by the order's external id: the first row of an order gives its
	 * account (required), date (required) and status (Draft or Confirmed, a draft when empty); a later row may repeat
	 * them but not name another account or currency. When a row of an order is rejected, so are the others, as an
	 * order is imported whole or not at all. Puts {@code productId}, {@code unitPrice}, {@code currency} and
	 * {@code status}.
	 */
	private void resolveOrderLines(Actor actor, List<ConvertedRow> rows) {
		Set<String> names = new HashSet<>();
		for (ConvertedRow row : rows) {
			if (row.text("product") != null) {
				names.add(row.text("product").toLowerCase(Locale.ROOT));
			}
		}
		Map<String, ProductValues> bySku = new HashMap<>();
		Map<String, List<ProductValues>> byName = new HashMap<>();
		if (!names.isEmpty()) {
			products.findProducts(MatchBy.NUMBER, names)
				.forEach(p -> bySku.put(p.sku().toLowerCase(Locale.ROOT), p));
			products.findProducts(MatchBy.NAME, names)
				.forEach(p -> byName.computeIfAbsent(p.name().toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(p));
		}
		for (ConvertedRow row : rows) {
			String name = row.text("product");
			String currency = row.text("currency");
			if (name != null) {
				String lower = name.toLowerCase(Locale.ROOT);
				ProductValues product = bySku.get(lower);
				List<ProductValues> named = byName.getOrDefault(lower, List.of());
				if (product == null && named.size() == 1) {
					product = named.get(0);
				}
				if (product == null) {
					row.reject("product", message(actor,
							named.size() > 1 ? "import.error.productAmbiguous" : "import.error.product", name));
				}
				else {
					row.values().put("productId", product.id());
					if (currency == null) {
						currency = product.currency();
						row.values().put("currency", currency);
					}
					if (row.values().get("unitPrice") == null && !row.errors().containsKey("unitPrice")) {
						if (product.currency().equalsIgnoreCase(currency)) {
							row.values().put("unitPrice", product.unitPrice());
						}
						else {
							row.reject("unitPrice",
									message(actor, "import.error.priceCurrency", product.currency(), currency));
						}
					}
				}
			}
			java.math.BigDecimal quantity = (java.math.BigDecimal) row.values().get("quantity");
			if (quantity != null && quantity.signum() <= 0) {
				row.reject("quantity", message(actor, "import.error.quantity"));
			}
			else if (quantity != null && row.values().get("unitPrice") instanceof java.math.BigDecimal price
					&& !org.rapport.shared.Money.isPlausible(quantity.multiply(price))) {
				row.reject("quantity", message(actor, "validation.order.amount"));
			}
			String status = row.text("orderStatus");
			if (status != null) {
				String lower = status.toLowerCase(Locale.ROOT);
				if (DRAFT.contains(lower)) {
					row.values().put("status", OrderWriter.DRAFT);
				}
				else if (CONFIRMED.contains(lower)) {
					row.values().put("status", OrderWriter.CONFIRMED);
				}
				else {
					row.reject("orderStatus", message(actor, "import.error.orderStatus", status));
				}
			}
		}
		Map<String, List<ConvertedRow>> orders = new LinkedHashMap<>();
		for (ConvertedRow row : rows) {
			if (row.text("externalId") != null) {
				orders.computeIfAbsent(row.text("externalId"), k -> new ArrayList<>()).add(row);
			}
		}
		for (List<ConvertedRow> lines : orders.values()) {
			ConvertedRow first = lines.get(0);
			if (first.values().get("accountId") == null && !first.errors().containsKey("account")
					&& !first.errors().containsKey("accountExternalId")) {
				first.reject("account", message(actor, "import.error.accountRequired"));
			}
			if (first.values().get("orderDate") == null && !first.errors().containsKey("orderDate")) {
				first.reject("orderDate", message(actor, "import.error.orderDateRequired"));
			}
			Object account = first.values().get("accountId");
			String currency = first.text("currency");
			for (ConvertedRow line : lines.subList(1, lines.size())) {
				Object other = line.values().get("accountId");
				if (other != null && account != null && !other.equals(account)) {
					line.reject("account", message(actor, "import.error.orderAccount", first.line()));
				}
				String otherCurrency = line.text("currency");
				if (otherCurrency != null && currency != null && !otherCurrency.equals(currency)) {
					line.reject("currency", message(actor, "import.error.orderCurrency", currency, first.line()));
				}
			}
			List<String> bad = lines.stream().filter(l -> !l.isValid()).map(l -> String.valueOf(l.line())).toList();
			if (!bad.isEmpty()) {
				for (ConvertedRow line : lines) {
					if (line.isValid()) {
						line.reject("", message(actor, "import.error.orderLineRejected", String.join(", ", bad)));
					}
				}
			}
		}
	}

	private static final Set<String> DRAFT = Set.of("draft", "草稿", "拟定", "待生效");

	private static final Set<String> ACTIVE = Set.of("active", "running", "生效", "已生效", "有效", "执行中", "进行中");

	/**
	 * Contracts: the account is required, the end may not come before the start, and the status is Draft or Active
	 * (in English or Chinese; a draft when empty); an active contract has started. Puts {@code status} as its name.
	 */
	private void resolveContractTerms(Actor actor, List<ConvertedRow> rows) {
		java.time.LocalDate today = contracts.today();
		for (ConvertedRow row : rows) {
			if (row.values().get("accountId") == null && !row.errors().containsKey("account")
					&& !row.errors().containsKey("accountExternalId")) {
				row.reject("account", message(actor, "import.error.accountRequired"));
			}
			Integer notice = (Integer) row.values().get("renewalNoticeDays");
			if (notice != null && notice > ContractValues.MAX_RENEWAL_NOTICE_DAYS) {
				row.reject("renewalNoticeDays", reason(actor, ImportEntity.CONTRACTS.field("renewalNoticeDays")
					.orElseThrow(), "import.error.daysMax", ContractValues.MAX_RENEWAL_NOTICE_DAYS));
			}
			java.time.LocalDate start = (java.time.LocalDate) row.values().get("startDate");
			java.time.LocalDate end = (java.time.LocalDate) row.values().get("endDate");
			if (start != null && end != null && end.isBefore(start)) {
				row.reject("endDate", message(actor, "import.error.endBeforeStart"));
			}
			String status = row.text("status");
			if (status == null) {
				continue;
			}
			String lower = status.toLowerCase(Locale.ROOT);
			if (DRAFT.contains(lower)) {
				row.values().put("status", ContractWriter.DRAFT);
			}
			else if (ACTIVE.contains(lower)) {
				if (start != null && start.isAfter(today)) {
					row.reject("status", message(actor, "import.error.activeNotStarted"));
				}
				else {
					row.values().put("status", ContractWriter.ACTIVE);
				}
			}
			else {
				row.reject("status", message(actor, "import.error.contractStatus", status));
			}
		}
	}

	/**
	 * Opportunities: the account is required; the pipeline is found by name (the default one when the cell is empty)
	 * and the stage by name within it, a lost stage refused (it needs a reason an import does not give); the
	 * probability must fit a closed stage. Puts {@code pipelineId}, {@code stageId} and {@code stageProbability}.
	 */
	private void resolveStages(Actor actor, List<ConvertedRow> rows) {
		List<OpportunityImports.PipelineStages> pipelines = opportunities.pipelines();
		for (ConvertedRow row : rows) {
			if (row.values().get("accountId") == null && !row.errors().containsKey("account")
					&& !row.errors().containsKey("accountExternalId")) {
				row.reject("account", message(actor, "import.error.accountRequired"));
			}
			String pipelineName = row.text("pipeline");
			String stageName = row.text("stage");
			if (pipelineName == null && stageName == null) {
				// a new opportunity enters the default pipeline's first open stage; an existing one stays
				pipelines.stream().filter(OpportunityImports.PipelineStages::isDefault).findFirst().ifPresent(p -> p
					.stages().stream().filter(s -> s.kind() == StageKind.OPEN).findFirst().ifPresent(s -> {
						row.values().put("defaultPipelineId", p.id());
						row.values().put("defaultStageId", s.id());
						row.values().put("defaultStageProbability", s.probability());
					}));
				continue;
			}
			OpportunityImports.PipelineStages pipeline = pipelines.stream()
				.filter(p -> pipelineName == null ? p.isDefault() : namedAs(p.name(), pipelineName))
				.findFirst()
				.orElse(null);
			if (pipeline == null) {
				row.reject("pipeline", message(actor, "import.error.pipeline", pipelineName));
				continue;
			}
			OpportunityImports.StageInfo stage = stageName == null
					? pipeline.stages().stream().filter(s -> s.kind() == StageKind.OPEN).findFirst().orElse(null)
					: pipeline.stages().stream().filter(s -> namedAs(s.name(), stageName)).findFirst()
						.orElse(null);
			if (stage == null) {
				row.reject("stage", message(actor, "import.error.stage", stageName,
						builtInNames.shown(pipeline.name(), actor.locale())));
				continue;
			}
			if (stage.kind() == StageKind.LOST) {
				row.reject("stage", message(actor, "import.error.stageLost",
						builtInNames.shown(stage.name(), actor.locale())));
				continue;
			}
			Integer probability = (Integer) row.values().get("probability");
			if (probability != null && stage.kind() == StageKind.WON && probability != 100) {
				row.reject("probability", message(actor, "import.error.probabilityWon"));
				continue;
			}
			row.values().put("pipelineId", pipeline.id());
			row.values().put("stageId", stage.id());
			row.values().put("stageProbability", stage.probability());
		}
	}

	/** Whether a cell names a pipeline or stage: by its name, or a name Rapport gave it in English or Chinese. */
	private boolean namedAs(String name, String text) {
		if (name.equalsIgnoreCase(text)) {
			return true;
		}
		for (Locale language : LABEL_LANGUAGES) {
			if (builtInNames.shown(name, language).equalsIgnoreCase(text)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The custom field values a record keeps: the row's over the current ones, checked by their definitions, with
	 * defaults and required fields for a new record; null (and the row rejected) when one is refused.
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> customValues(Actor actor, ImportEntity entity, Map<String, Object> current, ConvertedRow row,
			boolean creating) {
		Map<String, Object> changes = (Map<String, Object>) row.values().getOrDefault("customFields", Map.of());
		try {
			return customFields.merge(entity.customFieldsEntity(), current == null ? Map.of() : current, changes,
					creating);
		}
		catch (InvalidField refused) {
			String key = refused.field().replace("customFields.", CustomFields.PARAM_PREFIX);
			String label = fields.field(entity, key, actor.locale()).map(FieldSpec::label).orElse(key);
			row.reject(key, labelled(actor, label, message(actor, refused.messageKey())));
			return null;
		}
	}

	String reason(Actor actor, FieldSpec field, String key, Object... args) {
		String label = field.label() != null ? field.label() : message(actor, "import.field." + field.key());
		return labelled(actor, label, message(actor, key, args));
	}

	/** A field's label before what is wrong with it, with the language's own colon. */
	private String labelled(Actor actor, String label, String problem) {
		return message(actor, "import.error.field", label, problem);
	}

	String message(Actor actor, String key, Object... args) {
		return messages.getMessage(key, args, key, actor.locale());
	}

	/** Exposed for values that {@link AccountValues} carries. */
	static String lower(String value) {
		return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
	}
}
