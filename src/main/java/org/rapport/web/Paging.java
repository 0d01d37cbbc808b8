package org.rapport.web;

/**
 * Paging of a list as the URL carries it: {@code page} from 0, {@code size} up to {@value #MAX_SIZE}. A page past
 * what any list can hold is read as the last page that an offset can address, which answers an empty page rather
 * than an overflowing offset.
 */
public record Paging(int page, int size) {

	public static final int DEFAULT_SIZE = 25;
	public static final int MAX_SIZE = 200;

	public Paging {
		size = size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
		page = Math.max(0, Math.min(page, Integer.MAX_VALUE / size - 1));
	}

	public static Paging of(Integer page, Integer size) {
		return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
	}

	/** The row the page starts at, which never overflows. */
	public int offset() {
		return page * size;
	}
}
