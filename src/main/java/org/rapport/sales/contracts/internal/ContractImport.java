package org.rapport.sales.contracts.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.AccountReferences;
import org.rapport.identity.Actor;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportColumn.Type;
import org.rapport.integration.ImportRow;
import org.rapport.integration.MatchBy;
import org.rapport.integration.RecordKind;
import org.rapport.integration.bulk.BulkRecords;
import org.rapport.sales.ContractId;
import org.rapport.sales.ContractsImported;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports contracts; they match by external id only. A new one is a draft unless the row says it is active, its value
 * in the currency its row or its symbol names, else in the import's currency of amounts that name none; its status then follows the calendar as a contract made in Rapport does (a draft
 * whose start has come runs, a running one whose end has passed expires). Rapport numbers new contracts from the
 * sequence of those made one by one. A batch is written in bulk, with one {@link ContractsImported} event for it: no
 * per-record events, so that an imported contract announces no activation.
 */
@Component
class ContractImport extends RecordKind<ContractValues> {

	static final String DRAFT = "DRAFT";

	static final String ACTIVE = "ACTIVE";

	static final String EXPIRED = "EXPIRED";

	static final List<ImportColumn> COLUMNS = List.of(
			ImportColumn.id(),
			// Rapport numbers contracts itself: the number another system gave one is its external id there
			ImportColumn.externalId("Contract", "Contract Number", "Contract No", "合同", "合同编号",
					"合同号"),
			ImportColumn.of("account", Type.TEXT, "Account", "Account Name", "Company", "Company Name", "Customer",
					"客户", "客户名称", "公司", "公司名称"),
			ImportColumn.of("accountExternalId", Type.TEXT, "Account External ID", "account_external_id",
					"客户外部编号"),
			ImportColumn.required("startDate", Type.DATE, "Start Date", "Start", "start_date", "Effective Date",
					"开始日期", "起始日期", "生效日期"),
			ImportColumn.required("endDate", Type.DATE, "End Date", "End", "end_date", "Expiry Date", "结束日期",
					"截止日期", "到期日期", "终止日期"),
			ImportColumn.required("value", Type.AMOUNT, "Value", "Contract Value", "Amount", "金额", "合同金额",
					"价值"),
			ImportColumn.of("currency", Type.CURRENCY, "Currency", "币种", "货币"),
			ImportColumn.of("status", Type.TEXT, "Status", "Contract Status", "状态", "合同状态"),
			ImportColumn.of("autoRenew", Type.BOOLEAN, "Auto-renew", "Auto Renew", "Auto Renewal", "auto_renew",
					"自动续约", "自动续签", "自动续期"),
			ImportColumn.of("renewalNoticeDays", Type.DAYS, "Renewal Notice Days", "Notice Days", "Notice Period",
					"renewal_notice_days", "续约通知天数", "提前通知天数", "通知天数"),
			ImportColumn.text("description", 4000, "Description", "Notes", "描述", "说明", "备注"),
			ImportColumn.of("serviceLevel", Type.TEXT, "Service Level", "SLA", "Support Level", "service_level",
					"服务级别", "服务等级"),
			ImportColumn.owner());

	private static final Set<String> DRAFTS = Set.of("draft", "草稿", "拟定", "待生效");

	/** The statuses of ended contracts, as exports write them. */
	private static final Set<String> ENDED = Set.of("expired", "terminated", "renewed");

	private static final Set<String> RUNNING = Set.of("active", "running", "生效", "已生效", "有效", "执行中", "进行中");

	private static final BulkRecords.Table<ContractValues> TABLE = new BulkRecords.Table<>("contract",
			"start_date, end_date, contract_value, currency, status, auto_renew, renewal_notice_days, description, "
					+ "service_level, external_id, owner_id, team_id, custom_fields",
			"ddnvvbivvvuuj", ContractImport::columns, ContractValues::id, ContractValues::version);

	private final BulkRecords records;
	private final AccountReferences accounts;
	private final ContractBook book;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;

	ContractImport(BulkRecords records, AccountReferences accounts, ContractBook book,
			NamedParameterJdbcTemplate named, ApplicationEventPublisher events) {
		this.records = records;
		this.accounts = accounts;
		this.book = book;
		this.named = named;
		this.events = events;
	}

