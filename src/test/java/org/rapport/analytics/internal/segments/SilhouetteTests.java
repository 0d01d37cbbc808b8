package org.rapport.analytics.internal.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapport.analytics.internal.segments.AgglomerativeClustering.Linkage;

class SilhouetteTests {

	@BeforeAll
	static void quietSmile() {
		MallCustomers.quietSmile();
	}

	@Test
	void twoClustersOnALineWorkedByHand() {
		double[][] points = { { 0 }, { 1 }, { 4 }, { 6 } };

		// 0: a = 1, b = (4 + 6) / 2 = 5, s = 4 / 5; 1: a = 1, b = (3 + 5) / 2 = 4, s = 3 / 4
		// 4: a = 2, b = (4 + 3) / 2 = 3.5, s = 1.5 / 3.5; 6: a = 2, b = (6 + 5) / 2 = 5.5, s = 3.5 / 5.5
		double expected = (4.0 / 5 + 3.0 / 4 + 3.0 / 7 + 7.0 / 11) / 4;
		assertThat(Silhouette.score(points, new int[] { 0, 0, 1, 1 }).getAsDouble()).isCloseTo(expected, within(1e-12))
			.isCloseTo(0.6537, within(0.0001));
	}

	@Test
	void aTriangleInThePlaneWorkedByHand() {
		double[][] points = { { 0, 0 }, { 0, 3 }, { 4, 0 } };

		// (0,0): a = 3, b = 4, s = 1 / 4; (0,3): a = 3, b = 5, s = 2 / 5; (4,0) is alone: 0
		assertThat(Silhouette.score(points, new int[] { 0, 0, 1 }).getAsDouble())
			.isCloseTo((1.0 / 4 + 2.0 / 5 + 0) / 3, within(1e-12));
	}

	@Test
	void aPointAloneInItsClusterScoresZeroAndCountsInTheMean() {
		double[][] points = { { 0 }, { 1 }, { 5 } };

		// 0: a = 1, b = 5, s = 0.8; 1: a = 1, b = 4, s = 0.75; 5: alone, 0
		assertThat(Silhouette.score(points, new int[] { 0, 0, 1 }).getAsDouble()).isCloseTo(1.55 / 3, within(1e-12));
	}

	@Test
	void noiseIsLeftOutOfTheScoreAndOfTheOtherPointsDistances() {
		double[][] points = { { 0 }, { 1 }, { 4 }, { 6 }, { 2 }, { 100 } };

		OptionalDouble withNoise = Silhouette.score(points, new int[] { 0, 0, 1, 1, -1, -1 });

		assertThat(withNoise.getAsDouble())
			.isEqualTo(Silhouette.score(new double[][] { { 0 }, { 1 }, { 4 }, { 6 } }, new int[] { 0, 0, 1, 1 })
				.getAsDouble());
	}

	@Test
	void theLabelsMayBeAnyNumbersThatTellTheClustersApart() {
		double[][] points = { { 0 }, { 1 }, { 4 }, { 6 } };

		assertThat(Silhouette.score(points, new int[] { 7, 7, 3, 3 }))
			.isEqualTo(Silhouette.score(points, new int[] { 0, 0, 1, 1 }));
	}

	@Test
	void pointsThatCoincideAcrossClustersScoreZeroRatherThanNaN() {
		double[][] points = { { 1, 1 }, { 1, 1 }, { 1, 1 }, { 1, 1 } };

		assertThat(Silhouette.score(points, new int[] { 0, 0, 1, 1 }).getAsDouble()).isZero();
	}

	@Test
	void withOneClusterOrOnlyLonePointsThereIsNoSilhouette() {
		double[][] points = { { 0 }, { 1 }, { 4 } };

		assertThat(Silhouette.score(points, new int[] { 0, 0, 0 })).isEmpty();
		assertThat(Silhouette.score(points, new int[] { 0, 1, 2 })).isEmpty();
		assertThat(Silhouette.score(points, new int[] { 0, 0, -1 })).isEmpty();
		assertThat(Silhouette.score(points, new int[] { -1, -1, -1 })).isEmpty();
		assertThatThrownBy(() -> Silhouette.score(points, new int[] { 0, 1 }))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theMallCustomersKMeansSegmentsScoreThePublishedFigure() {
		Features mall = MallCustomers.standardised();
		int[] labels = KMeansClustering.fit(mall, 5, 20, 42).labels();

		assertThat(Silhouette.score(mall.scaled(), labels).getAsDouble()).isGreaterThanOrEqualTo(0.55)
			.isCloseTo(0.5547, within(0.0005));
		// the distances do not change with the units when both features are scaled alike
		double[][] doubled = new double[200][];
		for (int i = 0; i < 200; i++) {
			doubled[i] = new double[] { 2 * mall.scaled()[i][0], 2 * mall.scaled()[i][1] };
		}
		assertThat(Silhouette.score(doubled, labels).getAsDouble())
			.isCloseTo(Silhouette.score(mall.scaled(), labels).getAsDouble(), within(1e-12));
	}

	@Test
	void aSeededSampleComesCloseToTheExactScoreAndRepeatsItself() {
		Features mall = MallCustomers.standardised();
		int[] labels = AgglomerativeClustering.fit(mall, Linkage.WARD, 5).segmentation().labels();
		double exact = Silhouette.score(mall.scaled(), labels).getAsDouble();

		double sampled = Silhouette.score(mall.scaled(), labels, 120, 7).getAsDouble();

		assertThat(exact).isCloseTo(0.5538, within(0.0005));
		assertThat(sampled).isNotEqualTo(exact).isCloseTo(exact, within(0.05));
		assertThat(Silhouette.score(mall.scaled(), labels, 120, 7).getAsDouble()).isEqualTo(sampled);
		assertThat(Silhouette.score(mall.scaled(), labels, 120, 8).getAsDouble()).isNotEqualTo(sampled);
		assertThat(Silhouette.score(mall.scaled(), labels, 200, 7).getAsDouble()).isEqualTo(exact);
	}
}
