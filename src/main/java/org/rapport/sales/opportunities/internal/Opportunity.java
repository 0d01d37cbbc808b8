package org.rapport.sales.opportunities.internal;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
import org.rapport.sales.OpportunityId;
import org.rapport.sales.OpportunityStageChanged;
import org.rapport.sales.OpportunityWon;
import org.rapport.sales.ProductId;
import org.rapport.sales.StageId;
import org.rapport.sales.StageKind;
import org.rapport.shared.BusinessRecord;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.ExternalIds;

/**
 * A chance to sell to an account, moving through the stages of a pipeline until it is won or lost.
 */
@Entity
@Table(name = "opportunity")
@Indexed(index = "opportunity")
public class Opportunity extends BusinessRecord<Opportunity> {

	@Column(name = "account_id", nullable = false)
	@KeywordField(name = "accountId", projectable = Projectable.YES, searchable = Searchable.NO)
	private UUID accountId;

	@Column(nullable = false)
	@FullTextField(analyzer = "name", searchAnalyzer = "name_query", projectable = Projectable.YES)
	@FullTextField(name = "name_prefix", analyzer = "name_prefix", searchAnalyzer = "name_query")
	@FullTextField(name = "name_grams", analyzer = "name_grams", norms = Norms.NO)
	private String name;

	@Column(name = "pipeline_id", nullable = false)
	private UUID pipelineId;

	@Column(name = "stage_id", nullable = false)
	private UUID stageId;

