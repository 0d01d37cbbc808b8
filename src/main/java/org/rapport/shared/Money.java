package org.rapport.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
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

	/** Whether an amount lies where people's amounts do: not negative and below {@link #LIMIT}. */
	public static boolean isPlausible(BigDecimal amount) {
		return amount != null && amount.signum() >= 0 && amount.compareTo(LIMIT) < 0;
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

	/**
	 * This amount as the locale writes money in its currency — the symbol, its place and the grouping of the
	 * language, the currency's decimals: {@code €1,234.50}, {@code CN¥1,234.50} in English, {@code ¥1,234.50},
	 * {@code €1,234.50} in Chinese. The one way Rapport shows money on its pages.
	 */
	public String format(Locale locale) {
		return currencyFormat(locale).format(amount);
	}

	/**
	 * This amount shortened for a narrow place, such as a board column's header, with the currency as
	 * {@link #format} places it: {@code €1.2M} in English, {@code ¥35万} in Chinese.
	 */
	public String formatShort(Locale locale) {
		NumberFormat compact = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
		compact.setMaximumFractionDigits(1);
		String sample = currencyFormat(locale).format(BigDecimal.ZERO);
		int first = -1;
		int last = -1;
		for (int i = 0; i < sample.length(); i++) {
			if (Character.isDigit(sample.charAt(i))) {
				first = first < 0 ? i : first;
				last = i;
			}
		}
		// as a double: the JDK shortens a BigDecimal without its fraction (1M for 1,200,000)
		String number = compact.format(amount.doubleValue());
		return first < 0 ? number : sample.substring(0, first) + number + sample.substring(last + 1);
	}

	private NumberFormat currencyFormat(Locale locale) {
		Currency iso = Currency.getInstance(currency);
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(iso);
		int digits = Math.max(iso.getDefaultFractionDigits(), 0);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format;
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
