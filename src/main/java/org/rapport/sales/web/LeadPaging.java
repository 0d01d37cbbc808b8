package org.rapport.sales.web;

/**
 * Paging of the lead list as the URL carries it: {@code page} from 0, {@code size} up to {@value #MAX_SIZE}.
 */
record LeadPaging(int page, int size) {

	static final int DEFAULT_SIZE = 25;
	static final int MAX_SIZE = 200;

	static LeadPaging of(Integer page, Integer size) {
		int p = page == null || page < 0 ? 0 : page;
		int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
		return new LeadPaging(p, s);
	}
}
