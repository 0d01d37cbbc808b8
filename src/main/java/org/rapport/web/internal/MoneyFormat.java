package org.rapport.web.internal;

import java.text.NumberFormat;
import java.util.Currency;
import org.rapport.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows amounts with their ISO currency code and the user's digit grouping, {@code EUR 1,234.50}, so that
 * amounts in several currencies never look alike: {@code ${@money.format(amount)}}.
 */
@Component("money")
class MoneyFormat {

	public String format(Money money) {
		if (money == null) {
			return "";
		}
		int digits = Math.max(Currency.getInstance(money.currency()).getDefaultFractionDigits(), 0);
		NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return money.currency() + " " + format.format(money.amount());
	}
}