	@Override
	public String name() {
		return "contracts";
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public String customFieldsEntity() {
		return "contract";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public List<MatchBy> matchKeys() {
		return List.of(MatchBy.EXTERNAL_ID, MatchBy.ID);
	}

	/**
	 * The account is required, the end may not come before the start, and the status is Draft or Active (in English
	 * or Chinese; a draft when empty); an active contract has started. Puts {@code status} as its name.
	 */
	@Override
	public void convert(ImportBatch batch, List<ImportRow> rows) {
		accounts.resolve(batch, rows);
		LocalDate today = book.today();
		for (ImportRow row : rows) {
			AccountReferences.require(batch, row);
			Integer notice = (Integer) row.values().get("renewalNoticeDays");
			if (notice != null && notice > ContractValues.MAX_RENEWAL_NOTICE_DAYS) {
				batch.reject(row, "renewalNoticeDays", "import.error.daysMax", ContractValues.MAX_RENEWAL_NOTICE_DAYS);
			}
			LocalDate start = (LocalDate) row.values().get("startDate");
			LocalDate end = (LocalDate) row.values().get("endDate");
			if (start != null && end != null && end.isBefore(start)) {
				row.reject("endDate", batch.message("import.error.endBeforeStart"));
			}
			if (row.values().containsKey("serviceLevel")) {
				try {
					row.values().put("serviceLevel", Contract.serviceLevel(row.text("serviceLevel")));
				}
				catch (InvalidField invalid) {
					batch.reject(row, "serviceLevel", "import.error.tooLong", Contract.MAX_SERVICE_LEVEL);
				}
			}
			String status = row.text("status");
			if (status == null) {
				continue;
			}
			String lower = status.toLowerCase(Locale.ROOT);
			if (DRAFTS.contains(lower)) {
				row.values().put("status", DRAFT);
			}
			else if (RUNNING.contains(lower)) {
				if (start != null && start.isAfter(today)) {
					row.reject("status", batch.message("import.error.activeNotStarted"));
				}
				else {
					row.values().put("status", ACTIVE);
				}
			}
			else if (ENDED.contains(lower)) {
				// as an export writes an ended contract: it may come back only into itself, see refuses
				row.values().put("status", lower.toUpperCase(Locale.ROOT));
			}
			else {
				row.reject("status", batch.message("import.error.contractStatus", status));
			}
		}
	}

	/** A row may name an ended status only for a contract that holds it already. */
	@Override
	protected String refuses(ImportBatch batch, ContractValues existing, Map<String, Object> values) {
		Object status = values.get("status");
		if (status == null || !ENDED.contains(status.toString().toLowerCase(Locale.ROOT))
				|| existing != null && status.equals(existing.status())) {
			return null;
		}
		return batch.message("import.error.contractStatus", status);
	}

	@Override
	public Class<ContractValues> valuesType() {
		return ContractValues.class;
	}

	@Override
	protected List<ContractValues> find(Actor actor, MatchBy key, Collection<String> values) {
		if (key != MatchBy.EXTERNAL_ID && key != MatchBy.ID) {
			throw new IllegalArgumentException("Contracts match by external id or id");
		}
		return records.find(Contract.class, actor, key, key == MatchBy.ID ? "r.id" : "r.externalId", values,
				ContractImport::values);
	}

	@Override
	protected String lookupValue(MatchBy key, Map<String, Object> values) {
		return key == MatchBy.EXTERNAL_ID ? (String) values.get("externalId") : null;
	}

	@Override
	protected String key(MatchBy key, Map<String, Object> values) {
		return lookupValue(key, values);
	}

	@Override
	protected String key(MatchBy key, ContractValues c) {
		return key == MatchBy.EXTERNAL_ID ? c.externalId() : null;
	}

	/** Like the contract form, an import changes only drafts and running contracts. */
	@Override
	protected String refusesUpdate(ContractValues existing) {
		return DRAFT.equals(existing.status()) || ACTIVE.equals(existing.status()) ? null : "import.error.contractEnded";
	}

	@Override
	protected ContractValues create(ImportBatch batch, UUID id, Map<String, Object> v) {
		return merge(new ContractValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null, null, null,
				null, BigDecimal.ZERO, batch.cells().currency(), DRAFT, false, 0, null, null, Map.of()), v);
	}

	@Override
	protected ContractValues merge(ContractValues c, Map<String, Object> v) {
		boolean newOwner = ownerChanges(v, c.ownerId());
		LocalDate start = (LocalDate) pick(v, "startDate", c.startDate());
		LocalDate end = (LocalDate) pick(v, "endDate", c.endDate());
		String status = c.status();
		if (DRAFT.equals(status) || ACTIVE.equals(status)) {
			status = calendar(pick(v, "status", status), start, end, book.today());
		}
		return new ContractValues(c.id(), c.version(), newOwner ? (UUID) v.get("ownerId") : c.ownerId(),
				newOwner ? (UUID) v.get("teamId") : c.teamId(), pick(v, "externalId", c.externalId()),
				pick(v, "accountId", c.accountId()), c.number(), start, end, pick(v, "value", c.value()),
				pick(v, "currency", c.currency()), status, pick(v, "autoRenew", c.autoRenew()),
				pick(v, "renewalNoticeDays", c.renewalNoticeDays()), pick(v, "description", c.description()),
				pick(v, "serviceLevel", c.serviceLevel()), pick(v, "customFields", c.customFields()));
	}

	/** The status a draft or running contract has on {@code today}, as {@code Contract.followCalendar} gives it. */
	static String calendar(String status, LocalDate start, LocalDate end, LocalDate today) {
		if (DRAFT.equals(status) && start != null && !today.isBefore(start)) {
			status = ACTIVE;
		}
		if (ACTIVE.equals(status) && end != null && today.isAfter(end)) {
			status = EXPIRED;
		}
		return status;
	}

	@Override
	protected Map<String, Object> customFields(ContractValues record) {
		return record.customFields();
	}

	@Override
	public UUID id(ContractValues record) {
		return record.id();
	}

	@Override
	public long version(ContractValues record) {
		return record.version();
	}

	@Override
	protected String externalId(ContractValues record) {
		return record.externalId();
	}

	@Override
	public ContractValues withVersion(ContractValues c, long version) {
		return new ContractValues(c.id(), version, c.ownerId(), c.teamId(), c.externalId(), c.accountId(), c.number(),
				c.startDate(), c.endDate(), c.value(), c.currency(), c.status(), c.autoRenew(), c.renewalNoticeDays(),
				c.description(), c.serviceLevel(), c.customFields());
	}

	@Override
	protected Set<String> takenExternalIds(Collection<String> externalIds) {
		return records.takenExternalIds("contract", externalIds);
	}

	/** Stores new contracts, their numbers drawn now. */
	@Override
	protected void insert(Actor actor, List<ContractValues> contracts) {
		if (contracts.isEmpty()) {
			return;
		}
		Iterator<Long> numbers = records.rows().nextValues(ContractBook.NUMBER_SEQUENCE, contracts.size()).iterator();
		records.insert(TABLE, actor, contracts, ", number, account_id", "vu",
				c -> new Object[] { ContractBook.number(numbers.next()), c.accountId() });
		events.publishEvent(
				new ContractsImported(contracts.stream().map(c -> new ContractId(c.id())).toList(), List.of()));
	}

	@Override
	protected Set<UUID> update(Actor actor, List<ContractValues> contracts) {
		if (contracts.isEmpty()) {
			return Set.of();
		}
		Set<UUID> written = records.update(TABLE, actor, contracts);
		events.publishEvent(new ContractsImported(List.of(), written.stream().map(ContractId::new).toList()));
		return written;
	}

	@Override
	public List<ContractValues> current(Collection<UUID> ids) {
		return records.byIds(Contract.class, ids, ContractImport::values);
	}

	/** A contract that was renewed made the contract of its next period, and is not deleted by an undo. */
	@Override
	public String refuseDeleting(Collection<UUID> ids) {
		boolean renewed = !ids.isEmpty() && !named.queryForList(
				"select id from contract where renewed_from_id in (:ids) or (id in (:ids) and renewed_to_id is not null)",
				new MapSqlParameterSource("ids", ids), UUID.class).isEmpty();
		return renewed ? "import.undo.contractRenewed" : null;
	}

	@Override
	public void delete(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			records.delete("contract", ids);
			events.publishEvent(
					new ContractsImported(List.of(), List.of(), ids.stream().map(ContractId::new).toList()));
		}
	}

	private static ContractValues values(Contract c) {
		return new ContractValues(c.getId(), c.getVersion(), c.getOwnerId(), c.getTeamId(), c.getExternalId(),
				c.getAccountId(), c.getNumber(), c.getStartDate(), c.getEndDate(), c.getValue().amount(),
				c.getValue().currency(), c.getStatus().name(), c.isAutoRenew(), c.getRenewalNoticeDays(),
				c.getDescription(), c.getServiceLevel(), c.getCustomFields());
	}

	private static Object[] columns(ContractValues c) {
		// the value rounded to its currency as the contract's page keeps it
		Money value = new Money(c.value(), c.currency());
		return new Object[] { c.startDate(), c.endDate(), value.amount(), value.currency(), c.status(), c.autoRenew(),
				c.renewalNoticeDays(), c.description(), c.serviceLevel(), c.externalId(), c.ownerId(), c.teamId(), c.customFields() };
	}
}
