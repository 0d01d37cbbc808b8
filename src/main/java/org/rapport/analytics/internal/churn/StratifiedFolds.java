package org.rapport.analytics.internal.churn;

import java.util.Random;

/**
 * A k-fold split that keeps the share of churned rows alike in every fold: each kind of row is shuffled with the
 * seed and dealt to the folds in turn, the dealing going on from the churned rows to the others so that the folds'
 * sizes differ by at most one.
 */
final class StratifiedFolds {

	private StratifiedFolds() {
	}

	/** The fold of each row. */
	static int[] assign(int[] labels, int folds, long seed) {
		Random random = new Random(seed);
		int[] fold = new int[labels.length];
		int next = 0;
		for (int kind = 1; kind >= 0; kind--) {
			int count = 0;
			for (int label : labels) {
				if (label == kind) {
					count++;
				}
			}
			int[] rows = new int[count];
			for (int i = 0, r = 0; i < labels.length; i++) {
				if (labels[i] == kind) {
					rows[r++] = i;
				}
			}
			for (int i = count - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int swap = rows[i];
				rows[i] = rows[j];
				rows[j] = swap;
			}
			for (int row : rows) {
				fold[row] = next;
				next = (next + 1) % folds;
			}
		}
		return fold;
	}

	/** The rows of a fold, or of every other fold. */
	static int[] rows(int[] fold, int which, boolean held) {
		int count = 0;
		for (int f : fold) {
			if ((f == which) == held) {
				count++;
			}
		}
		int[] rows = new int[count];
		for (int i = 0, r = 0; i < fold.length; i++) {
			if ((fold[i] == which) == held) {
				rows[r++] = i;
			}
		}
		return rows;
	}
}