	@Enumerated(EnumType.STRING)
	@Column(name = "stage_kind", nullable = false)
	private StageKind stageKind;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "amount", column = @Column(name = "amount")),
			@AttributeOverride(name = "currency", column = @Column(name = "currency")) })
	private Money amount;

	@Column(name = "close_date", nullable = false)
	private LocalDate closeDate;

	@Column(nullable = false)
	private int probability;

	@Column(name = "next_step")
	private String nextStep;

	@Column(name = "lost_reason")
	private String lostReason;

	@Column(name = "stage_entered_at", nullable = false)
	private Instant stageEnteredAt;

	/** Its place in the stage's column on the board, smaller first. */
	@Column(name = "board_rank", nullable = false)
	private long boardRank;

	@OneToMany(mappedBy = "opportunity", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<OpportunityLine> lines = new ArrayList<>();

	@OneToMany(mappedBy = "opportunity", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("enteredAt")
	private List<StageVisit> history = new ArrayList<>();

	/** The id another system gives the opportunity; set by imports, unique where set. */
	private String externalId;

	protected Opportunity() {
	}

	public String getExternalId() {
		return externalId;
	}

	public Opportunity(AccountId account, String name, Stage stage, Money amount, LocalDate closeDate, UserId owner,
			TeamId team, Instant now) {
		super(owner.value(), team == null ? null : team.value());
		this.accountId = account.value();
		this.pipelineId = stage.getPipeline().getId();
		this.amount = amount;
		describe(name, closeDate, null);
		enter(stage, now, null);
		this.probability = stage.getProbability();
		if (stage.getKind() == StageKind.LOST) {
			throw new InvalidField("stageId", "validation.opportunity.startLost", "A new opportunity cannot start lost");
		}
	}

	/** Takes the id another system gives the opportunity, as {@link ExternalIds#changed} keeps it. */
	void identify(String givenExternalId) {
		this.externalId = ExternalIds.changed(externalId, givenExternalId);
	}

	/** Takes new descriptive values; the amount only counts where there are no lines. */
	void describe(String name, LocalDate closeDate, String nextStep) {
		this.name = name.strip();
		this.closeDate = closeDate;
		this.nextStep = nextStep;
	}

	public void changeAccount(AccountId account) {
		this.accountId = account.value();
	}

	void reassign(UserId owner, TeamId team) {
		assignOwner(owner.value(), team == null ? null : team.value());
	}

	/** Sets the amount by hand; refused while lines define it. */
	void price(Money amount) {
		if (!lines.isEmpty() && !amount.equals(this.amount)) {
			throw new InvalidField("amount", "validation.opportunity.amountFromLines",
					"The amount is the sum of the lines while there are lines");
		}
		if (amount.isNegative()) {
			throw new InvalidField("amount", "validation.amount.negative", "An amount cannot be negative");
		}
		this.amount = amount;
	}

	/** Overrides the stage's probability. */
	void estimate(int probability) {
		if (probability < 0 || probability > 100) {
			throw new InvalidField("probability", "validation.probability", "A probability lies between 0 and 100");
		}
		if (stageKind != StageKind.OPEN && probability != (stageKind == StageKind.WON ? 100 : 0)) {
			throw new InvalidField("probability", "validation.probability.closed",
					"A closed opportunity's probability follows its stage");
		}
		this.probability = probability;
	}

	/** Replaces the lines; the amount becomes their sum in the opportunity's currency. */
	public void replaceLines(List<LineRequest> requested) {
		lines.clear();
		int position = 0;
		for (LineRequest line : requested) {
			lines.add(new OpportunityLine(this, position++, line.product(), line.quantity(), line.unitPrice(),
					line.discountPercent()));
		}
		if (!lines.isEmpty()) {
			Money sum = Money.zero(amount.currency());
			for (OpportunityLine line : lines) {
				sum = sum.plus(line.total(amount.currency()));
			}
			this.amount = sum;
		}
	}

	/**
	 * Moves the opportunity to another stage of its pipeline. A lost stage needs a reason; leaving a closed stage
	 * reopens it. The probability becomes the new stage's.
	 */
	public void moveTo(Stage stage, String reason, Instant now, UUID movedBy) {
		if (!stage.getPipeline().getId().equals(pipelineId)) {
			throw new InvalidField("stageId", "validation.stage.otherPipeline", "The stage belongs to another pipeline");
		}
		if (stage.getId().equals(stageId)) {
			return;
		}
		if (stage.getKind() == StageKind.LOST && (reason == null || reason.isBlank())) {
			throw new InvalidField("lostReason", "validation.opportunity.lostReason",
					"Say why the opportunity was lost");
		}
		StageId from = new StageId(stageId);
		enter(stage, now, movedBy);
		this.probability = stage.getProbability();
		this.lostReason = stage.getKind() == StageKind.LOST ? reason.strip() : null;
		registerEvent(new OpportunityStageChanged(id(), from, stage.stageId(), stage.getKind(), now));
		if (stage.getKind() == StageKind.WON) {
			announceWin(now);
		}
	}

	/** A won opportunity closed on a day that has come; only an open one may close on a later day. */
	void checkCloseDate(LocalDate today) {
		if (stageKind == StageKind.WON && closeDate != null && closeDate.isAfter(today)) {
			throw new InvalidField("closeDate", "validation.opportunity.wonInFuture",
					"A won opportunity closed on the day it was won or before");
		}
	}

	/**
	 * Registers the win of an opportunity that is in a won stage, with its lines as they are now. A deal closes no
	 * later than the day it is won: a close date still ahead becomes that day, so that its order, the revenue to
	 * date and the customer's lifecycle all count it from the day it was won.
	 */
	void announceWin(Instant now) {
		if (stageKind != StageKind.WON) {
			throw new IllegalStateException("Only a won opportunity announces a win");
		}
		LocalDate wonOn = LocalDate.ofInstant(now, ZoneOffset.UTC);
		if (closeDate == null || closeDate.isAfter(wonOn)) {
			this.closeDate = wonOn;
		}
		registerEvent(win());
	}

	/** The win of this opportunity, with its lines as they are now, for one that is in a won stage. */
	public OpportunityWon win() {
		return new OpportunityWon(id(), account(), amount, closeDate, owner(),
				lines.stream()
					.map(line -> new OpportunityWon.Line(new ProductId(line.getProductId()), line.getQuantity(),
							new Money(line.getUnitPrice(), amount.currency()), line.getDiscountPercent()))
					.toList());
	}

	/** Moves the opportunity to another pipeline's stage, as when a deal changes its sales process. */
	void switchPipeline(Stage stage, Instant now, UUID movedBy) {
		this.pipelineId = stage.getPipeline().getId();
		StageId from = new StageId(stageId);
		enter(stage, now, movedBy);
		this.probability = stage.getProbability();
		registerEvent(new OpportunityStageChanged(id(), from, stage.stageId(), stage.getKind(), now));
	}

	void rank(long rank) {
		this.boardRank = rank;
	}

	private void enter(Stage stage, Instant now, UUID movedBy) {
		history.stream().filter(visit -> visit.getLeftAt() == null).forEach(visit -> visit.leave(now));
		history.add(new StageVisit(this, stage, now, movedBy));
		this.stageId = stage.getId();
		this.stageKind = stage.getKind();
		this.stageEnteredAt = now;
		this.boardRank = -now.toEpochMilli();
	}

	public OpportunityId id() {
		return new OpportunityId(getId());
	}

	public AccountId account() {
		return new AccountId(accountId);
	}

	public UserId owner() {
		return new UserId(getOwnerId());
	}

	public TeamId team() {
		return getTeamId() == null ? null : new TeamId(getTeamId());
	}

	/** The amount weighted by the probability. */
	public Money weighted() {
		return amount.times(BigDecimal.valueOf(probability).movePointLeft(2));
	}

	public UUID getAccountId() {
		return accountId;
	}

	public String getName() {
		return name;
	}

	public UUID getPipelineId() {
		return pipelineId;
	}

	public UUID getStageId() {
		return stageId;
	}

	public StageKind getStageKind() {
		return stageKind;
	}

	public Money getAmount() {
		return amount;
	}

	public LocalDate getCloseDate() {
		return closeDate;
	}

	public int getProbability() {
		return probability;
	}

	public String getNextStep() {
		return nextStep;
	}

	public String getLostReason() {
		return lostReason;
	}

	public Instant getStageEnteredAt() {
		return stageEnteredAt;
	}

	public long getBoardRank() {
		return boardRank;
	}

	public List<OpportunityLine> getLines() {
		return Collections.unmodifiableList(lines);
	}

	public List<StageVisit> getHistory() {
		return Collections.unmodifiableList(history);
	}

	public record LineRequest(UUID product, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
	}

	/** What the global search calls this kind of record; it filters and counts by it. */
	@KeywordField(name = "kind", aggregable = Aggregable.YES)
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public String getSearchKind() {
		return OpportunityId.TYPE;
	}
}
