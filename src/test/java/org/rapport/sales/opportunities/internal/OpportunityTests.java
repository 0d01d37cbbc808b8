package org.rapport.sales.opportunities.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.customers.AccountId;
import org.rapport.identity.UserId;
import org.rapport.sales.OpportunityStageChanged;
import org.rapport.sales.OpportunityWon;
import org.rapport.sales.StageKind;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;

class OpportunityTests {

	final Pipeline pipeline = new Pipeline("Sales", 0, Instant.EPOCH);
	final Stage lead = pipeline.addStage("Lead", 10, StageKind.OPEN);
	final Stage proposal = pipeline.addStage("Proposal", 60, StageKind.OPEN);
	final Stage won = pipeline.addStage("Won", 100, StageKind.WON);
	final Stage lost = pipeline.addStage("Lost", 0, StageKind.LOST);
	final Instant monday = Instant.parse("2027-01-04T09:00:00Z");

	@Test
	void linesMakeTheAmountAndDiscountsLowerIt() {
		Opportunity deal = deal("100");
		deal.replaceLines(List.of(new Opportunity.LineRequest(UUID.randomUUID(), new BigDecimal("2"),
				new BigDecimal("150"), new BigDecimal("10")),
				new Opportunity.LineRequest(UUID.randomUUID(), BigDecimal.ONE, new BigDecimal("30"), null)));
		assertThat(deal.getAmount()).isEqualTo(Money.of("300", "EUR"));
		assertThatThrownBy(() -> deal.price(Money.of("1", "EUR"))).isInstanceOf(InvalidField.class);
	}

	@Test
	void aMoveRecordsTheStayAndTakesTheStagesProbability() {
		Opportunity deal = deal("100");
		deal.moveTo(proposal, null, monday.plusSeconds(3600), null);
		assertThat(deal.getProbability()).isEqualTo(60);
		assertThat(deal.getHistory()).hasSize(2);
		assertThat(deal.getHistory().get(0).getLeftAt()).isEqualTo(monday.plusSeconds(3600));
		assertThat(deal.getHistory().get(1).getStageName()).isEqualTo("Proposal");
		assertThat(deal.weighted()).isEqualTo(Money.of("60", "EUR"));
		assertThat(deal.pendingEvents()).hasAtLeastOneElementOfType(OpportunityStageChanged.class);
	}

	@Test
	void losingNeedsAReasonAndReopeningClearsIt() {
		Opportunity deal = deal("100");
		assertThatThrownBy(() -> deal.moveTo(lost, " ", monday, null))
			.isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("lostReason"));
		deal.moveTo(lost, "Too expensive", monday, null);
		assertThat(deal.getLostReason()).isEqualTo("Too expensive");
		assertThat(deal.getProbability()).isZero();
		deal.moveTo(lead, null, monday, null);
		assertThat(deal.getLostReason()).isNull();
		assertThat(deal.getStageKind()).isEqualTo(StageKind.OPEN);
	}

	@Test
	void winningAnnouncesTheWinWithTheLines() {
		Opportunity deal = deal("100");
		deal.replaceLines(List.of(new Opportunity.LineRequest(UUID.randomUUID(), BigDecimal.ONE, new BigDecimal("80"),
				null)));
		deal.moveTo(won, null, monday, null);
		assertThat(deal.pendingEvents()).filteredOn(OpportunityWon.class::isInstance)
			.singleElement()
			.satisfies(event -> {
				OpportunityWon win = (OpportunityWon) event;
				assertThat(win.amount()).isEqualTo(Money.of("80", "EUR"));
				assertThat(win.lines()).hasSize(1);
			});
		assertThat(deal.getProbability()).isEqualTo(100);
	}

	@Test
	void winningBeforeTheCloseDateClosesTheDealOnTheDayItIsWon() {
		Opportunity deal = new Opportunity(new AccountId(UUID.randomUUID()), "Early", lead, Money.of("50", "EUR"),
				LocalDate.of(2027, 3, 31), new UserId(UUID.randomUUID()), null, monday);
		deal.moveTo(won, null, monday, null);
		assertThat(deal.getCloseDate()).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(deal.pendingEvents()).filteredOn(OpportunityWon.class::isInstance)
			.singleElement()
			.satisfies(event -> assertThat(((OpportunityWon) event).closeDate()).isEqualTo(LocalDate.of(2027, 1, 4)));
	}

	@Test
	void winningAfterTheCloseDateKeepsIt() {
		Opportunity deal = new Opportunity(new AccountId(UUID.randomUUID()), "Late", lead, Money.of("50", "EUR"),
				LocalDate.of(2026, 12, 20), new UserId(UUID.randomUUID()), null, monday);
		deal.moveTo(won, null, monday, null);
		assertThat(deal.getCloseDate()).isEqualTo(LocalDate.of(2026, 12, 20));
	}

	@Test
	void aWonOpportunityCannotCloseOnADayToCome() {
		Opportunity deal = new Opportunity(new AccountId(UUID.randomUUID()), "Won", lead, Money.of("50", "EUR"),
				LocalDate.of(2027, 1, 4), new UserId(UUID.randomUUID()), null, monday);
		deal.moveTo(won, null, monday, null);
		deal.describe("Won", LocalDate.of(2027, 2, 1), null);
		assertThatThrownBy(() -> deal.checkCloseDate(LocalDate.of(2027, 1, 5)))
			.isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("closeDate"));
	}

	@Test
	void anOpportunityEnteredAsWonAnnouncesItsWinOnce() {
		Opportunity deal = new Opportunity(new AccountId(UUID.randomUUID()), "Signed", won, Money.of("50", "EUR"),
				LocalDate.of(2027, 2, 1), new UserId(UUID.randomUUID()), null, monday);
		deal.announceWin(monday);
		assertThat(deal.pendingEvents()).filteredOn(OpportunityWon.class::isInstance).hasSize(1);
		assertThatThrownBy(() -> deal("1").announceWin(monday)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aStageOfAnotherPipelineIsRefused() {
		Pipeline other = new Pipeline("Other", 1, Instant.EPOCH);
		Stage elsewhere = other.addStage("Elsewhere", 50, StageKind.OPEN);
		assertThatThrownBy(() -> deal("1").moveTo(elsewhere, null, monday, null)).isInstanceOf(InvalidField.class);
	}

	private Opportunity deal(String amount) {
		return new Opportunity(new AccountId(UUID.randomUUID()), "Deal", lead, Money.of(amount, "EUR"),
				LocalDate.of(2027, 2, 1), new UserId(UUID.randomUUID()), null, monday);
	}
}
