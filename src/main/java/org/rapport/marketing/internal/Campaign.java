package org.rapport.marketing.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.marketing.CampaignId;
import org.rapport.shared.BusinessRecord;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.PlausibleDate;

/**
 * A marketing campaign: what it is, when it runs, what it may cost, what it cost and what it is expected to bring,
 * all three in the campaign's one currency. Campaigns form a hierarchy of at most {@link #MAX_DEPTH} levels, in
 * which no campaign is its own ancestor.
 */
@Entity
@Table(name = "campaign")
public class Campaign extends BusinessRecord<Campaign> {

	/** The longest name a campaign takes. */
	public static final int MAX_NAME = 200;

	/** The longest description a campaign takes. */
	public static final int MAX_DESCRIPTION = 4000;

	/** How many levels a hierarchy of campaigns has at most, the top one included. */
	public static final int MAX_DEPTH = 5;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CampaignType type;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CampaignStatus status;

	@Column(name = "start_date", nullable = false)
	private LocalDate startDate;

	@Column(name = "end_date", nullable = false)
	private LocalDate endDate;

	@Column(nullable = false)
	private String currency;

	@Column(nullable = false)
	private BigDecimal budget;

	@Column(name = "actual_cost")
	private BigDecimal actualCost;

	@Column(name = "expected_revenue")
	private BigDecimal expectedRevenue;

	private String description;

	@Column(name = "parent_id")
	private UUID parentId;

	protected Campaign() {
	}

	private Campaign(Terms terms, CampaignStatus status, UserId owner, TeamId team) {
		super(owner.value(), team == null ? null : team.value());
		this.status = status;
		apply(terms);
	}

	/** A new campaign in the status given: a past campaign may be recorded as completed at once. */
	static Campaign plan(Terms terms, CampaignStatus status, UserId owner, TeamId team) {
		if (status == null) {
			throw new InvalidField("status", "validation.campaign.status.required", "Choose the campaign's status");
		}
		return new Campaign(terms, status, owner, team);
	}

	/**
	 * The terms of the details, checked: the one place where a campaign's fields are checked, for the form, the API
	 * and the demo alike. Refuses the first invalid field by name.
	 */
	public static Terms terms(CampaignDetails details) {
		String name = details.name() == null ? "" : details.name().strip();
		if (name.isEmpty() || name.length() > MAX_NAME) {
			throw new InvalidField("name", "validation.campaign.name", "Give the campaign a name of up to {0} characters",
					MAX_NAME);
		}
		if (details.type() == null) {
			throw new InvalidField("type", "validation.campaign.type", "Choose the kind of campaign");
		}
		if (details.startDate() == null || !PlausibleDate.Check.holds(details.startDate())) {
			throw new InvalidField("startDate", "validation.campaign.startDate", "Give the day the campaign starts");
		}
		if (details.endDate() == null || !PlausibleDate.Check.holds(details.endDate())
				|| details.endDate().isBefore(details.startDate())) {
			throw new InvalidField("endDate", "validation.campaign.endDate",
					"A campaign ends on or after the day it starts");
		}
		if (!Money.isCurrency(details.currency())) {
			throw new InvalidField("currency", "validation.campaign.currency",
					"Give an ISO 4217 currency code such as EUR or USD");
		}
		String currency = details.currency().strip().toUpperCase(Locale.ROOT);
		Money budget = amount("budget", details.budget(), currency);
		if (budget == null) {
			throw new InvalidField("budget", "validation.campaign.amount",
					"Enter an amount from 0 to 9,999,999,999,999.99");
		}
		Money actualCost = amount("actualCost", details.actualCost(), currency);
		Money expectedRevenue = amount("expectedRevenue", details.expectedRevenue(), currency);
		String description = details.description() == null || details.description().isBlank() ? null
				: details.description().strip();
		if (description != null && description.length() > MAX_DESCRIPTION) {
			throw new InvalidField("description", "validation.campaign.description",
					"A description has up to {0} characters", MAX_DESCRIPTION);
		}
		return new Terms(name, details.type(), details.startDate(), details.endDate(), budget, actualCost,
				expectedRevenue, description);
	}

