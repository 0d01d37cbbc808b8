package org.rapport.analytics.internal.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RocTests {

	@Test
	void theAucIsTheShareOfChurnedAndRetainedPairsInTheRightOrder() {
		// scikit-learn's roc_auc_score example: 3 of the 4 pairs are ordered right
		assertThat(Roc.auc(new double[] { 0.1, 0.4, 0.35, 0.8 }, new int[] { 0, 0, 1, 1 })).isEqualTo(0.75);
		assertThat(Roc.auc(new double[] { 0.9, 0.8, 0.2 }, new int[] { 1, 1, 0 })).isEqualTo(1.0);
		assertThat(Roc.auc(new double[] { 0.9, 0.8, 0.2 }, new int[] { 0, 0, 1 })).isEqualTo(0.0);
	}

	@Test
	void tiedScoresCountHalfThroughTheirAverageRank() {
		assertThat(Roc.auc(new double[] { 0.5, 0.5, 0.5, 0.5 }, new int[] { 1, 0, 1, 0 })).isEqualTo(0.5);
		// the churned 0.7 beats both retained; the churned 0.3 ties one retained 0.3 and beats 0.1: (2 + 1.5) / 4
		assertThat(Roc.auc(new double[] { 0.7, 0.3, 0.3, 0.1 }, new int[] { 1, 1, 0, 0 })).isEqualTo(0.875);
	}

	@Test
	void theAucIsUndefinedWithoutBothKinds() {
		assertThat(Roc.auc(new double[] { 0.1, 0.2 }, new int[] { 1, 1 })).isNaN();
	}

	@Test
	void theCurveHasOnePointPerDistinctScoreFromCornerToCorner() {
		List<RocPoint> curve = Roc.curve(new double[] { 0.1, 0.4, 0.35, 0.8 }, new int[] { 0, 0, 1, 1 }, 200);

		assertThat(curve).containsExactly(new RocPoint(0, 0), new RocPoint(0, 0.5), new RocPoint(0.5, 0.5),
				new RocPoint(0.5, 1), new RocPoint(1, 1));
	}

	@Test
	void aLongCurveIsThinnedToTheLimitKeepingItsCornersAndArea() {
		Random random = new Random(3);
		int n = 20_000;
		double[] scores = new double[n];
		int[] labels = new int[n];
		for (int i = 0; i < n; i++) {
			labels[i] = random.nextDouble() < 0.3 ? 1 : 0;
			scores[i] = random.nextGaussian() + labels[i];
		}

		List<RocPoint> curve = Roc.curve(scores, labels, 200);

		assertThat(curve).hasSizeBetween(150, 200);
		assertThat(curve.get(0)).isEqualTo(new RocPoint(0, 0));
		assertThat(curve.get(curve.size() - 1)).isEqualTo(new RocPoint(1, 1));
		double area = 0;
		for (int k = 1; k < curve.size(); k++) {
			area += (curve.get(k).falsePositiveRate() - curve.get(k - 1).falsePositiveRate())
					* (curve.get(k).truePositiveRate() + curve.get(k - 1).truePositiveRate()) / 2;
		}
		assertThat(area).isCloseTo(Roc.auc(scores, labels), within(0.002));
	}
}
