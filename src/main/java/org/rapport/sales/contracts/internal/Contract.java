package org.rapport.sales.contracts.internal;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Norms;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.rapport.customers.AccountId;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.sales.ContractActivated;
import org.rapport.sales.ContractId;
import org.rapport.sales.OpportunityId;
import org.rapport.shared.BusinessRecord;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.ExternalIds;

/**
 * An agreement with an account over a period, for a value. Its status follows the calendar: it runs from its
 * start date and expires after its end date; renewing it makes the contract of the next period and links the two.
 */
@Entity
@Table(name = "contract")
@Indexed(index = "contract")
public class Contract extends BusinessRecord<Contract> {

	@Column(nullable = false, updatable = false)
	@FullTextField(name = "name", analyzer = "name", searchAnalyzer = "name_query", projectable = Projectable.YES)
	@FullTextField(name = "name_prefix", analyzer = "name_prefix", searchAnalyzer = "name_query")
	@FullTextField(name = "name_grams", analyzer = "name_grams", norms = Norms.NO)
	@KeywordField(name = "number", normalizer = "lowercase", projectable = Projectable.YES)
	private String number;

	@Column(name = "account_id", nullable = false, updatable = false)
	@KeywordField(name = "accountId", projectable = Projectable.YES, searchable = Searchable.NO)
	private UUID accountId;

	@Column(name = "opportunity_id")
	private UUID opportunityId;

	@Column(name = "start_date", nullable = false)
	private LocalDate startDate;

