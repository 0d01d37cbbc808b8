package org.rapport.shared;

import java.util.Locale;

/**
 * The currency of this installation ({@code rapport.currency}): what a new product, opportunity or contract is priced
 * in on its form until the user chooses another, and what an import takes for amounts that name no currency where the
 * file tells none. One setting, declared by the application and taken by injection.
 */
public record DefaultCurrency(String code) {

	public DefaultCurrency {
		if (!Money.isCurrency(code) || code.strip().length() != 3) {
			throw new IllegalArgumentException("rapport.currency must be an ISO 4217 currency code, such as EUR: "
					+ code);
		}
		code = code.strip().toUpperCase(Locale.ROOT);
	}
}
