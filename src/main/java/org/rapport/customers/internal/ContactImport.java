package org.rapport.customers.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountReferences;
import org.rapport.customers.ContactDeleted;
import org.rapport.customers.ContactId;
import org.rapport.customers.ContactsImported;
import org.rapport.customers.MatchKeys;
import org.rapport.identity.Actor;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportColumn.Type;
import org.rapport.integration.ImportRow;
import org.rapport.integration.MatchBy;
import org.rapport.integration.PersonKind;
import org.rapport.integration.bulk.BulkRecords;
import org.rapport.shared.ContactPoints;
import org.rapport.shared.PostalAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports contacts; they match by external id, e-mail, or first and last name at the same account. A batch is
 * written in bulk, with one {@link ContactsImported} event for it.
 */
@Component
class ContactImport extends PersonKind<ContactValues> {

	static final List<ImportColumn> COLUMNS = List.of(
			ImportColumn.id(),
			ImportColumn.externalId(),
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
			ImportColumn.owner());

	private static final BulkRecords.Table<ContactValues> TABLE = new BulkRecords.Table<>("contact",
			"account_id, first_name, last_name, title, email, phone, street, city, postal_code, region, country, "
					+ "do_not_contact, external_id, owner_id, team_id, email_key, person_key, custom_fields",
			"uvvvvvvvvvvbvuuvvj", ContactImport::columns, ContactValues::id, ContactValues::version);

	private final BulkRecords records;
	private final AccountReferences accounts;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;

	ContactImport(BulkRecords records, AccountReferences accounts, NamedParameterJdbcTemplate named,
			ApplicationEventPublisher events) {
		this.records = records;
		this.accounts = accounts;
		this.named = named;
		this.events = events;
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
		return List.of(MatchBy.EXTERNAL_ID, MatchBy.EMAIL, MatchBy.NAME, MatchBy.ID);
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
		String path = switch (key) {
			case EXTERNAL_ID -> "r.externalId";
			case EMAIL -> "lower(r.email)";
			case NAME -> "lower(r.lastName)";
			case ID -> "r.id";
			case NUMBER -> throw new IllegalArgumentException("No number to match by");
		};
		return records.find(Contact.class, actor, key, path, values, ContactImport::values);
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
	protected ContactValues create(ImportBatch batch, UUID id, Map<String, Object> v) {
		return merge(new ContactValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null, null,
				null, null, null, null, PostalAddress.EMPTY, false, Map.of()), v);
	}

	@Override
	protected ContactValues merge(ContactValues c, Map<String, Object> v) {
		PostalAddress address = c.address() == null ? PostalAddress.EMPTY : c.address();
		boolean newOwner = ownerChanges(v, c.ownerId());
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
		return records.takenExternalIds("contact", externalIds);
	}

	@Override
	protected void insert(Actor actor, List<ContactValues> contacts) {
		if (contacts.isEmpty()) {
			return;
		}
		records.insert(TABLE, actor, contacts);
		events.publishEvent(new ContactsImported(contacts.stream().map(c -> new ContactId(c.id())).toList(), List.of()));
	}

	@Override
	protected Set<UUID> update(Actor actor, List<ContactValues> contacts) {
		if (contacts.isEmpty()) {
			return Set.of();
		}
		Set<UUID> written = records.update(TABLE, actor, contacts);
		events.publishEvent(new ContactsImported(List.of(), written.stream().map(ContactId::new).toList()));
		return written;
	}

	@Override
	public List<ContactValues> current(Collection<UUID> ids) {
		return records.byIds(Contact.class, ids, ContactImport::values);
	}

	@Override
	public void delete(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		Map<UUID, UUID> accountsOf = new HashMap<>();
		named.query("select id, account_id from contact where id in (:ids)", new MapSqlParameterSource("ids", ids),
				rs -> {
					accountsOf.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
				});
		records.delete("contact", ids);
		accountsOf.forEach((contact, account) -> events.publishEvent(
				new ContactDeleted(new ContactId(contact), account == null ? null : new AccountId(account))));
		events.publishEvent(new ContactsImported(List.of(), List.of(), ids.stream().map(ContactId::new).toList()));
	}

	private static Object[] columns(ContactValues c) {
		PostalAddress address = c.address() == null ? PostalAddress.EMPTY : c.address();
		return new Object[] { c.accountId(), c.firstName(), c.lastName(), c.title(), c.email(), c.phone(),
				address.street(), address.city(), address.postalCode(), address.region(), address.country(),
				c.doNotContact(), c.externalId(), c.ownerId(), c.teamId(), MatchKeys.email(c.email()),
				MatchKeys.person(c.firstName(), c.lastName()), c.customFields() };
	}

	static ContactValues values(Contact c) {
		return new ContactValues(c.getId(), c.getVersion(), c.getOwnerId(), c.getTeamId(), c.getExternalId(),
				c.accountId() == null ? null : c.accountId().value(), c.getFirstName(), c.getLastName(), c.getTitle(),
				c.getEmail(), c.getPhone(), c.getAddress(), c.isDoNotContact(), c.getCustomFields());
	}
}
