package org.rapport.analytics.internal.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the Pareto/NBD figures of Fader, Hardie and Lee on the CDNOW sample. */
class ParetoNbdTests {

	private static ParetoNbd fitted;

	@BeforeAll
	static void fitCdnow() {
		fitted = ParetoNbd.fit(Cdnow.summaries());
	}

	@Test
	void theFitToCdnowGivesThePublishedParametersAndLogLikelihood() {
		assertThat(fitted.r()).isCloseTo(0.553, withinPercentage(1));
		assertThat(fitted.alpha()).isCloseTo(10.578, withinPercentage(1));
		assertThat(fitted.s()).isCloseTo(0.606, withinPercentage(1));
		assertThat(fitted.beta()).isCloseTo(11.669, withinPercentage(1));
		assertThat(fitted.logLikelihood()).isCloseTo(-9595.0, within(0.1));
	}

	@Test
	void bothSidesOfTheLikelihoodAgreeWhereAlphaAndBetaMeet() {
		// the likelihood takes its 2F1 on the side of the larger of alpha and beta; it must not jump between them
		ParetoNbd below = new ParetoNbd(0.55, 11 - 1e-9, 0.6, 11, Double.NaN);
		ParetoNbd above = new ParetoNbd(0.55, 11 + 1e-9, 0.6, 11, Double.NaN);
		assertThat(below.logLikelihoodOf(Cdnow.summaries())).isCloseTo(above.logLikelihoodOf(Cdnow.summaries()),
				within(1e-5));
		ParetoNbd swapped = new ParetoNbd(0.55, 5, 0.6, 15, Double.NaN);
		ParetoNbd other = new ParetoNbd(0.55, 15, 0.6, 5, Double.NaN);
		assertThat(swapped.probabilityAlive(3, 10, 38)).isBetween(0.0, 1.0);
		assertThat(other.probabilityAlive(3, 10, 38)).isBetween(0.0, 1.0);
	}

	@Test
	void theExpectationsOfACustomerFollowHisHistory() {
		double recent = fitted.probabilityAlive(2, 30.43, 38.86);
		assertThat(recent).isBetween(0.5, 1.0);
		assertThat(fitted.probabilityAlive(2, 5, 38.86)).isLessThan(recent);
		assertThat(fitted.probabilityAlive(0, 0, 0)).isEqualTo(1.0, within(1e-12));
		double expected = fitted.expectedPurchases(39, 2, 30.43, 38.86);
		// beside the BG/NBD's 1.226 for the same customer
		assertThat(expected).isBetween(1.0, 1.5);
		assertThat(fitted.expectedPurchases(0, 2, 30.43, 38.86)).isZero();
	}

	@Test
	void theExpectationIsContinuousWhereTheLifetimeShapeIsOne() {
		ParetoNbd one = new ParetoNbd(0.55, 10.6, 1, 11.7, Double.NaN);
		ParetoNbd near = new ParetoNbd(0.55, 10.6, 1 + 1e-7, 11.7, Double.NaN);
		assertThat(one.expectedPurchases(39, 2, 30.43, 38.86))
			.isCloseTo(near.expectedPurchases(39, 2, 30.43, 38.86), within(1e-6));
	}
}
