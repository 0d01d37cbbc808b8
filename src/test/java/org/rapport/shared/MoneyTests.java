package org.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
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
}
