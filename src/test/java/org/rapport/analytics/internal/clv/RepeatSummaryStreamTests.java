package org.rapport.analytics.internal.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatSummaryStreamTests {

	@Test
	void purchasesStreamedCustomerByCustomerSummariseAsTheWholeListDoes() {
		List<Purchase> purchases = new ArrayList<>(Cdnow.purchases());
		purchases.sort(Comparator.comparing(Purchase::customer).thenComparing(Purchase::date));
		List<RepeatSummary> streamed = new ArrayList<>();
		RepeatSummaryStream stream = new RepeatSummaryStream(Cdnow.CALIBRATION_END, PeriodUnit.WEEK,
				Cdnow.HOLDOUT_WEEKS, streamed::add);
		purchases.forEach(purchase -> stream.add(purchase.customer(), purchase.date(), purchase.amount()));
		stream.finish();

		List<RepeatSummary> listed = RepeatSummaries.of(purchases, Cdnow.CALIBRATION_END, PeriodUnit.WEEK,
				Cdnow.HOLDOUT_WEEKS);
		assertThat(streamed).hasSize(2357).containsExactlyInAnyOrderElementsOf(listed);

		BgNbd model = new BgNbd(0.243, 4.414, 0.793, 2.426, 0);
		double[] ages = streamed.stream().mapToDouble(RepeatSummary::T).sorted().toArray();
		assertThat(stream.tracking(ages, model)).isEqualTo(
				RepeatSummaries.tracking(purchases, Cdnow.CALIBRATION_END, PeriodUnit.WEEK, Cdnow.HOLDOUT_WEEKS, model));
	}

	@Test
	void aCustomerWhosePurchasesComeOutOfOrderIsRefused() {
		RepeatSummaryStream stream = new RepeatSummaryStream(LocalDate.of(2025, 1, 1), PeriodUnit.DAY, 0, s -> {
		});
		stream.add("a", LocalDate.of(2024, 5, 2), 1);
		assertThatThrownBy(() -> stream.add("a", LocalDate.of(2024, 5, 1), 1))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
