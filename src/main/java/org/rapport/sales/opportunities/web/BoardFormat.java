package org.rapport.sales.opportunities.web;

import java.util.List;
import java.util.stream.Collectors;
import org.rapport.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes a column's sums short enough for its header, as {@link Money#formatShort} writes money: {@code €1.2M · $35K}.
 */
@Component("boardFormat")
class BoardFormat {

	public String sums(List<Money> sums) {
		if (sums == null || sums.isEmpty()) {
			return "";
		}
		return sums.stream()
			.map(m -> m.formatShort(LocaleContextHolder.getLocale()))
			.collect(Collectors.joining(" · "));
	}
}
