package org.rapport.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTestOnOwnData;
import org.rapport.TestData;
import org.rapport.analytics.internal.AnalyticsRuns.Run;
import org.rapport.analytics.internal.CustomerValues.AccountValue;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.sales.contracts.internal.ContractDetails;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderDetails;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.sales.web.CommerceFixtures;
import org.rapport.shared.NotPermitted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The lifetime-value run values every account that bought from the CRM's orders and contracts: the historic value to
 * date, the models' prediction and the discounted value; it keeps the fit's figures, and a loyal customer is worth
 * more than one who stopped buying.
 */
@RapportTestOnOwnData
@Import({ CommerceFixtures.class, ChurnHistories.class })
class CustomerValuesIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	OrderBook orders;

	@Autowired
	ContractBook contracts;

	@Autowired
	CustomerValues values;

	@Autowired
	AnalyticsJobs jobs;

	@Autowired
	AnalyticsRuns runs;

	@Test
	void everyAccountThatBoughtIsValuedAndTheFitIsKept() {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		Actor analyst = data.actor(data.user(data.team(), Role.ANALYST));
		Product product = fixtures.product("10", "EUR");
		LocalDate today = LocalDate.now();
		Random random = new Random(7);
		List<AccountId> accounts = new ArrayList<>();
		for (int a = 0; a < 24; a++) {
			AccountId account = fixtures.account(seller, "Valued");
			accounts.add(account);
			int purchases = 1 + random.nextInt(5);
			for (int p = 0; p < purchases; p++) {
				order(seller, account, today.minusDays(20 + random.nextInt(700)), product, 1 + random.nextInt(4));
			}
		}
		// a loyal customer who buys every month, and one who bought as often but stopped a year and a half ago
		AccountId loyal = fixtures.account(seller, "Loyal");
		AccountId lapsed = fixtures.account(seller, "Lapsed");
		for (int month = 1; month <= 12; month++) {
			order(seller, loyal, today.minusMonths(month), product, 3);
			order(seller, lapsed, today.minusMonths(month + 18), product, 3);
		}
		contracts.create(seller, new ContractDetails(loyal.value(), null, today.minusMonths(1), today.plusMonths(11),
				new BigDecimal("1200"), "EUR", false, 30, null, null));

		UUID run = values.runNow(analyst);
		assertThat(values.runNow(analyst)).as("a run already waiting is not queued twice").isEqualTo(run);
		assertThat(jobs.sweep()).isGreaterThanOrEqualTo(1);

		Run done = runs.latest(AnalyticsModel.CUSTOMER_VALUE, 1).get(0);
		assertThat(done.id()).isEqualTo(run);
		assertThat(done.status()).as(done.error()).isEqualTo("DONE");
		assertThat(done.figures()).contains("\"bgnbd\"", "\"gammaGamma\"", "\"tracking\"");

		AccountValue loyalValue = values.of(loyal).orElseThrow();
		AccountValue lapsedValue = values.of(lapsed).orElseThrow();
		assertThat(loyalValue.purchases()).isEqualTo(12);
		assertThat(loyalValue.historicValue()).isEqualByComparingTo("360");
		assertThat(loyalValue.lastPurchase()).isEqualTo(today.minusMonths(1));
		assertThat(loyalValue.probabilityAlive()).isBetween(0.0, 1.0)
			.isGreaterThan(lapsedValue.probabilityAlive());
		assertThat(loyalValue.expectedPurchases()).isGreaterThan(lapsedValue.expectedPurchases());
		assertThat(loyalValue.predictedValue()).isGreaterThan(lapsedValue.predictedValue());
		// Gamma-Gamma's expected spend lies between the account's own mean (30) and the mean of all accounts' spends,
		// which the other tests' orders in the same database move
		var gammaGamma = tools.jackson.databind.json.JsonMapper.builder().build().readTree(done.figures())
			.path("gammaGamma");
		double p = gammaGamma.path("p").asDouble();
		double q = gammaGamma.path("q").asDouble();
		double v = gammaGamma.path("v").asDouble();
		double populationMean = p * v / (q - 1);
		assertThat(loyalValue.expectedSpend()).isBetween(Math.min(30, populationMean) - 1e-6,
				Math.max(30, populationMean) + 1e-6);
		// the contract's 1,200 over a year adds to the loyal customer's discounted value, not to the other's
		assertThat(loyalValue.discountedValue().subtract(lapsedValue.discountedValue()).doubleValue())
			.isGreaterThan(1000);
		for (AccountId account : accounts) {
			assertThat(values.of(account)).isPresent();
		}
		assertThat(values.of(fixtures.account(seller, "Never bought"))).isEmpty();
	}

	@Test
	void onlyAnalystsAndAdministratorsRunTheModelAndOnlyAdministratorsChangeItsSettings() {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		Actor analyst = data.actor(data.user(data.team(), Role.ANALYST));
		assertThatThrownBy(() -> values.runNow(seller)).isInstanceOf(NotPermitted.class);
		ClvSettings current = values.settings();
		assertThatThrownBy(() -> values.change(analyst, current)).isInstanceOf(NotPermitted.class);
	}

	private void order(Actor seller, AccountId account, LocalDate day, Product product, int quantity) {
		SalesOrder order = orders.create(seller, new OrderDetails(account.value(), day, null, null,
				List.of(new OrderDetails.LineDetails(product.getId(), BigDecimal.valueOf(quantity), null))));
		orders.confirm(seller, order.getId(), order.getVersion());
	}
}
