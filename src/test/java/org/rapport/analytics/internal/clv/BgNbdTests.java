package org.rapport.analytics.internal.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapport.shared.InvalidField;

/** Against the figures of Fader, Hardie and Lee 2005, "Counting your customers the easy way", on the CDNOW sample. */
class BgNbdTests {

	/** The published parameters, for the tests of the formulas. */
	private static final BgNbd PUBLISHED = new BgNbd(0.243, 4.414, 0.793, 2.426, -9582.4);

	private static BgNbd fitted;

	@BeforeAll
	static void fitCdnow() {
		fitted = BgNbd.fit(Cdnow.summaries());
	}

	@Test
	void theFitToCdnowGivesThePublishedParametersAndLogLikelihood() {
		assertThat(fitted.r()).isCloseTo(0.243, withinPercentage(1));
		assertThat(fitted.alpha()).isCloseTo(4.414, withinPercentage(1));
		assertThat(fitted.a()).isCloseTo(0.793, withinPercentage(1));
		assertThat(fitted.b()).isCloseTo(2.426, withinPercentage(1));
		assertThat(fitted.logLikelihood()).isCloseTo(-9582.4, within(0.1));
		assertThat(fitted.logLikelihoodOf(Cdnow.summaries())).isCloseTo(fitted.logLikelihood(), within(1e-9));
	}

	@Test
	void theFitToTheSummaryOfTheTransactionsGivesThePublishedFigures() {
		BgNbd ours = BgNbd.fit(RepeatSummaries.of(Cdnow.purchases(), Cdnow.CALIBRATION_END, PeriodUnit.WEEK, 0));
		assertThat(ours.r()).isCloseTo(0.243, withinPercentage(1));
		assertThat(ours.alpha()).isCloseTo(4.414, withinPercentage(1));
		assertThat(ours.a()).isCloseTo(0.793, withinPercentage(1));
		assertThat(ours.b()).isCloseTo(2.426, withinPercentage(1));
		assertThat(ours.logLikelihood()).isCloseTo(-9582.4, within(0.1));
	}

	@Test
	void thePapersCustomerIsExpectedToBuy1Point226TimesInTheNext39Weeks() {
		assertThat(PUBLISHED.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.0005));
		assertThat(fitted.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.002));
	}

	@Test
	void aCustomerWhoJustBoughtForTheFirstTimeIsExpectedToBuyAsAnyNewCustomer() {
		for (double t : new double[] { 0.5, 10, 39, 200 }) {
			assertThat(fitted.expectedPurchases(t, 0, 0, 0)).isCloseTo(fitted.expectedPurchases(t), within(1e-12));
		}
		// at first a customer buys at the mean rate r / alpha
		assertThat(fitted.expectedPurchases(1e-6)).isCloseTo(1e-6 * fitted.r() / fitted.alpha(), withinPercentage(0.01));
		assertThat(fitted.expectedPurchases(0)).isZero();
	}

	@Test
	void aCustomerWithoutRepeatPurchasesIsAliveAndOneWhoStoppedBuyingLongAgoProbablyIsNot() {
		assertThat(fitted.probabilityAlive(0, 0, 38.86)).isEqualTo(1);
		double recent = fitted.probabilityAlive(5, 38, 38.86);
		double longAgo = fitted.probabilityAlive(5, 5, 38.86);
		assertThat(recent).isGreaterThan(0.8);
		assertThat(longAgo).isLessThan(0.2).isLessThan(recent).isPositive();
		// hundreds of purchases long ago: the probability underflows gracefully instead of becoming NaN
		assertThat(fitted.probabilityAlive(500, 1, 70)).isBetween(0.0, 1e-100);
		assertThat(fitted.expectedPurchases(39, 500, 1, 70)).isBetween(0.0, 1e-90);
		assertThat(fitted.expectedPurchases(39, 500, 69.9, 70)).isGreaterThan(100);
	}

	@Test
	void customersWhoAllBuyAlikeHaveNoFiniteMaximumAndTheFitSaysWhichParameterRunsOff() {
		List<RepeatSummary> regulars = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			regulars.add(new RepeatSummary("c" + i, 4, 16, 16 + i % 3, 10 + i));
		}
		assertThatThrownBy(() -> BgNbd.fit(regulars)).isInstanceOfSatisfying(InvalidField.class, refused -> {
			assertThat(refused.messageKey()).isEqualTo("analytics.clv.parameterToInfinity");
			assertThat(refused.getArguments()).containsExactly(BgNbd.NAME, "r");
		});
	}

	@Test
	void fewCustomersOrNoRepeatPurchaseAreRefusedSayingWhy() {
		assertThatThrownBy(() -> BgNbd.fit(Cdnow.summaries().subList(0, 1))).isInstanceOfSatisfying(InvalidField.class,
				refused -> assertThat(refused.messageKey()).isEqualTo("analytics.clv.tooFewCustomers"));
		List<RepeatSummary> oneTimers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			oneTimers.add(new RepeatSummary("c" + i, 0, 0, 10 + i, 0));
		}
		assertThatThrownBy(() -> BgNbd.fit(oneTimers)).isInstanceOfSatisfying(InvalidField.class,
				refused -> assertThat(refused.messageKey()).isEqualTo("analytics.clv.noRepeatPurchases"));
		List<Purchase> oneDay = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			oneDay.add(new Purchase("c" + i, LocalDate.of(2026, 3, 2), 10));
			oneDay.add(new Purchase("c" + i, LocalDate.of(2026, 3, 2), 5));
		}
		List<RepeatSummary> sameDay = RepeatSummaries.of(oneDay, LocalDate.of(2026, 3, 31), PeriodUnit.WEEK, 0);
		assertThatThrownBy(() -> BgNbd.fit(sameDay)).isInstanceOfSatisfying(InvalidField.class, refused -> {
			assertThat(refused.field()).isEqualTo("file");
			assertThat(refused.messageKey()).isEqualTo("analytics.clv.allOnOneDay");
		});
	}
}
