package org.rapport.sales.leads.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountReferences;
import org.rapport.customers.AccountSource;
import org.rapport.customers.ContactId;
import org.rapport.customers.ContactReferences;
import org.rapport.customers.MatchKeys;
import org.rapport.identity.Actor;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportColumn.Type;
import org.rapport.integration.ImportRow;
import org.rapport.integration.MatchBy;
import org.rapport.integration.PersonKind;
import org.rapport.integration.bulk.BulkRecords;
import org.rapport.sales.LeadId;
import org.rapport.sales.LeadsImported;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.shared.ContactPoints;
import org.rapport.shared.ExternalIds;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RuleBroken;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports leads; they match by external id, e-mail, or first and last name at the same company. A new lead takes the
 * status the file gives, New when it gives none. A lead converted in the system it came from is converted here too,
 * linked to the account, contact and opportunity imported from there, once they are in Rapport; until then it is
 * qualified, and the row says what is missing. An existing lead whose status the file changes moves by its own
 * methods (only those leads are loaded); a lead converted in Rapport is not changed by an import. A batch is written
 * in bulk, with one {@link LeadsImported} event for it: an import announces no conversion.
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
			ImportColumn.choice("leadStatus", ImportColumn.names(LeadStatus.values()), "leadStatus", "Status",
					"Lead Status", "状态", "线索状态"),
			ImportColumn.text("disqualifiedReason", 500, "Disqualified Reason", "Disqualification Reason",
					"Reason for Disqualifying", "Unqualified Reason", "不合格原因", "取消资格原因"),
			ImportColumn.of("isConverted", Type.BOOLEAN, "Converted", "已转化"),
			ImportColumn.text("convertedAccount", ExternalIds.MAX_LENGTH, "Converted Account", "转化客户"),
			ImportColumn.text("convertedContact", ExternalIds.MAX_LENGTH, "Converted Contact", "转化联系人"),
			ImportColumn.text("convertedOpportunity", ExternalIds.MAX_LENGTH, "Converted Opportunity", "转化商机"),
			ImportColumn.of("convertedAt", Type.DATE_TIME, "Converted At", "Conversion Date", "转化日期", "转化时间"),
			ImportColumn.text("notes", 4000, "Notes", "Description", "备注", "描述"),
			ImportColumn.owner());

	/**
	 * Marks a row that says the lead was converted in the old system into records not (all) in Rapport: a lead not
	 * converted here is imported qualified, one converted here stays as it is.
	 */
	private static final String CONVERTED_ELSEWHERE = "convertedElsewhere";

	private static final BulkRecords.Table<LeadValues> TABLE = new BulkRecords.Table<>("lead",
			"first_name, last_name, company, title, email, phone, source, rating, notes, status, disqualified_reason, "
					+ "converted_account_id, converted_contact_id, converted_opportunity_id, converted_at, external_id, "
					+ "owner_id, team_id, email_key, person_key, company_key, custom_fields",
			"vvvvvvvvvvvuuutvuuvvvj", LeadImport::columns, LeadValues::id, LeadValues::version);

	private final BulkRecords records;
	private final AccountReferences accounts;
	private final ContactReferences contacts;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;

	LeadImport(BulkRecords records, AccountReferences accounts, ContactReferences contacts,
			NamedParameterJdbcTemplate named, ApplicationEventPublisher events) {
		this.records = records;
		this.accounts = accounts;
		this.contacts = contacts;
		this.named = named;
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

	/**
	 * Completes the status: a row that says the lead is converted ({@code IsConverted} true counts) is converted when
	 * the account and the contact it names, and the opportunity if it names one, are records the actor may see (by id
	 * or external id, one look-up of each per batch); otherwise it is qualified, with a notice naming what is missing.
	 * A row that gives a reason for disqualifying and no status at all is disqualified; one disqualified without a
	 * reason says so in a notice.
	 */
	@Override
	public void convert(ImportBatch batch, List<ImportRow> rows) {
		Set<String> accountCells = new HashSet<>();
		Set<String> contactCells = new HashSet<>();
		Set<String> opportunityCells = new HashSet<>();
		for (ImportRow row : rows) {
			Map<String, Object> v = row.values();
			if (Boolean.TRUE.equals(v.get("isConverted"))) {
				v.put("leadStatus", LeadStatus.CONVERTED.name());
			}
			// a status the file gives that is none of ours leaves the status to the record, reason or not
			if (!v.containsKey("leadStatus") && !row.notices().containsKey("leadStatus")
					&& v.get("disqualifiedReason") != null) {
				v.put("leadStatus", LeadStatus.DISQUALIFIED.name());
			}
			if (LeadStatus.CONVERTED.name().equals(v.get("leadStatus"))) {
				addCell(accountCells, row.text("convertedAccount"));
				addCell(contactCells, row.text("convertedContact"));
				addCell(opportunityCells, row.text("convertedOpportunity"));
			}
		}
		Actor actor = batch.actor();
		Map<String, UUID> accountIds = accountCells.isEmpty() ? Map.of() : accounts.byReference(actor, accountCells);
		Map<String, UUID> contactIds = contactCells.isEmpty() ? Map.of() : contacts.byReference(actor, contactCells);
		Map<String, UUID> opportunityIds = opportunityCells.isEmpty() ? Map.of()
				: records.byReference(Opportunity.class, actor, opportunityCells, Opportunity::getId,
						Opportunity::getExternalId);
		for (ImportRow row : rows) {
			Object status = row.values().get("leadStatus");
			if (LeadStatus.CONVERTED.name().equals(status)) {
				conversion(batch, row, accountIds, contactIds, opportunityIds);
			}
			else if (LeadStatus.DISQUALIFIED.name().equals(status) && row.values().get("disqualifiedReason") == null) {
				// kept as the old system had it; a lead disqualified here already keeps its reason
				row.notice("disqualifiedReason", batch.message("import.notice.disqualifiedWithoutReason"));
			}
		}
	}

	private static void addCell(Set<String> cells, String cell) {
		if (cell != null) {
			cells.add(cell.strip());
		}
	}

	/** Puts the ids of what a converted lead became, or makes it qualified with a notice of what is missing. */
	private static void conversion(ImportBatch batch, ImportRow row, Map<String, UUID> accountIds,
			Map<String, UUID> contactIds, Map<String, UUID> opportunityIds) {
		List<String> missing = new ArrayList<>();
		UUID account = found(batch, row, "convertedAccount", accountIds, "import.notice.convertedAccount", missing);
		UUID contact = found(batch, row, "convertedContact", contactIds, "import.notice.convertedContact", missing);
		UUID opportunity = found(batch, row, "convertedOpportunity", opportunityIds,
				"import.notice.convertedOpportunity", missing);
		Map<String, Object> v = row.values();
		if (missing.isEmpty() && account != null && contact != null) {
			v.put("convertedAccountId", account);
			v.put("convertedContactId", contact);
			if (opportunity != null) {
				v.put("convertedOpportunityId", opportunity);
			}
			return;
		}
		row.notice("leadStatus", missing.isEmpty() ? batch.message("import.notice.convertedUnnamed")
				: batch.message("import.notice.convertedMissing",
						String.join(batch.message("import.error.choiceSeparator"), missing)));
		v.put("leadStatus", LeadStatus.QUALIFIED.name());
		v.put(CONVERTED_ELSEWHERE, Boolean.TRUE);
	}

	/** The id of the record a cell names, or null; a cell that names none is added to what is missing. */
	private static UUID found(ImportBatch batch, ImportRow row, String column, Map<String, UUID> ids, String label,
			List<String> missing) {
		String cell = row.text(column);
		if (cell == null) {
			return null;
		}
		UUID id = ids.get(cell.strip());
		if (id == null) {
			missing.add(batch.message(label, cell.strip()));
		}
		return id;
	}

	/**
	 * A lead open in Rapport that the file disqualifies needs the reason, as on its page; one disqualified already
	 * keeps its own.
	 */
	@Override
	protected String refuses(ImportBatch batch, LeadValues existing, Map<String, Object> values) {
		if (existing == null || existing.status() == LeadStatus.DISQUALIFIED
				|| existing.status() == LeadStatus.CONVERTED
				|| !LeadStatus.DISQUALIFIED.name().equals(values.get("leadStatus"))
				|| values.get("disqualifiedReason") != null) {
			return null;
		}
		return batch.message("import.error.leadDisqualified", batch.message("leadStatus." + existing.status()));
	}

	/** A lead converted in Rapport is history: an import leaves it as it is, as its form does. */
	@Override
	protected String refusesUpdate(LeadValues existing) {
		return existing.status() == LeadStatus.CONVERTED ? "import.error.leadConverted" : null;
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
				null, null, null, null, null, null, LeadStatus.NEW, null, null, null, null, null, Map.of()), v);
	}

	/**
	 * The lead with the row's values. Its status is the row's, or its own when the row gives none: a converted lead
	 * links to what the row names, at the row's date (else now, or the time it has); a disqualified one keeps the
	 * row's reason, else its own; any other status goes without a reason and a conversion. A lead converted here that
	 * the row says is converted too keeps what it links to where the row names nothing that is here.
	 */
	@Override
	protected LeadValues merge(LeadValues l, Map<String, Object> v) {
		boolean newOwner = ownerChanges(v, l.ownerId());
		LeadStatus wanted = choice(LeadStatus.class, v.get("leadStatus"), l.status());
		LeadStatus status = wanted;
		String reason = null;
		UUID account = null;
		UUID contact = null;
		UUID opportunity = null;
		Instant at = null;
		if (l.status() == LeadStatus.CONVERTED
				&& (wanted == LeadStatus.CONVERTED || Boolean.TRUE.equals(v.get(CONVERTED_ELSEWHERE)))) {
			status = LeadStatus.CONVERTED;
			account = pick(v, "convertedAccountId", l.convertedAccountId());
			contact = pick(v, "convertedContactId", l.convertedContactId());
			opportunity = pick(v, "convertedOpportunityId", l.convertedOpportunityId());
			at = pick(v, "convertedAt", l.convertedAt());
		}
		else if (wanted == LeadStatus.CONVERTED) {
			account = (UUID) v.get("convertedAccountId");
			contact = (UUID) v.get("convertedContactId");
			opportunity = (UUID) v.get("convertedOpportunityId");
			at = v.get("convertedAt") == null ? records.now().toInstant() : (Instant) v.get("convertedAt");
		}
		else if (wanted == LeadStatus.DISQUALIFIED) {
			reason = pick(v, "disqualifiedReason", l.status() == LeadStatus.DISQUALIFIED ? l.disqualifiedReason() : null);
		}
		return new LeadValues(l.id(), l.version(), newOwner ? (UUID) v.get("ownerId") : l.ownerId(),
				newOwner ? (UUID) v.get("teamId") : l.teamId(), pick(v, "externalId", l.externalId()),
				pick(v, "firstName", l.firstName()), pick(v, "lastName", l.lastName()), pick(v, "company", l.company()),
				pick(v, "title", l.title()), pick(v, "email", l.email()), pick(v, "phone", l.phone()),
				choice(AccountSource.class, v.get("source"), l.source()), pick(v, "rating", l.rating()),
				pick(v, "notes", l.notes()), status, reason, account, contact, opportunity, at,
				pick(v, "customFields", l.customFields()));
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
		return l.withVersion(version);
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
		records.insert(TABLE, actor, leads);
		events.publishEvent(new LeadsImported(leads.stream().map(l -> new LeadId(l.id())).toList(), List.of()));
	}

	/**
	 * Overwrites the leads in bulk. Those whose status or reason for disqualifying changes are loaded (only they) and
	 * moved by their own methods, which decide what is written: the rules of the lead's page hold, and a conversion
	 * taken over from the old system announces nothing.
	 */
	@Override
	protected Set<UUID> update(Actor actor, List<LeadValues> leads) {
		if (leads.isEmpty()) {
			return Set.of();
		}
		Map<UUID, Stored> stored = stored(leads.stream().map(LeadValues::id).toList());
		Map<UUID, LeadValues> wanted = new HashMap<>();
		List<UUID> moving = new ArrayList<>();
		for (LeadValues lead : leads) {
			wanted.put(lead.id(), lead);
			Stored now = stored.get(lead.id());
			if (now != null && (now.status() != lead.status()
					|| !Objects.equals(now.disqualifiedReason(), lead.disqualifiedReason()))) {
				moving.add(lead.id());
			}
		}
		for (Lead lead : records.byIds(Lead.class, moving, Function.identity())) {
			LeadValues want = wanted.get(lead.getId());
			try {
				move(lead, want);
				wanted.put(lead.getId(), want.withStatusOf(lead));
			}
			catch (RuleBroken | InvalidField | IllegalArgumentException changedMeanwhile) {
				// the row was checked against the lead as it was found; one that has moved since is left out
				wanted.remove(lead.getId());
			}
		}
		return write(actor, leads.stream().map(l -> wanted.get(l.id())).filter(Objects::nonNull).toList());
	}

	/** Moves the lead to the status the values give, by its own methods. */
	private static void move(Lead lead, LeadValues want) {
		if (want.status() == LeadStatus.CONVERTED) {
			lead.markConvertedElsewhere(new AccountId(want.convertedAccountId()),
					new ContactId(want.convertedContactId()),
					want.convertedOpportunityId() == null ? null : new OpportunityId(want.convertedOpportunityId()),
					want.convertedAt());
		}
		else {
			LeadService.moveTo(lead, want.status(), want.disqualifiedReason());
		}
	}

	/**
	 * Puts back, on undo, the values the leads had before the import, their status and conversion included: a
	 * conversion an import took over is undone with it. Values kept before leads were imported with their status
	 * leave the status as it is.
	 */
	@Override
	public Set<UUID> writeBack(Actor actor, List<LeadValues> leads) {
		List<UUID> unknown = leads.stream().filter(l -> l.status() == null).map(LeadValues::id).toList();
		Map<UUID, LeadValues> now = new HashMap<>();
		current(unknown).forEach(l -> now.put(l.id(), l));
		return write(actor, leads.stream()
			.map(l -> l.status() == null && now.containsKey(l.id()) ? l.withStatusOf(now.get(l.id())) : l)
			.toList());
	}

	private Set<UUID> write(Actor actor, List<LeadValues> leads) {
		if (leads.isEmpty()) {
			return Set.of();
		}
		Set<UUID> written = records.update(TABLE, actor, leads);
		events.publishEvent(new LeadsImported(List.of(), written.stream().map(LeadId::new).toList()));
		return written;
	}

	/** A lead's status and reason for disqualifying as stored. */
	private record Stored(LeadStatus status, String disqualifiedReason) {
	}

	/** The statuses the leads hold now, in one query. */
	private Map<UUID, Stored> stored(List<UUID> ids) {
		Map<UUID, Stored> stored = new HashMap<>();
		named.query("select id, status, disqualified_reason from lead where id in (:ids)",
				new MapSqlParameterSource("ids", ids), rs -> {
					stored.put(rs.getObject(1, UUID.class),
							new Stored(LeadStatus.valueOf(rs.getString(2)), rs.getString(3)));
				});
		return stored;
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
				l.source() == null ? null : l.source().name(), l.rating(), l.notes(), l.status(),
				l.disqualifiedReason(), l.convertedAccountId(), l.convertedContactId(), l.convertedOpportunityId(),
				l.convertedAt() == null ? null : OffsetDateTime.ofInstant(l.convertedAt(), ZoneOffset.UTC),
				l.externalId(), l.ownerId(), l.teamId(), MatchKeys.email(l.email()),
				MatchKeys.person(l.firstName(), l.lastName()), MatchKeys.companyName(l.company()), l.customFields() };
	}

	private static LeadValues values(Lead l) {
		return new LeadValues(l.getId(), l.getVersion(), l.getOwnerId(), l.getTeamId(), l.getExternalId(),
				l.getFirstName(), l.getLastName(), l.getCompany(), l.getTitle(), l.getEmail(), l.getPhone(),
				l.getSource(), l.getRating() == null ? null : l.getRating().name(), l.getNotes(), l.getStatus(),
				l.getDisqualifiedReason(), l.getConvertedAccountId(), l.getConvertedContactId(),
				l.getConvertedOpportunityId(), l.getConvertedAt(), l.getCustomFields());
	}
}
