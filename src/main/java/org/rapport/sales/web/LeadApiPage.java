package org.rapport.sales.web;

import java.util.List;
import org.rapport.shared.ResultPage;

/**
 * A page of the lead API's list: the items, where the page stands, and the total (counted up to a limit, past
 * which {@code totalCapped} is true).
 */
record LeadApiPage<T>(List<T> items, int page, int size, boolean hasNext, long total, boolean totalCapped) {

	static <T> LeadApiPage<T> of(ResultPage<T> page) {
		return new LeadApiPage<>(page.items(), page.page(), page.size(), page.hasNext(), page.total(),
				page.totalCapped());
	}
}
