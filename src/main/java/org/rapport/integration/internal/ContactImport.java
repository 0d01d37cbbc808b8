package org.rapport.integration.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.ContactValues;
import org.rapport.customers.CustomerImports;
import org.rapport.identity.Actor;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportColumn.Type;
import org.rapport.integration.ImportRow;
import org.rapport.shared.MatchBy;
import org.rapport.integration.PersonKind;
import org.rapport.shared.ContactPoints;
import org.rapport.shared.PostalAddress;
import org.springframework.stereotype.Component;

/** Imports contacts; they match by external id, e-mail, or first and last name at the same account. */
@Component
class ContactImport extends PersonKind<ContactValues> {

	static final List<ImportColumn> COLUMNS = List.of(
			ImportColumn.text("externalId", 100, "External ID", "external_id", "外部编号", "外部ID"),
			ImportColumn.text("firstName", 100, "First Name", "Given Name", "Forename", "名", "名字"),
			ImportColumn.required("lastName", 100, "Last Name", "Surname", "Family Name", "姓", "姓氏"),
			ImportColumn.text("title", 100, "Title", "Job Title", "Position", "职位", "职务", "头衔"),
			ImportColumn.text("email", ContactPoints.EMAIL_MAX, "E-mail", "Email Address", "Mail", "邮箱", "电子邮件",
					"电子邮箱", "邮件").checkedBy(ContactPoints::isEmail, ContactPoints.EMAIL_MESSAGE),
			ImportColumn.text("phone", ContactPoints.PHONE_MAX, "Phone", "Telephone", "Mobile", "Tel", "电话", "手机",
					"手机号", "联系电话").checkedBy(ContactPoints::isPhone, ContactPoints.PHONE_MESSAGE),
			ImportColumn.of("account", Type.TEXT, "Account", "Account Name", "Company", "Company Name",
					"Organization", "公司", "客户", "客户名称", "公司名称"),
			ImportColumn.of("accountExternalId", Type.TEXT, "Account External ID", "account_external_id",
					"客户外部编号"),
			ImportColumn.text("street", 200, "Street", "Address", "街道", "地址"),
			ImportColumn.text("city", 100, "City", "城市"),
			ImportColumn.text("postalCode", 20, "Postal Code", "ZIP", "Postcode", "邮编", "邮政编码"),
			ImportColumn.text("region", 100, "Region", "State", "Province", "省份", "地区", "省"),
			ImportColumn.text("country", 100, "Country", "国家"),
			ImportColumn.of("doNotContact", Type.BOOLEAN, "Do Not Contact", "do_not_contact", "请勿联系"),
			ImportColumn.of("owner", Type.OWNER, "Owner", "Owner Login", "Assigned To", "负责人", "所有者"));

	private final CustomerImports customers;
	private final AccountReferences accounts;

	ContactImport(CustomerImports customers, AccountReferences accounts) {
		this.customers = customers;
		this.accounts = accounts;
	}

	@Override
	public String name() {
		return "contacts";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public String customFieldsEntity() {
		return "contact";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public List<MatchBy> matchKeys() {
		return List.of(MatchBy.EXTERNAL_ID, MatchBy.EMAIL, MatchBy.NAME);
	}

	/** A contact's account is found by its name or external id. */
	@Override
	public void convert(ImportBatch batch, List<ImportRow> rows) {
		accounts.resolve(batch, rows);
	}

	@Override
	public Class<ContactValues> valuesType() {
		return ContactValues.class;
	}

	@Override
	protected List<ContactValues> find(Actor actor, MatchBy key, Collection<String> values) {
		return customers.findContacts(actor, key, values);
	}

	@Override
	protected String place(Map<String, Object> values) {
		return String.valueOf(values.get("accountId"));
	}

	@Override
	protected String place(ContactValues c) {
		return String.valueOf(c.accountId());
	}

	@Override
	protected String email(ContactValues c) {
		return c.email();
	}

	@Override
	protected String firstName(ContactValues c) {
		return c.firstName();
	}

	@Override
	protected String lastName(ContactValues c) {
		return c.lastName();
	}

	@Override
	protected ContactValues create(UUID id, Map<String, Object> v) {
		return merge(new ContactValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null, null,
				null, null, null, null, PostalAddress.EMPTY, false, Map.of()), v);
	}

	@Override
	protected ContactValues merge(ContactValues c, Map<String, Object> v) {
		PostalAddress address = c.address() == null ? PostalAddress.EMPTY : c.address();
		boolean newOwner = v.containsKey("owner");
		return new ContactValues(c.id(), c.version(), newOwner ? (UUID) v.get("ownerId") : c.ownerId(),
				newOwner ? (UUID) v.get("teamId") : c.teamId(), pick(v, "externalId", c.externalId()),
				pick(v, "accountId", c.accountId()), pick(v, "firstName", c.firstName()),
				pick(v, "lastName", c.lastName()), pick(v, "title", c.title()), pick(v, "email", c.email()),
				pick(v, "phone", c.phone()),
				new PostalAddress(pick(v, "street", address.street()), pick(v, "city", address.city()),
						pick(v, "postalCode", address.postalCode()), pick(v, "region", address.region()),
						pick(v, "country", address.country())),
				pick(v, "doNotContact", c.doNotContact()), pick(v, "customFields", c.customFields()));
	}

	@Override
	protected Map<String, Object> customFields(ContactValues record) {
		return record.customFields();
	}

	@Override
	public UUID id(ContactValues record) {
		return record.id();
	}

	@Override
	public long version(ContactValues record) {
		return record.version();
	}

	@Override
	protected String externalId(ContactValues record) {
		return record.externalId();
	}

	@Override
	public ContactValues withVersion(ContactValues c, long version) {
		return new ContactValues(c.id(), version, c.ownerId(), c.teamId(), c.externalId(), c.accountId(),
				c.firstName(), c.lastName(), c.title(), c.email(), c.phone(), c.address(), c.doNotContact(),
				c.customFields());
	}

	@Override
	protected Set<String> takenExternalIds(Collection<String> externalIds) {
		return customers.takenContactExternalIds(externalIds);
	}

	@Override
	protected void insert(Actor actor, List<ContactValues> records) {
		customers.insertContacts(actor, records);
	}

	@Override
	protected Set<UUID> update(Actor actor, List<ContactValues> records) {
		return customers.updateContacts(actor, records);
	}

	@Override
	public List<ContactValues> current(Collection<UUID> ids) {
		return customers.contacts(ids);
	}

	@Override
	public void delete(Collection<UUID> ids) {
		customers.deleteContacts(ids);
	}
}
