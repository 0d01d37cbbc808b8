package org.rapport.integration.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.AccountSource;
import org.rapport.customers.AccountType;
import org.rapport.customers.AccountValues;
import org.rapport.customers.CustomerImports;
import org.rapport.customers.Industry;
import org.rapport.customers.LifecycleStage;
import org.rapport.identity.Actor;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportColumn.Type;
import org.rapport.shared.MatchBy;
import org.rapport.integration.RecordKind;
import org.rapport.shared.ContactPoints;
import org.rapport.shared.PostalAddress;
import org.springframework.stereotype.Component;

/** Imports accounts; they match by external id, e-mail or name. */
@Component
class AccountImport extends RecordKind<AccountValues> {

	static final List<ImportColumn> COLUMNS = List.of(
			ImportColumn.text("externalId", 100, "External ID", "external_id", "外部编号", "外部ID"),
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
			ImportColumn.of("owner", Type.OWNER, "Owner", "Owner Login", "Assigned To", "负责人", "所有者"));

	private final CustomerImports customers;

	AccountImport(CustomerImports customers) {
		this.customers = customers;
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
		return List.of(MatchBy.EXTERNAL_ID, MatchBy.EMAIL, MatchBy.NAME);
	}

	@Override
	public Class<AccountValues> valuesType() {
		return AccountValues.class;
	}

	@Override
	protected List<AccountValues> find(Actor actor, MatchBy key, Collection<String> values) {
		return customers.findAccounts(actor, key, values);
	}

	@Override
	protected String lookupValue(MatchBy key, Map<String, Object> values) {
		return switch (key) {
			case EXTERNAL_ID -> (String) values.get("externalId");
			case EMAIL -> lower(values.get("email"));
			case NAME -> lower(values.get("name"));
			case NUMBER -> null;
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
			case NUMBER -> null;
		};
	}

	@Override
	protected AccountValues create(UUID id, Map<String, Object> v) {
		return merge(new AccountValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null,
				AccountType.COMPANY, null, null, null, null, PostalAddress.EMPTY, LifecycleStage.PROSPECT, null, null, Map.of()),
				v);
	}

	@Override
	protected AccountValues merge(AccountValues a, Map<String, Object> v) {
		PostalAddress address = a.billingAddress() == null ? PostalAddress.EMPTY : a.billingAddress();
		boolean newOwner = v.containsKey("owner");
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

	static <E extends Enum<E>> E choice(Class<E> type, Object value, E otherwise) {
		return value == null ? otherwise : Enum.valueOf(type, value.toString());
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
		return customers.takenAccountExternalIds(externalIds);
	}

	@Override
	protected void insert(Actor actor, List<AccountValues> records) {
		customers.insertAccounts(actor, records);
	}

	@Override
	protected Set<UUID> update(Actor actor, List<AccountValues> records) {
		return customers.updateAccounts(actor, records);
	}

	@Override
	public List<AccountValues> current(Collection<UUID> ids) {
		return customers.accounts(ids);
	}

	@Override
	public void delete(Collection<UUID> ids) {
		customers.deleteAccounts(ids);
	}

	@Override
	public String refuseDeleting(Collection<UUID> ids) {
		return customers.contactsAt(ids).isEmpty() ? null : "import.undo.accountInUse";
	}
}
