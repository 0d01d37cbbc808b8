package org.rapport.analytics.internal.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.shared.InvalidField;

/**
 * Purchases in which nobody has stopped buying leave BG/NBD's dropout unbounded: the fit says so, and a weak prior
 * holds the parameter at a finite value whose predictions are those of customers who stay; on data that hold every
 * parameter the prior changes the fit by little.
 */
class WeakPriorTests {

	/** Customers who bought every few weeks up to the end, each at their own pace. */
	private static List<RepeatSummary> nobodyStops() {
		List<RepeatSummary> summaries = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			int every = 2 + i % 5;
			double age = 30 + i % 20;
			int x = (int) (age / every);
			summaries.add(new RepeatSummary("c" + i, x, x * every, age, 10));
		}
		return summaries;
	}

	@Test
	void aDropoutThePurchasesDoNotHoldIsHeldByTheWeakPrior() {
		assertThatThrownBy(() -> BgNbd.fit(nobodyStops())).isInstanceOf(InvalidField.class)
			.extracting(e -> ((InvalidField) e).messageKey())
			.isIn("analytics.clv.parameterToInfinity", "analytics.clv.parameterToZero");

		BgNbd held = BgNbd.fit(nobodyStops(), 0.1);
		assertThat(held.a() / (held.a() + held.b())).as("the mean dropout probability per purchase").isLessThan(0.05);
		assertThat(held.probabilityAlive(10, 40, 40)).isGreaterThan(0.9);
		assertThat(held.logLikelihood()).isEqualTo(held.logLikelihoodOf(nobodyStops()));
	}

	@Test
	void onTheCdnowSampleThePriorMovesTheFitLittle() {
		BgNbd plain = BgNbd.fit(Cdnow.summaries());
		BgNbd held = BgNbd.fit(Cdnow.summaries(), 0.1);
		assertThat(held.logLikelihood()).isCloseTo(plain.logLikelihood(), within(0.5));
		assertThat(held.r()).isCloseTo(plain.r(), within(0.02));
	}
}
