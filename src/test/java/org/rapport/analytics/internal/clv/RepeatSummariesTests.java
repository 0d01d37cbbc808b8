package org.rapport.analytics.internal.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rapport.analytics.internal.clv.RepeatSummaries.TrackingPoint;
import org.rapport.shared.InvalidField;

class RepeatSummariesTests {

	private static final LocalDate END = LocalDate.of(2026, 6, 30);

	@Test
	void theCdnowTransactionsGiveThePublishedSummaryOfEveryCustomer() {
		List<RepeatSummary> ours = RepeatSummaries.of(Cdnow.purchases(), Cdnow.CALIBRATION_END, PeriodUnit.WEEK, 0);
		Map<String, RepeatSummary> byCustomer = ours.stream()
			.collect(Collectors.toMap(RepeatSummary::customer, Function.identity()));
		List<String> mismatches = new ArrayList<>();
		for (RepeatSummary published : Cdnow.summaries()) {
			RepeatSummary mine = byCustomer.get(published.customer());
			// the published figures are rounded to two decimals
			if (mine == null || mine.x() != published.x() || Math.abs(mine.tx() - published.tx()) > 0.005 + 1e-9
					|| Math.abs(mine.T() - published.T()) > 0.005 + 1e-9
					|| Math.abs(mine.zbar() - published.zbar()) > 0.005 + 1e-9) {
				mismatches.add(published + " but " + mine);
			}
		}
		assertThat(ours).hasSize(2357);
		assertThat(Cdnow.summaries()).hasSize(2357);
		assertThat(mismatches).isEmpty();
	}

	@Test
	void purchasesOnOneDayAreOnePurchaseOfTheirSummedAmount() {
		List<Purchase> purchases = List.of(purchase("ann", "2026-01-05", 10), purchase("ann", "2026-01-05", 5),
				purchase("ann", "2026-02-02", 20), purchase("ann", "2026-02-02", 4),
				purchase("ann", "2026-03-02", 6));
		RepeatSummary ann = RepeatSummaries.of(purchases, END, PeriodUnit.WEEK, 0).get(0);
		assertThat(ann.x()).isEqualTo(2);
		assertThat(ann.tx()).isEqualTo(8.0);
		assertThat(ann.T()).isCloseTo(176 / 7.0, within(1e-12));
		// the repeat days spent 24 and 6; the first day does not count towards the mean
		assertThat(ann.zbar()).isEqualTo(15.0);
	}

	@Test
	void aCustomerWithOnePurchaseOrAllOnOneDayHasNoRepeatPurchase() {
		List<Purchase> purchases = List.of(purchase("bob", "2026-06-01", 30), purchase("cy", "2026-06-10", 12),
				purchase("cy", "2026-06-10", 8), purchase("cy", "2026-06-10", 0));
		List<RepeatSummary> summaries = RepeatSummaries.of(purchases, END, PeriodUnit.DAY, 0);
		assertThat(summaries).containsExactly(new RepeatSummary("bob", 0, 0, 29, 0, 0),
				new RepeatSummary("cy", 0, 0, 20, 0, 0));
	}

	@Test
	void onlyPurchasesUpToTheCalibrationEndAreFittedAndTheHoldoutCountsPurchaseDaysAfterIt() {
		List<Purchase> purchases = List.of(purchase("dee", "2026-06-02", 10), purchase("dee", "2026-06-30", 10),
				purchase("dee", "2026-07-01", 99), purchase("dee", "2026-07-01", 1), purchase("dee", "2026-07-14", 5),
				purchase("dee", "2026-07-15", 5), purchase("eve", "2026-07-01", 50));
		List<RepeatSummary> summaries = RepeatSummaries.of(purchases, END, PeriodUnit.WEEK, 2);
		// the purchase on the calibration end is fitted; two weeks reach to 14 July; eve first bought after the end
		assertThat(summaries).containsExactly(new RepeatSummary("dee", 1, 4, 4, 10, 2));
	}

