package org.rapport.analytics.internal.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapport.analytics.internal.clv.ClvModels.ClvFit;
import org.rapport.analytics.internal.clv.ClvModels.CustomerValue;
import org.rapport.shared.InvalidField;

class ClvModelsTests {

	/** One per cent a week. */
	private static final double RATE = 0.01;

	private static ClvFit fit;

	private static Map<String, CustomerValue> byCustomer;

	@BeforeAll
	static void fitCdnowWithTheEdgeCases() {
		List<RepeatSummary> summaries = new ArrayList<>(Cdnow.summaries());
		LocalDate firstWeek = Cdnow.CALIBRATION_END.minusWeeks(20);
		// all of one customer's purchases on one day, and a customer whose repeat purchases cost nothing
		summaries.addAll(RepeatSummaries.of(List.of(new Purchase("same-day", firstWeek, 12),
				new Purchase("same-day", firstWeek, 30), new Purchase("freebies", firstWeek, 20),
				new Purchase("freebies", firstWeek.plusWeeks(5), 0), new Purchase("freebies", firstWeek.plusWeeks(9), 0)),
				Cdnow.CALIBRATION_END, PeriodUnit.WEEK, 0));
		fit = ClvModels.fit(summaries, 39, RATE);
		byCustomer = fit.predictions().stream().collect(Collectors.toMap(CustomerValue::customer, Function.identity()));
	}

	@Test
	void theFacadeFitsTheThreeModelsAndPredictsEveryCustomer() {
		assertThat(fit.customers()).isEqualTo(2359);
		assertThat(fit.predictions()).hasSize(2359);
		assertThat(fit.bgnbd().r()).isCloseTo(0.243, withinPercentage(1));
		assertThat(fit.paretoNbd().s()).isCloseTo(0.606, withinPercentage(1));
		assertThat(fit.gammaGamma().p()).isCloseTo(6.25, withinPercentage(1));
		CustomerValue papers = byCustomer.get("1");
		assertThat(papers.expectedPurchases()).isCloseTo(1.226, within(0.002));
		assertThat(papers.expectedSpend()).isCloseTo(fit.gammaGamma().expectedSpend(2, 22.35), within(1e-12));
		assertThat(papers.probabilityAlive()).isBetween(0.0, 1.0);
		assertThat(fit.predictions()).allSatisfy(value -> {
			assertThat(value.clv()).isFinite().isNotNegative();
			assertThat(value.clv()).isLessThanOrEqualTo(value.expectedPurchases() * value.expectedSpend() * (1 + 1e-12));
		});
	}

	@Test
	void thePredictedValueDiscountsThePurchasesOfEachPeriod() {
		BgNbd model = fit.bgnbd();
		RepeatSummary papers = new RepeatSummary("1", 2, 30.43, 38.86, 22.35);
		double spend = fit.gammaGamma().expectedSpend(2, 22.35);
		double value = 0;
		for (int week = 1; week <= 39; week++) {
			double purchases = model.expectedPurchases(week, 2, 30.43, 38.86)
					- model.expectedPurchases(week - 1, 2, 30.43, 38.86);
			value += purchases * spend / Math.pow(1 + RATE, week);
		}
		assertThat(byCustomer.get("1").clv()).isCloseTo(value, within(1e-9));
		assertThat(Clv.predicted(model, papers, spend, 39, RATE)).isCloseTo(value, within(1e-9));
		// undiscounted, the periods add up to the purchases of the horizon
		assertThat(Clv.predicted(model, papers, spend, 39, 0)).isCloseTo(1.226 * spend, withinPercentage(0.2));
	}

	@Test
	void theSeedsFormulaDiscountsEachPeriodsRevenue() {
		assertThat(Clv.discounted(new double[] { 100, 100, 100 }, 0.1))
			.isCloseTo(100 / 1.1 + 100 / 1.21 + 100 / 1.331, within(1e-9));
		assertThat(Clv.discounted(new double[] { 50, 70 }, 0)).isEqualTo(120);
		assertThat(Clv.discounted(new double[0], 0.05)).isZero();
		assertThatThrownBy(() -> Clv.discounted(new double[] { 1 }, -0.1)).isInstanceOfSatisfying(InvalidField.class,
				refused -> assertThat(refused.field()).isEqualTo("discountRate"));
	}

	@Test
	void aCustomerWithOnePurchaseOrAllOnOneDayIsAliveAndGetsTheMeanSpend() {
		CustomerValue sameDay = byCustomer.get("same-day");
		assertThat(sameDay.probabilityAlive()).isEqualTo(1);
		assertThat(sameDay.expectedSpend()).isCloseTo(fit.gammaGamma().meanSpend(), within(1e-12));
		assertThat(sameDay.expectedPurchases()).isCloseTo(fit.bgnbd().expectedPurchases(39, 0, 0, 20), within(1e-12));
		assertThat(sameDay.clv()).isPositive();
		CustomerValue oneTimer = byCustomer.get("3");
		assertThat(oneTimer.probabilityAlive()).isEqualTo(1);
		assertThat(oneTimer.expectedSpend()).isCloseTo(fit.gammaGamma().meanSpend(), within(1e-12));
	}

	@Test
	void aRepeatBuyerWhoSpentNothingIsLeftOutOfTheSpendModelAndGetsTheMean() {
		CustomerValue freebies = byCustomer.get("freebies");
		assertThat(freebies.expectedSpend()).isCloseTo(fit.gammaGamma().meanSpend(), within(1e-12));
		assertThat(freebies.probabilityAlive()).isLessThan(1);
		assertThat(fit.gammaGamma().logLikelihood()).isCloseTo(GammaGamma.fit(Cdnow.summaries()).logLikelihood(),
				within(1e-6));
	}

	@Test
	void oneCustomerOrNoRepeatBuyerIsRefusedSayingWhy() {
		assertThatThrownBy(() -> ClvModels.fit(List.of(new RepeatSummary("only", 3, 20, 30, 15)), 39, RATE))
			.isInstanceOfSatisfying(InvalidField.class, refused -> {
				assertThat(refused.field()).isEqualTo("file");
				assertThat(refused.messageKey()).isEqualTo("analytics.clv.tooFewCustomers");
			});
		List<RepeatSummary> noRepeat = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			noRepeat.add(new RepeatSummary("c" + i, 0, 0, i % 7 + 1, 0));
		}
		assertThatThrownBy(() -> ClvModels.fit(noRepeat, 39, RATE)).isInstanceOfSatisfying(InvalidField.class,
				refused -> assertThat(refused.messageKey()).isEqualTo("analytics.clv.noRepeatPurchases"));
	}

	@Test
	void theHorizonAndTheDiscountRateAreChecked() {
		assertThatThrownBy(() -> ClvModels.fit(Cdnow.summaries(), 0, RATE)).isInstanceOfSatisfying(InvalidField.class,
				refused -> assertThat(refused.field()).isEqualTo("horizon"));
		assertThatThrownBy(() -> ClvModels.fit(Cdnow.summaries(), 39, 1.5)).isInstanceOfSatisfying(InvalidField.class,
				refused -> assertThat(refused.field()).isEqualTo("discountRate"));
	}
}
