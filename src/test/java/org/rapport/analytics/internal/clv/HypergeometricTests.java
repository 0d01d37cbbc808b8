package org.rapport.analytics.internal.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HypergeometricTests {

	@Test
	void theSeriesMatchesTheClosedFormsOfTheLogarithmAndThePower() {
		for (double z : new double[] { 0, 0.1, 0.5, 0.9, 0.99, 0.999 }) {
			// 2F1(1, 1; 2; z) = -log(1 - z) / z and 2F1(a, b; b; z) = (1 - z)^-a
			double logarithm = z == 0 ? 1 : -Math.log1p(-z) / z;
			assertThat(Hypergeometric.log2F1(1, 1, 2, z)).isCloseTo(Math.log(logarithm), within(1e-12));
			assertThat(Hypergeometric.log2F1(2.7, 1.3, 1.3, z)).isCloseTo(-2.7 * Math.log1p(-z), within(1e-12));
			assertThat(Hypergeometric.value(2.7, 1.3, 1.3, z)).isCloseTo(Math.pow(1 - z, -2.7),
					within(1e-11 * Math.pow(1 - z, -2.7)));
		}
	}

	@Test
	void largeParametersStayInLogSpaceInsteadOfOverflowing() {
		// (1 - z)^-2000 overflows a double for z = 0.5
		assertThat(Hypergeometric.log2F1(2000, 3, 3, 0.5)).isCloseTo(2000 * Math.log(2), within(1e-9));
	}

	@Test
	void aNegativeThirdParameterChangesTheSignsOfTheTerms() {
		// 2F1(a, b; b; z) = (1 - z)^-a holds for any b that is not zero or a negative integer
		assertThat(Hypergeometric.value(0.4, -0.6, -0.6, 0.7)).isCloseTo(Math.pow(0.3, -0.4), within(1e-12));
	}

	@Test
	void aSeriesThatDoesNotConvergeInTimeAnswersNaN() {
		assertThat(Hypergeometric.log2F1(1, 1, 2, 1 - 1e-9)).isNaN();
	}
}
