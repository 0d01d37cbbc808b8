package org.rapport.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one ISO 4217 currency, kept to the currency's minor unit (two decimals for most).
 */
@Embeddable
public record Money(@Column(name = "amount") BigDecimal amount, @Column(name = "currency") String currency) {

	/** Amounts that people enter stay below this (ten trillion), which every total, column and card can show. */
	public static final String LIMIT_TEXT = "10000000000000";

	public static final BigDecimal LIMIT = new BigDecimal(LIMIT_TEXT);

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		Currency iso = Currency.getInstance(currency.strip().toUpperCase(java.util.Locale.ROOT));
		currency = iso.getCurrencyCode();
		amount = amount.setScale(Math.max(iso.getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN);
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), currency);
	}

	public static Money zero(String currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	/** Whether the code names an ISO 4217 currency. */
	public static boolean isCurrency(String code) {
		if (code == null || code.isBlank()) {
			return false;
		}
		try {
			Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT));
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.add(other.amount), currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.subtract(other.amount), currency);
	}

	public Money times(BigDecimal factor) {
		return new Money(amount.multiply(factor), currency);
	}

	/** This amount less a discount given in percent. */
	public Money discounted(BigDecimal percent) {
		if (percent == null || percent.signum() == 0) {
			return this;
		}
		BigDecimal keep = BigDecimal.ONE.subtract(percent.movePointLeft(2));
		return times(keep);
	}

	public boolean isNegative() {
		return amount.signum() < 0;
	}

	private void requireSameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
		}
	}

	@Override
	public String toString() {
		return currency + " " + amount.toPlainString();
	}
}
