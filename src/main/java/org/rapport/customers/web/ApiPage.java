package org.rapport.customers.web;

import java.util.List;
import org.rapport.shared.ResultPage;

/**
 * A page of an API list: the items, where the page stands, and the total (counted up to a limit, past which
 * {@code totalCapped} is true).
 */
record ApiPage<T>(List<T> items, int page, int size, boolean hasNext, long total, boolean totalCapped) {

	static <T> ApiPage<T> of(ResultPage<T> page) {
		return new ApiPage<>(page.items(), page.page(), page.size(), page.hasNext(), page.total(), page.totalCapped());
	}
}
