package org.rapport.web;

import java.util.List;
import org.rapport.shared.ResultPage;

/**
 * A page of an API list: the items, where the page stands, and the total (counted up to a limit, past which
 * {@code totalCapped} is true).
 */
public record ApiPage<T>(List<T> items, int page, int size, boolean hasNext, long total, boolean totalCapped) {

	public static <T> ApiPage<T> of(ResultPage<T> page) {
		return new ApiPage<>(page.items(), page.page(), page.size(), page.hasNext(), page.total(), page.totalCapped());
	}
}
