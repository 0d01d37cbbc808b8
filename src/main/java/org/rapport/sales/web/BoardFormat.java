package org.rapport.sales.web;

import java.text.NumberFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.rapport.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes a column's sums short enough for its header: {@code EUR 1.2M · USD 35K}.
 */
@Component("boardFormat")
class BoardFormat {

	public String sums(List<Money> sums) {
		if (sums == null || sums.isEmpty()) {
			return "";
		}
		NumberFormat format = NumberFormat.getCompactNumberInstance(LocaleContextHolder.getLocale(),
				NumberFormat.Style.SHORT);
		format.setMaximumFractionDigits(1);
		return sums.stream().map(m -> m.currency() + " " + format.format(m.amount())).collect(Collectors.joining(" · "));
	}
}
