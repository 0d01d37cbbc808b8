package org.rapport.analytics.internal.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapport.shared.InvalidField;

/** Against Fader, Hardie and Lee's Gamma-Gamma figures on the 946 repeat buyers of the CDNOW sample. */
class GammaGammaTests {

	private static GammaGamma fitted;

	@BeforeAll
	static void fitCdnow() {
		fitted = GammaGamma.fit(Cdnow.summaries());
	}

	@Test
	void theFitToTheCdnowRepeatBuyersGivesThePublishedParameters() {
		assertThat(Cdnow.summaries().stream().filter(s -> s.x() > 0 && s.zbar() > 0)).hasSize(946);
		assertThat(fitted.p()).isCloseTo(6.25, withinPercentage(1));
		assertThat(fitted.q()).isCloseTo(3.74, withinPercentage(1));
		assertThat(fitted.v()).isCloseTo(15.44, withinPercentage(1));
		assertThat(fitted.logLikelihoodOf(Cdnow.summaries())).isCloseTo(fitted.logLikelihood(), within(1e-9));
	}

	@Test
	void theExpectedSpendLiesBetweenTheCustomersOwnMeanAndThatOfAllAndNearerHisOwnTheMoreHeBought() {
		double mean = fitted.meanSpend();
		assertThat(mean).isCloseTo(fitted.p() * fitted.v() / (fitted.q() - 1), within(1e-12));
		double once = fitted.expectedSpend(1, 100);
		double often = fitted.expectedSpend(10, 100);
		assertThat(once).isBetween(mean, 100.0);
		assertThat(often).isBetween(once, 100.0);
	}

	@Test
	void aCustomerWithoutRepeatPurchasesOrWithZeroSpendGetsThePopulationMean() {
		assertThat(fitted.expectedSpend(0, 0)).isEqualTo(fitted.meanSpend());
		assertThat(fitted.expectedSpend(3, 0)).isEqualTo(fitted.meanSpend());
		// a zero spend is left out of the fit: adding such customers changes nothing
		List<RepeatSummary> withFreebies = new ArrayList<>(Cdnow.summaries());
		withFreebies.add(new RepeatSummary("free", 4, 20, 30, 0));
		assertThat(fitted.logLikelihoodOf(withFreebies)).isEqualTo(fitted.logLikelihoodOf(Cdnow.summaries()));
	}

	@Test
	void withoutRepeatBuyersOfPositiveSpendTheFitIsRefused() {
		List<RepeatSummary> none = List.of(new RepeatSummary("a", 0, 0, 10, 0), new RepeatSummary("b", 2, 5, 10, 0),
				new RepeatSummary("c", 1, 3, 10, 20));
		assertThatThrownBy(() -> GammaGamma.fit(none)).isInstanceOfSatisfying(InvalidField.class, refused -> {
			assertThat(refused.field()).isEqualTo("file");
			assertThat(refused.messageKey()).isEqualTo("analytics.clv.tooFewRepeatBuyers");
		});
	}

	@Test
	void spendsAllAlikeHaveNoFiniteMaximumAndTheFitSaysWhichParameterRunsOff() {
		List<RepeatSummary> alike = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			alike.add(new RepeatSummary("c" + i, 1 + i % 3, 5 + i % 4, 20, 10));
		}
		assertThatThrownBy(() -> GammaGamma.fit(alike)).isInstanceOfSatisfying(InvalidField.class, refused -> {
			assertThat(refused.field()).isEqualTo("file");
			assertThat(refused.messageKey()).isEqualTo("analytics.clv.parameterToInfinity");
			assertThat(refused.getArguments()).startsWith(GammaGamma.NAME);
		});
	}

	@Test
	void aSpendModelWithoutAMeanSaysSo() {
		GammaGamma heavyTailed = new GammaGamma(2, 0.8, 10, Double.NaN);
		assertThat(heavyTailed.expectedSpend(2, 30)).isPositive();
		assertThatThrownBy(() -> heavyTailed.expectedSpend(0, 0)).isInstanceOfSatisfying(InvalidField.class,
				refused -> assertThat(refused.messageKey()).isEqualTo("analytics.clv.noMeanSpend"));
	}
}
