package org.rapport.web;

/**
 * Paging of a list as the URL carries it: {@code page} from 0, {@code size} up to {@value #MAX_SIZE}.
 */
public record Paging(int page, int size) {

	public static final int DEFAULT_SIZE = 25;
	public static final int MAX_SIZE = 200;

	public static Paging of(Integer page, Integer size) {
		int p = page == null || page < 0 ? 0 : page;
		int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
		return new Paging(p, s);
	}
}