	@Test
	void theTrackingAddsTheHoldoutPurchasesPeriodByPeriodToThoseOfTheCalibration() {
		List<Purchase> purchases = List.of(purchase("dee", "2026-06-02", 10), purchase("dee", "2026-06-30", 10),
				purchase("dee", "2026-07-01", 99), purchase("dee", "2026-07-07", 1), purchase("dee", "2026-07-08", 5),
				purchase("fay", "2026-06-29", 5), purchase("fay", "2026-07-20", 5));
		BgNbd model = new BgNbd(0.243, 4.414, 0.793, 2.426, Double.NaN);
		List<TrackingPoint> points = RepeatSummaries.tracking(purchases, END, PeriodUnit.WEEK, 3, model);
		assertThat(points).extracting(TrackingPoint::actualPurchases).containsExactly(1L, 3L, 4L, 5L);
		assertThat(points.get(2).expectedPurchases())
			.isCloseTo(model.expectedPurchases(4 + 2) + model.expectedPurchases(1 / 7.0 + 2), within(1e-12));
	}

	@Test
	void onCdnowTheExpectedRepeatPurchasesTrackTheActualOnesThroughTheHoldout() {
		BgNbd model = new BgNbd(0.243, 4.414, 0.793, 2.426, Double.NaN);
		List<TrackingPoint> points = RepeatSummaries.tracking(Cdnow.purchases(), Cdnow.CALIBRATION_END,
				PeriodUnit.WEEK, Cdnow.HOLDOUT_WEEKS, model);
		assertThat(points).hasSize(Cdnow.HOLDOUT_WEEKS + 1);
		TrackingPoint start = points.get(0);
		TrackingPoint last = points.get(Cdnow.HOLDOUT_WEEKS);
		long holdout = RepeatSummaries.of(Cdnow.purchases(), Cdnow.CALIBRATION_END, PeriodUnit.WEEK, 39)
			.stream()
			.mapToLong(RepeatSummary::holdoutPurchases)
			.sum();
		assertThat(last.actualPurchases() - start.actualPurchases()).isEqualTo(holdout);
		assertThat(start.expectedPurchases()).isCloseTo(start.actualPurchases(), within(0.05 * start.actualPurchases()));
		assertThat(last.expectedPurchases()).isCloseTo(last.actualPurchases(), within(0.05 * last.actualPurchases()));
	}

	@Test
	void aNegativeAmountIsRefusedAtTheAmount() {
		assertThatThrownBy(() -> purchase("gus", "2026-01-01", -3)).isInstanceOfSatisfying(InvalidField.class,
				refused -> {
					assertThat(refused.field()).isEqualTo("amount");
					assertThat(refused.messageKey()).isEqualTo("analytics.clv.amountNegative");
				});
		assertThatThrownBy(() -> purchase("gus", "2026-01-01", Double.NaN)).isInstanceOf(InvalidField.class);
		assertThatThrownBy(() -> purchase(" ", "2026-01-01", 1))
			.isInstanceOfSatisfying(InvalidField.class, refused -> assertThat(refused.field()).isEqualTo("customer"));
		assertThatThrownBy(() -> new Purchase("gus", null, 1))
			.isInstanceOfSatisfying(InvalidField.class, refused -> assertThat(refused.field()).isEqualTo("date"));
	}

	@Test
	void theCalibrationEndTheUnitAndTheHoldoutAreChecked() {
		assertThatThrownBy(() -> RepeatSummaries.of(List.of(), null, PeriodUnit.WEEK, 0))
			.isInstanceOfSatisfying(InvalidField.class, refused -> assertThat(refused.field()).isEqualTo("calibrationEnd"));
		assertThatThrownBy(() -> RepeatSummaries.of(List.of(), END, PeriodUnit.WEEK, -1))
			.isInstanceOfSatisfying(InvalidField.class, refused -> assertThat(refused.field()).isEqualTo("holdout"));
		assertThat(PeriodUnit.of("week")).isEqualTo(PeriodUnit.WEEK);
		assertThat(PeriodUnit.of(" Day ")).isEqualTo(PeriodUnit.DAY);
		assertThatThrownBy(() -> PeriodUnit.of("month"))
			.isInstanceOfSatisfying(InvalidField.class, refused -> assertThat(refused.field()).isEqualTo("periodUnit"));
	}

	private static Purchase purchase(String customer, String date, double amount) {
		return new Purchase(customer, LocalDate.parse(date), amount);
	}
}
