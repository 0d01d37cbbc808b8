package org.rapport.sales.leads.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.AccountSource;
import org.rapport.customers.MatchKeys;
import org.rapport.identity.Actor;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.MatchBy;
import org.rapport.integration.PersonKind;
import org.rapport.integration.bulk.BulkRecords;
import org.rapport.sales.LeadId;
import org.rapport.sales.LeadsImported;
import org.rapport.shared.ContactPoints;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Imports leads; they match by external id, e-mail, or first and last name at the same company. A new lead is new;
 * a batch is written in bulk, with one {@link LeadsImported} event for it.
 */
@Component
class LeadImport extends PersonKind<LeadValues> {

	static final List<ImportColumn> COLUMNS = List.of(
			ImportColumn.id(),
			ImportColumn.externalId(),
			ImportColumn.text("firstName", 100, "First Name", "Given Name", "Forename", "名", "名字"),
			ImportColumn.required("lastName", 100, "Last Name", "Surname", "Family Name", "姓", "姓氏"),
			ImportColumn.text("company", 200, "Company", "Company Name", "Account", "Organization", "公司", "公司名称",
					"客户", "单位"),
			ImportColumn.text("title", 100, "Title", "Job Title", "Position", "职位", "职务", "头衔"),
			ImportColumn.text("email", ContactPoints.EMAIL_MAX, "E-mail", "Email Address", "Mail", "邮箱", "电子邮件",
					"电子邮箱", "邮件").checkedBy(ContactPoints::isEmail, ContactPoints.EMAIL_MESSAGE),
			ImportColumn.text("phone", ContactPoints.PHONE_MAX, "Phone", "Telephone", "Mobile", "Tel", "电话", "手机",
					"手机号", "联系电话").checkedBy(ContactPoints::isPhone, ContactPoints.PHONE_MESSAGE),
			ImportColumn.choice("source", ImportColumn.names(AccountSource.values()), "source", "Source",
					"Lead Source", "来源"),
			ImportColumn.choice("rating", ImportColumn.names(LeadRating.values()), "leadRating", "Rating", "评级"),
			ImportColumn.text("notes", 4000, "Notes", "Description", "备注", "描述"),
			ImportColumn.owner());

	private static final BulkRecords.Table<LeadValues> TABLE = new BulkRecords.Table<>("lead",
			"first_name, last_name, company, title, email, phone, source, rating, notes, external_id, owner_id, "
					+ "team_id, email_key, person_key, company_key, custom_fields",
			"vvvvvvvvvvuuvvvj", LeadImport::columns, LeadValues::id, LeadValues::version);

	private final BulkRecords records;
	private final ApplicationEventPublisher events;

	LeadImport(BulkRecords records, ApplicationEventPublisher events) {
		this.records = records;
		this.events = events;
	}

	@Override
	public String name() {
		return "leads";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public String customFieldsEntity() {
		return "lead";
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
	public Class<LeadValues> valuesType() {
		return LeadValues.class;
	}

	@Override
	protected List<LeadValues> find(Actor actor, MatchBy key, Collection<String> values) {
		String path = switch (key) {
			case EXTERNAL_ID -> "r.externalId";
			case EMAIL -> "lower(r.email)";
			case NAME -> "lower(r.lastName)";
			case ID -> "r.id";
			case NUMBER -> throw new IllegalArgumentException("No number to match by");
		};
		return records.find(Lead.class, actor, key, path, values, LeadImport::values);
	}

	@Override
	protected String place(Map<String, Object> values) {
		return lower(values.get("company"));
	}

	@Override
	protected String place(LeadValues l) {
		return lower(l.company());
	}

	@Override
	protected String email(LeadValues l) {
		return l.email();
	}

	@Override
	protected String firstName(LeadValues l) {
		return l.firstName();
	}

	@Override
	protected String lastName(LeadValues l) {
		return l.lastName();
	}

	@Override
	protected LeadValues create(ImportBatch batch, UUID id, Map<String, Object> v) {
		return merge(new LeadValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null, null, null,
				null, null, null, null, null, null, Map.of()), v);
	}

	@Override
	protected LeadValues merge(LeadValues l, Map<String, Object> v) {
		boolean newOwner = ownerChanges(v, l.ownerId());
		return new LeadValues(l.id(), l.version(), newOwner ? (UUID) v.get("ownerId") : l.ownerId(),
				newOwner ? (UUID) v.get("teamId") : l.teamId(), pick(v, "externalId", l.externalId()),
				pick(v, "firstName", l.firstName()), pick(v, "lastName", l.lastName()), pick(v, "company", l.company()),
				pick(v, "title", l.title()), pick(v, "email", l.email()), pick(v, "phone", l.phone()),
				choice(AccountSource.class, v.get("source"), l.source()), pick(v, "rating", l.rating()),
				pick(v, "notes", l.notes()), pick(v, "customFields", l.customFields()));
	}

	@Override
	protected Map<String, Object> customFields(LeadValues record) {
		return record.customFields();
	}

	@Override
	public UUID id(LeadValues record) {
		return record.id();
	}

	@Override
	public long version(LeadValues record) {
		return record.version();
	}

	@Override
	protected String externalId(LeadValues record) {
		return record.externalId();
	}

	@Override
	public LeadValues withVersion(LeadValues l, long version) {
		return new LeadValues(l.id(), version, l.ownerId(), l.teamId(), l.externalId(), l.firstName(), l.lastName(),
				l.company(), l.title(), l.email(), l.phone(), l.source(), l.rating(), l.notes(), l.customFields());
	}

	@Override
	protected Set<String> takenExternalIds(Collection<String> externalIds) {
		return records.takenExternalIds("lead", externalIds);
	}

	@Override
	protected void insert(Actor actor, List<LeadValues> leads) {
		if (leads.isEmpty()) {
			return;
		}
		// a new lead is New; an update leaves its status as it is
		records.insert(TABLE, actor, leads, ", status", "v", l -> new Object[] { LeadStatus.NEW });
		events.publishEvent(new LeadsImported(leads.stream().map(l -> new LeadId(l.id())).toList(), List.of()));
	}

	@Override
	protected Set<UUID> update(Actor actor, List<LeadValues> leads) {
		if (leads.isEmpty()) {
			return Set.of();
		}
		Set<UUID> written = records.update(TABLE, actor, leads);
		events.publishEvent(new LeadsImported(List.of(), written.stream().map(LeadId::new).toList()));
		return written;
	}

	@Override
	public List<LeadValues> current(Collection<UUID> ids) {
		return records.byIds(Lead.class, ids, LeadImport::values);
	}

	@Override
	public void delete(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			records.delete("lead", ids);
			events.publishEvent(new LeadsImported(List.of(), List.of(), ids.stream().map(LeadId::new).toList()));
		}
	}

	private static Object[] columns(LeadValues l) {
		return new Object[] { l.firstName(), l.lastName(), l.company(), l.title(), l.email(), l.phone(),
				l.source() == null ? null : l.source().name(), l.rating(), l.notes(), l.externalId(), l.ownerId(),
				l.teamId(), MatchKeys.email(l.email()), MatchKeys.person(l.firstName(), l.lastName()),
				MatchKeys.companyName(l.company()), l.customFields() };
	}

	private static LeadValues values(Lead l) {
		return new LeadValues(l.getId(), l.getVersion(), l.getOwnerId(), l.getTeamId(), l.getExternalId(),
				l.getFirstName(), l.getLastName(), l.getCompany(), l.getTitle(), l.getEmail(), l.getPhone(),
				l.getSource(), l.getRating() == null ? null : l.getRating().name(), l.getNotes(), l.getCustomFields());
	}
}
