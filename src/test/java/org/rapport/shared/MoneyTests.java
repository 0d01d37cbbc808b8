package org.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTests {

	@Test
	void amountsKeepTheMinorUnitsOfTheirCurrency() {
		assertThat(Money.of("10.005", "eur").amount()).isEqualByComparingTo("10.00");
		assertThat(Money.of("10.015", "EUR").amount()).isEqualByComparingTo("10.02");
		assertThat(Money.of("1234.5", "JPY").amount()).isEqualByComparingTo("1234");
		assertThat(Money.of("1", "cny").currency()).isEqualTo("CNY");
	}

	@Test
	void amountsOfOneCurrencyAddUpAndOthersRefuse() {
		assertThat(Money.of("1.10", "USD").plus(Money.of("2.20", "USD"))).isEqualTo(Money.of("3.30", "USD"));
		assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aDiscountInPercentLowersTheAmount() {
		assertThat(Money.of("200", "EUR").discounted(new BigDecimal("12.5"))).isEqualTo(Money.of("175", "EUR"));
		assertThat(Money.of("200", "EUR").discounted(null)).isEqualTo(Money.of("200", "EUR"));
	}

	@Test
	void onlyIsoCodesAreCurrencies() {
		assertThat(Money.isCurrency("usd")).isTrue();
		assertThat(Money.isCurrency("XYZ1")).isFalse();
		assertThat(Money.isCurrency(null)).isFalse();
		assertThatThrownBy(() -> Money.of("1", "ABC")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void moneyIsWrittenAsTheLocaleWritesItsCurrency() {
		assertThat(Money.of("1234.5", "EUR").format(Locale.ENGLISH)).isEqualTo("€1,234.50");
		assertThat(Money.of("1234.5", "CNY").format(Locale.ENGLISH)).isEqualTo("CN¥1,234.50");
		assertThat(Money.of("1234.5", "CNY").format(Locale.SIMPLIFIED_CHINESE)).isEqualTo("¥1,234.50");
		assertThat(Money.of("1234", "JPY").format(Locale.SIMPLIFIED_CHINESE)).isEqualTo("JP¥1,234");
		assertThat(Money.of("1234.5", "EUR").format(Locale.GERMANY)).isEqualTo("1.234,50\u00a0€");
	}

	@Test
	void aShortAmountKeepsTheCurrencyWhereTheLocalePutsIt() {
		assertThat(Money.of("1200000", "EUR").formatShort(Locale.ENGLISH)).isEqualTo("€1.2M");
		assertThat(Money.of("350000", "CNY").formatShort(Locale.SIMPLIFIED_CHINESE)).isEqualTo("¥35万");
		assertThat(Money.of("1200000", "EUR").formatShort(Locale.GERMANY)).isEqualTo("1,2\u00a0Mio.\u00a0€");
	}
}
