package org.rapport.customers.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.rapport.customers.AccountDeleted;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountSource;
import org.rapport.customers.AccountType;
import org.rapport.customers.AccountsImported;
import org.rapport.customers.Industry;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.MatchKeys;
import org.rapport.identity.Actor;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportColumn.Type;
import org.rapport.integration.MatchBy;
import org.rapport.integration.RecordKind;
import org.rapport.integration.bulk.BulkRecords;
import org.rapport.shared.ContactPoints;
import org.rapport.shared.PostalAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports accounts; they match by external id, e-mail or name. A batch is written in bulk, with one
 * {@link AccountsImported} event for it; an account whose lifecycle stage the import changes moves by
 * {@link Account#moveTo}, as on the account form, so that the move is kept in its history and announced.
 */
@Component
class AccountImport extends RecordKind<AccountValues> {

	/** Why an imported stage moves an account, in its lifecycle history. */
	static final String IMPORTED_REASON = "Set by an import";

	/** Why undoing an import moves an account back, in its lifecycle history. */
	static final String UNDONE_REASON = "An import was undone";

	static final List<ImportColumn> COLUMNS = List.of(
			ImportColumn.id(),
			ImportColumn.externalId(),
			ImportColumn.required("name", 200, "Account", "Account Name", "Company", "Company Name", "名称", "客户",
					"客户名称", "公司", "公司名称"),
			ImportColumn.choice("type", ImportColumn.names(AccountType.values()), "accountType", "Type",
					"Account Type", "类型"),
			ImportColumn.choice("industry", ImportColumn.names(Industry.values()), "industry", "Industry", "行业"),
			ImportColumn.text("website", ContactPoints.WEBSITE_MAX, "Website", "Web", "URL", "Domain", "网站", "网址",
					"域名").checkedBy(ContactPoints::isWebsite, ContactPoints.WEBSITE_MESSAGE),
			ImportColumn.text("phone", ContactPoints.PHONE_MAX, "Phone", "Telephone", "Tel", "电话", "联系电话")
				.checkedBy(ContactPoints::isPhone, ContactPoints.PHONE_MESSAGE),
			ImportColumn.text("email", ContactPoints.EMAIL_MAX, "E-mail", "Email Address", "Mail", "邮箱", "电子邮件",
					"电子邮箱", "邮件").checkedBy(ContactPoints::isEmail, ContactPoints.EMAIL_MESSAGE),
			ImportColumn.text("street", 200, "Street", "Address", "Billing Street", "billing_street", "街道", "地址"),
			ImportColumn.text("city", 100, "City", "Billing City", "billing_city", "城市"),
			ImportColumn.text("postalCode", 20, "Postal Code", "ZIP", "Postcode", "billing_postal_code", "邮编",
					"邮政编码"),
			ImportColumn.text("region", 100, "Region", "State", "Province", "billing_region", "省份", "地区", "省"),
			ImportColumn.text("country", 100, "Country", "billing_country", "国家"),
			ImportColumn.choice("lifecycleStage", ImportColumn.names(LifecycleStage.values()), "stage",
					"Lifecycle Stage", "Stage", "生命周期阶段", "阶段"),
			ImportColumn.choice("source", ImportColumn.names(AccountSource.values()), "source", "Source",
					"Lead Source", "来源"),
			ImportColumn.text("description", 4000, "Description", "Notes", "描述", "备注"),
			ImportColumn.owner());

	private static final BulkRecords.Table<AccountValues> TABLE = new BulkRecords.Table<>("account",
			"name, type, industry, website, phone, email, billing_street, billing_city, billing_postal_code, "
					+ "billing_region, billing_country, lifecycle_stage, source, description, external_id, owner_id, "
					+ "team_id, name_key, domain_key, custom_fields",
			"vvvvvvvvvvvvvvvuuvvj", AccountImport::columns, AccountValues::id, AccountValues::version);

	private final BulkRecords records;
	private final LifecycleChanges changes;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;

	AccountImport(BulkRecords records, LifecycleChanges changes, NamedParameterJdbcTemplate named,
			ApplicationEventPublisher events) {
		this.records = records;
		this.changes = changes;
		this.named = named;
		this.events = events;
	}

	@Override
	public String name() {
		return "accounts";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public String customFieldsEntity() {
		return "account";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public List<MatchBy> matchKeys() {
		return List.of(MatchBy.EXTERNAL_ID, MatchBy.EMAIL, MatchBy.NAME, MatchBy.ID);
	}

	@Override
	public Class<AccountValues> valuesType() {
		return AccountValues.class;
	}

	/** The property of an account that a match key compares. */
	static String path(MatchBy key) {
		return switch (key) {
			case EXTERNAL_ID -> "r.externalId";
			case EMAIL -> "lower(r.email)";
			case NAME -> "lower(r.name)";
			case ID -> "r.id";
			case NUMBER -> throw new IllegalArgumentException("No number to match by");
		};
	}

	@Override
	protected List<AccountValues> find(Actor actor, MatchBy key, Collection<String> values) {
		return records.find(Account.class, actor, key, path(key), values, AccountImport::values);
	}

	@Override
	protected String lookupValue(MatchBy key, Map<String, Object> values) {
		return switch (key) {
			case EXTERNAL_ID -> (String) values.get("externalId");
			case EMAIL -> lower(values.get("email"));
			case NAME -> lower(values.get("name"));
			case NUMBER, ID -> null;
		};
	}

	@Override
	protected String key(MatchBy key, Map<String, Object> values) {
		return lookupValue(key, values);
	}

	@Override
	protected String key(MatchBy key, AccountValues a) {
		return switch (key) {
			case EXTERNAL_ID -> a.externalId();
			case EMAIL -> lower(a.email());
			case NAME -> lower(a.name());
			case NUMBER, ID -> null;
		};
	}

	@Override
	protected AccountValues create(ImportBatch batch, UUID id, Map<String, Object> v) {
		return merge(new AccountValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null,
				AccountType.COMPANY, null, null, null, null, PostalAddress.EMPTY, LifecycleStage.PROSPECT, null, null, Map.of()),
				v);
	}

	@Override
	protected AccountValues merge(AccountValues a, Map<String, Object> v) {
		PostalAddress address = a.billingAddress() == null ? PostalAddress.EMPTY : a.billingAddress();
		boolean newOwner = ownerChanges(v, a.ownerId());
		return new AccountValues(a.id(), a.version(), newOwner ? (UUID) v.get("ownerId") : a.ownerId(),
				newOwner ? (UUID) v.get("teamId") : a.teamId(), pick(v, "externalId", a.externalId()),
				pick(v, "name", a.name()), choice(AccountType.class, v.get("type"), a.type()),
				choice(Industry.class, v.get("industry"), a.industry()), pick(v, "website", a.website()),
				pick(v, "phone", a.phone()), pick(v, "email", a.email()),
				new PostalAddress(pick(v, "street", address.street()), pick(v, "city", address.city()),
						pick(v, "postalCode", address.postalCode()), pick(v, "region", address.region()),
						pick(v, "country", address.country())),
				choice(LifecycleStage.class, v.get("lifecycleStage"), a.lifecycleStage()),
				choice(AccountSource.class, v.get("source"), a.source()), pick(v, "description", a.description()),
				pick(v, "customFields", a.customFields()));
	}

	@Override
	protected Map<String, Object> customFields(AccountValues record) {
		return record.customFields();
	}

	@Override
	public UUID id(AccountValues record) {
		return record.id();
	}

	@Override
	public long version(AccountValues record) {
		return record.version();
	}

	@Override
	protected String externalId(AccountValues record) {
		return record.externalId();
	}

	@Override
	public AccountValues withVersion(AccountValues a, long version) {
		return new AccountValues(a.id(), version, a.ownerId(), a.teamId(), a.externalId(), a.name(), a.type(),
				a.industry(), a.website(), a.phone(), a.email(), a.billingAddress(), a.lifecycleStage(), a.source(),
				a.description(), a.customFields());
	}

	@Override
	protected Set<String> takenExternalIds(Collection<String> externalIds) {
		return records.takenExternalIds("account", externalIds);
	}

	@Override
	protected void insert(Actor actor, List<AccountValues> accounts) {
		if (accounts.isEmpty()) {
			return;
		}
		records.insert(TABLE, actor, accounts);
		events.publishEvent(new AccountsImported(accounts.stream().map(a -> new AccountId(a.id())).toList(), List.of()));
	}

	@Override
	protected Set<UUID> update(Actor actor, List<AccountValues> accounts) {
		return write(actor, accounts, IMPORTED_REASON);
	}

	@Override
	public Set<UUID> writeBack(Actor actor, List<AccountValues> accounts) {
		return write(actor, accounts, UNDONE_REASON);
	}

	/**
	 * Overwrites the accounts in bulk. Those whose stage changes are loaded (only they) and moved by
	 * {@link Account#moveTo}; the move's history entry and event follow the write of the accounts it wrote.
	 */
	private Set<UUID> write(Actor actor, List<AccountValues> accounts, String reason) {
		if (accounts.isEmpty()) {
			return Set.of();
		}
		Map<UUID, LifecycleStage> stored = storedStages(accounts.stream().map(AccountValues::id).toList());
		List<UUID> moving = accounts.stream()
			.filter(a -> stored.containsKey(a.id()) && stored.get(a.id()) != a.lifecycleStage())
			.map(AccountValues::id)
			.toList();
		Map<UUID, AccountValues> wanted = new HashMap<>();
		accounts.forEach(a -> wanted.put(a.id(), a));
		Instant now = records.now().toInstant();
		List<Account> moved = new ArrayList<>();
		Map<UUID, LifecycleChange> moves = new HashMap<>();
		for (Account account : records.byIds(Account.class, moving, Function.identity())) {
			account.moveTo(wanted.get(account.getId()).lifecycleStage(), reason, now, actor.id().value())
				.ifPresent(change -> {
					moved.add(account);
					moves.put(account.getId(), change);
				});
		}
		Set<UUID> written = records.update(TABLE, actor, accounts);
		for (Account account : moved) {
			if (written.contains(account.getId())) {
				changes.save(moves.get(account.getId()));
				account.pendingEvents().forEach(events::publishEvent);
			}
		}
		events.publishEvent(new AccountsImported(List.of(), written.stream().map(AccountId::new).toList()));
		return written;
	}

	/** The stages the accounts hold now, in one query. */
	private Map<UUID, LifecycleStage> storedStages(List<UUID> ids) {
		Map<UUID, LifecycleStage> stages = new HashMap<>();
		named.query("select id, lifecycle_stage from account where id in (:ids)", new MapSqlParameterSource("ids", ids),
				rs -> {
					stages.put(rs.getObject(1, UUID.class), LifecycleStage.valueOf(rs.getString(2)));
				});
		return stages;
	}

	@Override
	public List<AccountValues> current(Collection<UUID> ids) {
		return records.byIds(Account.class, ids, AccountImport::values);
	}

	@Override
	public void delete(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		records.delete("account", ids);
		ids.forEach(id -> events.publishEvent(new AccountDeleted(new AccountId(id), false)));
		events.publishEvent(new AccountsImported(List.of(), List.of(), ids.stream().map(AccountId::new).toList()));
	}

	/** An account that contacts were added to since the import is not deleted by its undo. */
	@Override
	public String refuseDeleting(Collection<UUID> ids) {
		Integer contacts = named.queryForObject("select count(*) from contact where account_id in (:ids)",
				new MapSqlParameterSource("ids", ids), Integer.class);
		return contacts == null || contacts == 0 ? null : "import.undo.accountInUse";
	}

	private static Object[] columns(AccountValues a) {
		PostalAddress address = a.billingAddress() == null ? PostalAddress.EMPTY : a.billingAddress();
		return new Object[] { a.name(), name(a.type()), name(a.industry()), a.website(), a.phone(), a.email(),
				address.street(), address.city(), address.postalCode(), address.region(), address.country(),
				name(a.lifecycleStage()), name(a.source()), a.description(), a.externalId(), a.ownerId(), a.teamId(),
				MatchKeys.companyName(a.name()), MatchKeys.domain(a.website()), a.customFields() };
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	static AccountValues values(Account a) {
		return new AccountValues(a.getId(), a.getVersion(), a.getOwnerId(), a.getTeamId(), a.getExternalId(),
				a.getName(), a.getType(), a.getIndustry(), a.getWebsite(), a.getPhone(), a.getEmail(),
				a.getBillingAddress(), a.getLifecycleStage(), a.getSource(), a.getDescription(), a.getCustomFields());
	}
}
