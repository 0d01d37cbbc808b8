package org.rapport.web.internal;

import java.math.BigDecimal;
import org.rapport.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows amounts on every page the one way {@link Money#format} writes them, in the language of the page:
 * {@code ${@money.format(amount)}}, or {@code ${@money.format(unitPrice, currency)}} for a bare amount in a
 * record's currency.
 */
@Component("money")
class MoneyFormat {

	public String format(Money money) {
		return money == null ? "" : money.format(LocaleContextHolder.getLocale());
	}

	public String format(BigDecimal amount, String currency) {
		return amount == null || currency == null ? "" : format(new Money(amount, currency));
	}

	/** Shortened for narrow places: {@code €1.2M}. */
	public String formatShort(Money money) {
		return money == null ? "" : money.formatShort(LocaleContextHolder.getLocale());
	}
}
