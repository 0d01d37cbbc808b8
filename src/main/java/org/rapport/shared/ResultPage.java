package org.rapport.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the total when it is cheap to know: past {@code countLimit} matches the count
 * stops and {@link #totalCapped()} says so, so that a list of a million records never counts them all.
 */
public record ResultPage<T>(List<T> items, int page, int size, boolean hasNext, long total, boolean totalCapped) {

	public ResultPage {
		items = List.copyOf(items);
	}

	public <R> ResultPage<R> map(Function<? super T, ? extends R> mapper) {
		return new ResultPage<>(items.stream().<R>map(mapper).toList(), page, size, hasNext, total, totalCapped);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public long firstRow() {
		return items.isEmpty() ? 0 : (long) page * size + 1;
	}

	public long lastRow() {
		return (long) page * size + items.size();
	}

	public long pages() {
		return size == 0 ? 0 : (total + size - 1) / size;
	}
}