	/** The amount in the currency, as opportunities take money: not negative and below the limit; null for none. */
	private static Money amount(String field, BigDecimal amount, String currency) {
		if (amount == null) {
			return null;
		}
		if (!Money.isPlausible(amount)) {
			throw new InvalidField(field, "validation.campaign.amount", "Enter an amount from 0 to 9,999,999,999,999.99");
		}
		return new Money(amount, currency);
	}

	/** New terms; the status moves on its own (see {@link #moveTo}). */
	void revise(Terms terms) {
		apply(terms);
	}

	private void apply(Terms terms) {
		this.name = terms.name();
		this.type = terms.type();
		this.startDate = terms.startDate();
		this.endDate = terms.endDate();
		this.currency = terms.budget().currency();
		this.budget = terms.budget().amount();
		this.actualCost = terms.actualCost() == null ? null : terms.actualCost().amount();
		this.expectedRevenue = terms.expectedRevenue() == null ? null : terms.expectedRevenue().amount();
		this.description = terms.description();
	}

	private static org.springframework.context.MessageSourceResolvable named(CampaignStatus status) {
		return new org.springframework.context.support.DefaultMessageSourceResolvable(
				new String[] { "campaignStatus." + status.name() }, status.name());
	}

	/** Moves the campaign to the status, if its status allows the move (see {@link CampaignStatus#next}). */
	void moveTo(CampaignStatus target) {
		if (target == null) {
			throw new InvalidField("status", "validation.campaign.status.required", "Choose the campaign's status");
		}
		if (!status.canMoveTo(target)) {
			// the statuses named in the reader's language, as the pages name them
			throw new InvalidField("status", "validation.campaign.status.move",
					"A campaign that is {0} cannot move to {1}", named(status), named(target));
		}
		this.status = target;
	}

	/**
	 * Places the campaign under the parent, or at the top for none. {@code parentLineage} is the parent's id followed
	 * by those of its ancestors up to the top; {@code levelsBelow} is how many levels of campaigns this one has below
	 * it. Refuses a parent that is this campaign or one of its descendants, and a place that makes the hierarchy
	 * deeper than {@link #MAX_DEPTH} levels.
	 */
	void placeUnder(List<UUID> parentLineage, int levelsBelow) {
		if (parentLineage.isEmpty()) {
			this.parentId = null;
			return;
		}
		if (parentLineage.contains(getId())) {
			throw new InvalidField("parentId", "validation.campaign.parent.cycle",
					"A campaign cannot be placed under itself or one of its own sub-campaigns");
		}
		if (parentLineage.size() + 1 + levelsBelow > MAX_DEPTH) {
			throw new InvalidField("parentId", "validation.campaign.parent.depth",
					"Campaigns nest at most {0} levels deep", MAX_DEPTH);
		}
		this.parentId = parentLineage.get(0);
	}

	void reassign(UserId owner, TeamId team) {
		assignOwner(owner.value(), team == null ? null : team.value());
	}

	public CampaignId id() {
		return new CampaignId(getId());
	}

	public UserId owner() {
		return new UserId(getOwnerId());
	}

	public TeamId team() {
		return getTeamId() == null ? null : new TeamId(getTeamId());
	}

	public String getName() {
		return name;
	}

	public CampaignType getType() {
		return type;
	}

	public CampaignStatus getStatus() {
		return status;
	}

	public LocalDate getStartDate() {
		return startDate;
	}

	public LocalDate getEndDate() {
		return endDate;
	}

	public String getCurrency() {
		return currency;
	}

	public Money getBudget() {
		return new Money(budget, currency);
	}

	/** What the campaign cost so far; null while none is recorded. */
	public Money getActualCost() {
		return actualCost == null ? null : new Money(actualCost, currency);
	}

	/** The revenue the campaign is expected to bring; null while none is expected. */
	public Money getExpectedRevenue() {
		return expectedRevenue == null ? null : new Money(expectedRevenue, currency);
	}

	public String getDescription() {
		return description;
	}

	public UUID getParentId() {
		return parentId;
	}

	/** A campaign's checked fields; the three amounts share the budget's currency. */
	public record Terms(String name, CampaignType type, LocalDate startDate, LocalDate endDate, Money budget,
			Money actualCost, Money expectedRevenue, String description) {
	}
}
