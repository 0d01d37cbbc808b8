package org.rapport.analytics.internal.recommend;

/**
 * Picks the best few of many scored candidates with a bounded heap, without sorting them all. Ties go to the lower
 * number, so that a ranking never depends on the order candidates were met in.
 */
final class Ranked {

	private Ranked() {
	}

	/** The {@code count} candidates of {@code candidates[0 .. size)} with the highest {@code score}, best first. */
	static int[] top(int[] candidates, int size, double[] score, int count) {
		int capacity = Math.min(count, size);
		int[] heap = new int[capacity];
		int filled = 0;
		for (int c = 0; c < size; c++) {
			int candidate = candidates[c];
			if (filled < capacity) {
				heap[filled] = candidate;
				siftUp(heap, filled++, score);
			}
			else if (capacity > 0 && worse(heap[0], candidate, score)) {
				heap[0] = candidate;
				siftDown(heap, capacity, score);
			}
		}
		// the heap keeps the worst at its root: take it out last to first
		int[] best = new int[filled];
		for (int k = filled - 1; k >= 0; k--) {
			best[k] = heap[0];
			heap[0] = heap[k];
			siftDown(heap, k, score);
		}
		return best;
	}

	/** Whether {@code a} ranks below {@code b}. */
	static boolean worse(int a, int b, double[] score) {
		return score[a] < score[b] || (score[a] == score[b] && a > b);
	}

	private static void siftUp(int[] heap, int position, double[] score) {
		int child = position;
		while (child > 0) {
			int parent = (child - 1) >>> 1;
			if (!worse(heap[child], heap[parent], score)) {
				return;
			}
			swap(heap, child, parent);
			child = parent;
		}
	}

	private static void siftDown(int[] heap, int size, double[] score) {
		int parent = 0;
		while (true) {
			int left = 2 * parent + 1;
			if (left >= size) {
				return;
			}
			int worst = left;
			int right = left + 1;
			if (right < size && worse(heap[right], heap[left], score)) {
				worst = right;
			}
			if (!worse(heap[worst], heap[parent], score)) {
				return;
			}
			swap(heap, worst, parent);
			parent = worst;
		}
	}

	private static void swap(int[] heap, int a, int b) {
		int kept = heap[a];
		heap[a] = heap[b];
		heap[b] = kept;
	}
}
