package org.rapport.sales.lifecycle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.customers.LifecycleStage;
import org.rapport.sales.lifecycle.internal.LifecycleRules.Decision;
import org.rapport.sales.lifecycle.internal.LifecycleRules.Period;

class LifecycleRulesTests {

	static final LifecycleRules RULES = new LifecycleRules(Duration.ofDays(90), Duration.ofDays(365));
	static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

	static Decision decide(List<LocalDate> purchases, List<Period> contracts, LifecycleStage current) {
		return RULES.decide(purchases, contracts, current, null, TODAY);
	}

	@Test
	void anAccountThatNeverBoughtStaysWhereItIs() {
		assertThat(decide(List.of(), List.of(), LifecycleStage.PROSPECT).moves()).isFalse();
		assertThat(decide(List.of(TODAY.plusDays(3)), List.of(), LifecycleStage.PROSPECT).moves()).isFalse();
	}

	@Test
	void theFirstPurchaseMakesAProspectNew() {
		Decision decision = decide(List.of(TODAY.minusDays(10)), List.of(), LifecycleStage.PROSPECT);
		assertThat(decision.stage()).isEqualTo(LifecycleStage.NEW);
		assertThat(decision.reason()).isEqualTo(LifecycleRules.FIRST_PURCHASE);
	}

	@Test
	void aNewCustomerStaysNewAfterTheNewPeriodUntilItBuysAgain() {
		assertThat(decide(List.of(TODAY.minusDays(200)), List.of(), LifecycleStage.NEW).moves()).isFalse();
		Decision repeat = decide(List.of(TODAY.minusDays(200), TODAY.minusDays(1)), List.of(), LifecycleStage.NEW);
		assertThat(repeat.stage()).isEqualTo(LifecycleStage.EXISTING);
		assertThat(repeat.reason()).isEqualTo(LifecycleRules.REPEAT_PURCHASE);
	}

	@Test
	void aRunningContractMakesTheCustomerExistingOnceTheNewPeriodIsOver() {
		Period year = new Period(TODAY.minusDays(100), TODAY.plusDays(265));
		assertThat(decide(List.of(year.start()), List.of(year), LifecycleStage.NEW).stage())
			.isEqualTo(LifecycleStage.EXISTING);
		Period recent = new Period(TODAY.minusDays(10), TODAY.plusDays(355));
		assertThat(decide(List.of(recent.start()), List.of(recent), LifecycleStage.PROSPECT).stage())
			.isEqualTo(LifecycleStage.NEW);
	}

	@Test
	void noPurchaseAndNoRunningContractForTheLostPeriodMakesACustomerLost() {
		Decision decision = decide(List.of(TODAY.minusDays(400), TODAY.minusDays(366)), List.of(),
				LifecycleStage.EXISTING);
		assertThat(decision.stage()).isEqualTo(LifecycleStage.LOST);
		assertThat(decision.reason()).isEqualTo(LifecycleRules.NO_PURCHASE);
		assertThat(decide(List.of(TODAY.minusDays(365)), List.of(), LifecycleStage.NEW).moves()).isFalse();
	}

	@Test
	void theLostPeriodCountsFromTheEndOfTheLastContract() {
		Period ended = new Period(TODAY.minusDays(900), TODAY.minusDays(100));
		assertThat(decide(List.of(ended.start()), List.of(ended), LifecycleStage.EXISTING).moves()).isFalse();
		Period longAgo = new Period(TODAY.minusDays(900), TODAY.minusDays(400));
		assertThat(decide(List.of(longAgo.start()), List.of(longAgo), LifecycleStage.EXISTING).stage())
			.isEqualTo(LifecycleStage.LOST);
	}

	@Test
	void anAccountMarkedLostStaysLostUntilItBuysAgain() {
		LocalDate markedLost = TODAY.minusDays(20);
		Period running = new Period(TODAY.minusDays(30), TODAY.plusDays(300));
		assertThat(RULES.decide(List.of(TODAY.minusDays(30)), List.of(running), LifecycleStage.LOST, markedLost, TODAY)
			.moves()).isFalse();
		Decision back = RULES.decide(List.of(TODAY.minusDays(30), TODAY.minusDays(2)), List.of(running),
				LifecycleStage.LOST, markedLost, TODAY);
		assertThat(back.stage()).isEqualTo(LifecycleStage.EXISTING);
		assertThat(back.reason()).isEqualTo(LifecycleRules.WON_BACK);
	}

	@Test
	void anExistingCustomerDoesNotBecomeNewAgain() {
		assertThat(decide(List.of(TODAY.minusDays(200)), List.of(), LifecycleStage.EXISTING).moves()).isFalse();
	}

	@Test
	void anAccountFoundLostBecameLostTheDayAfterAYearWithoutPurchaseOrContract() {
		LocalDate lastPurchase = TODAY.minusDays(400);
		assertThat(RULES.lostSince(List.of(TODAY.minusDays(500), lastPurchase), List.of(), TODAY))
			.isEqualTo(lastPurchase.plusDays(366));
		// a contract that ran later counts as activity until it ended
		Period contract = new Period(TODAY.minusDays(600), TODAY.minusDays(380));
		assertThat(RULES.lostSince(List.of(lastPurchase), List.of(contract), TODAY))
			.isEqualTo(TODAY.minusDays(380).plusDays(366));
		// never later than the day asked about, and the day itself for an account that never bought
		assertThat(RULES.lostSince(List.of(TODAY.minusDays(100)), List.of(), TODAY)).isEqualTo(TODAY);
		assertThat(RULES.lostSince(List.of(), List.of(), TODAY)).isEqualTo(TODAY);
	}
}
