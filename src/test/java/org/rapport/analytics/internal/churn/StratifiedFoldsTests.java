package org.rapport.analytics.internal.churn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StratifiedFoldsTests {

	@Test
	void everyFoldHoldsTheSameShareOfChurnedRowsWithinOneRow() {
		int[] labels = new int[103];
		for (int i = 0; i < 27; i++) {
			labels[i * 3] = 1;
		}

		int[] fold = StratifiedFolds.assign(labels, 5, 11);

		for (int f = 0; f < 5; f++) {
			int[] held = StratifiedFolds.rows(fold, f, true);
			long churned = Arrays.stream(held).filter(row -> labels[row] == 1).count();
			assertThat(churned).isBetween(5L, 6L);
			assertThat(held.length).isBetween(20, 21);
			assertThat(StratifiedFolds.rows(fold, f, false)).hasSize(103 - held.length);
		}
	}

	@Test
	void theSeedDecidesTheShuffle() {
		int[] labels = new int[50];
		Arrays.fill(labels, 0, 20, 1);

		assertThat(StratifiedFolds.assign(labels, 5, 1)).isEqualTo(StratifiedFolds.assign(labels, 5, 1))
			.isNotEqualTo(StratifiedFolds.assign(labels, 5, 2));
	}
}