	@Column(name = "end_date", nullable = false)
	private LocalDate endDate;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "amount", column = @Column(name = "contract_value")),
			@AttributeOverride(name = "currency", column = @Column(name = "currency")) })
	private Money value;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ContractStatus status;

	@Column(name = "auto_renew", nullable = false)
	private boolean autoRenew;

	@Column(name = "renewal_notice_days", nullable = false)
	private int renewalNoticeDays;

	@Column(name = "renewed_from_id", updatable = false)
	private UUID renewedFromId;

	@Column(name = "renewed_to_id")
	private UUID renewedToId;

	private String description;

	/** The id another system gives the contract; set by imports and the API, unique where set. */
	private String externalId;

	/** The service level the contract promises, such as Gold; the SLA policies of support cases may match it. */
	@Column(name = "service_level")
	private String serviceLevel;

	/** The longest service level a contract names. */
	public static final int MAX_SERVICE_LEVEL = 50;

	protected Contract() {
	}

	public String getExternalId() {
		return externalId;
	}

	private Contract(String number, AccountId account, OpportunityId opportunity, Terms terms, UserId owner,
			TeamId team) {
		super(owner.value(), team == null ? null : team.value());
		this.number = number;
		this.accountId = account.value();
		this.opportunityId = opportunity == null ? null : opportunity.value();
		this.status = ContractStatus.DRAFT;
		apply(terms);
	}

	/** Takes the id another system gives the contract, as {@link ExternalIds#changed} keeps it. */
	void identify(String givenExternalId) {
		this.externalId = ExternalIds.changed(externalId, givenExternalId);
	}

	/**
	 * The service level as a contract keeps it: trimmed, {@code null} when blank, at most {@link #MAX_SERVICE_LEVEL}
	 * characters; the form, the API and the import all check it here.
	 */
	public static String serviceLevel(String given) {
		String trimmed = given == null || given.isBlank() ? null : given.strip();
		if (trimmed != null && trimmed.length() > MAX_SERVICE_LEVEL) {
			throw new InvalidField("serviceLevel", "validation.contract.serviceLevel",
					"A service level has up to {0} characters", MAX_SERVICE_LEVEL);
		}
		return trimmed;
	}

	/** Names the service level the contract promises; blank for none. A change of a stored contract is announced. */
	void promise(String givenServiceLevel) {
		String before = serviceLevel;
		this.serviceLevel = serviceLevel(givenServiceLevel);
		if (!isNew() && !java.util.Objects.equals(before, serviceLevel)) {
			registerEvent(new org.rapport.sales.ContractServiceLevelChanged(id(), before, serviceLevel));
		}
	}

	/** A contract as agreed; it starts as a draft and takes the status its dates give on {@code today}. */
	static Contract agree(String number, AccountId account, OpportunityId opportunity, Terms terms, UserId owner,
			TeamId team, LocalDate today) {
		Contract contract = new Contract(number, account, opportunity, terms, owner, team);
		contract.followCalendar(today);
		return contract;
	}

	/** New terms; only a contract that is not yet over may change. */
	void revise(Terms terms, LocalDate today) {
		if (status.isClosed() || status == ContractStatus.EXPIRED) {
			throw new RuleBroken("contract.closed", "A contract that is " + status + " no longer changes",
					String.valueOf(status));
		}
		if (status == ContractStatus.ACTIVE && !terms.startDate().equals(startDate)) {
			throw new RuleBroken("contract.startKept", "A running contract keeps its start date");
		}
		if (renewedToId != null && !terms.endDate().equals(endDate)) {
			throw new RuleBroken("contract.endKept",
					"A renewed contract keeps its end date; its renewal starts the day after");
		}
		apply(terms);
		followCalendar(today);
	}

	private void apply(Terms terms) {
		if (terms.endDate().isBefore(terms.startDate())) {
			throw new IllegalArgumentException("A contract ends on or after its start");
		}
		if (terms.value().isNegative()) {
			throw new IllegalArgumentException("A contract value cannot be negative");
		}
		if (terms.renewalNoticeDays() < 0) {
			throw new IllegalArgumentException("A notice period cannot be negative");
		}
		this.startDate = terms.startDate();
		this.endDate = terms.endDate();
		this.value = terms.value();
		this.autoRenew = terms.autoRenew();
		this.renewalNoticeDays = terms.renewalNoticeDays();
		this.description = terms.description();
	}

	/**
	 * Moves the status by the calendar: a draft runs from its start date, a running contract expires after its end
	 * date. Answers whether the status changed.
	 */
	boolean followCalendar(LocalDate today) {
		ContractStatus before = status;
		if (status == ContractStatus.DRAFT && !today.isBefore(startDate)) {
			status = ContractStatus.ACTIVE;
			if (!today.isAfter(endDate)) {
				// A contract recorded after its period never runs here, so nothing is announced for it.
				registerEvent(new ContractActivated(id(), account(), startDate, endDate, value));
			}
		}
		if (status == ContractStatus.ACTIVE && today.isAfter(endDate)) {
			// a contract renewed while it ran hands over to its renewal, which starts the day after its end
			status = renewedToId == null ? ContractStatus.EXPIRED : ContractStatus.RENEWED;
		}
		return status != before;
	}

	/** Whether the calendar has run past this contract's end while it still counts as running and is not renewed. */
	boolean isDueForRenewal(LocalDate today) {
		return autoRenew && status == ContractStatus.ACTIVE && renewedToId == null && today.isAfter(endDate);
	}

	/**
	 * Makes the contract of the next period: same length, value, terms and custom field values, starting the day
	 * after this one ends. A contract renewed before its end runs to its end, paid for as it is, and becomes
	 * {@link ContractStatus#RENEWED} when the calendar passes its end; one renewed after its end is
	 * {@code RENEWED} at once. The new one takes the status its dates give on {@code today}: a draft until its
	 * start, so that the calendar activates it the day after this one ends.
	 */
	Contract renew(String newNumber, LocalDate today) {
		if (renewedToId != null) {
			throw new RuleBroken("contract.renewedAlready", "This contract is renewed already");
		}
		if (status != ContractStatus.ACTIVE && status != ContractStatus.EXPIRED) {
			throw new RuleBroken("contract.notRenewable",
					"Only a running or expired contract is renewed; this one is " + status, String.valueOf(status));
		}
		Contract next = new Contract(newNumber, account(), null, nextTerms(), new UserId(getOwnerId()),
				getTeamId() == null ? null : new TeamId(getTeamId()));
		next.renewedFromId = getId();
		next.serviceLevel = serviceLevel;
		next.changeCustomFields(getCustomFields());
		this.renewedToId = next.getId();
		if (status == ContractStatus.EXPIRED || today.isAfter(endDate)) {
			this.status = ContractStatus.RENEWED;
		}
		next.followCalendar(today);
		return next;
	}

	/** Whether a renewal of this contract may be made: it runs or ran out, and has none yet. */
	public boolean isRenewable() {
		return renewedToId == null && (status == ContractStatus.ACTIVE || status == ContractStatus.EXPIRED);
	}

	/** The terms of the period after this one, as long as this one. */
	Terms nextTerms() {
		Period length = Period.between(startDate, endDate.plusDays(1));
		LocalDate nextStart = endDate.plusDays(1);
		return new Terms(nextStart, nextStart.plus(length).minusDays(1), value, autoRenew, renewalNoticeDays,
				description);
	}

	/** The contract ends early, by agreement or breach. */
	void terminate() {
		if (status != ContractStatus.DRAFT && status != ContractStatus.ACTIVE) {
			throw new RuleBroken("contract.notTerminable",
					"Only a draft or running contract is terminated; this one is " + status, String.valueOf(status));
		}
		this.status = ContractStatus.TERMINATED;
	}

	/** The last day to give notice before the contract ends or renews. */
	public LocalDate getNoticeDate() {
		return endDate.minusDays(renewalNoticeDays);
	}

	public ContractId id() {
		return new ContractId(getId());
	}

	public AccountId account() {
		return new AccountId(accountId);
	}

	public String getNumber() {
		return number;
	}

	public UUID getAccountId() {
		return accountId;
	}

	public UUID getOpportunityId() {
		return opportunityId;
	}

	public LocalDate getStartDate() {
		return startDate;
	}

	public LocalDate getEndDate() {
		return endDate;
	}

	public Money getValue() {
		return value;
	}

	public ContractStatus getStatus() {
		return status;
	}

	public boolean isAutoRenew() {
		return autoRenew;
	}

	public int getRenewalNoticeDays() {
		return renewalNoticeDays;
	}

	public UUID getRenewedFromId() {
		return renewedFromId;
	}

	public UUID getRenewedToId() {
		return renewedToId;
	}

	public String getDescription() {
		return description;
	}

	public String getServiceLevel() {
		return serviceLevel;
	}

	/** What the parties agreed: the period, the value and how it renews. */
	public record Terms(LocalDate startDate, LocalDate endDate, Money value, boolean autoRenew, int renewalNoticeDays,
			String description) {
	}

	/** What the global search calls this kind of record; it filters and counts by it. */
	@KeywordField(name = "kind", aggregable = Aggregable.YES)
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public String getSearchKind() {
		return ContractId.TYPE;
	}
}
