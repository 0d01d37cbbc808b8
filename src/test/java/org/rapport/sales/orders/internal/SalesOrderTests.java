package org.rapport.sales.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.customers.AccountId;
import org.rapport.identity.UserId;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.OrderPlaced;
import org.rapport.sales.ProductId;
import org.rapport.shared.Money;
import org.rapport.shared.RuleBroken;
import org.springframework.test.util.ReflectionTestUtils;

class SalesOrderTests {

	static final AccountId ACCOUNT = new AccountId(UUID.randomUUID());
	static final UserId OWNER = new UserId(UUID.randomUUID());
	static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

	static SalesOrder.Line line(String quantity, String price) {
		return new SalesOrder.Line(new ProductId(UUID.randomUUID()), new BigDecimal(quantity), Money.of(price, "EUR"));
	}

	static SalesOrder draft(SalesOrder.Line... lines) {
		return SalesOrder.draft("ORD-000001", ACCOUNT, LocalDate.of(2026, 3, 1), "EUR", null, List.of(lines), OWNER,
				null);
	}

	@Test
	void theTotalIsTheSumOfQuantityTimesPriceRoundedOnceToTheCurrency() {
		SalesOrder order = draft(line("3", "19.99"), line("0.5", "0.01"), line("2", "100"));
		assertThat(order.getTotal()).isEqualTo(Money.of("259.98", "EUR"));
	}

	@Test
	void anOrderWithoutLinesTotalsZeroAndCannotBeConfirmed() {
		SalesOrder order = draft();
		assertThat(order.getTotal()).isEqualTo(Money.zero("EUR"));
		assertThatThrownBy(() -> order.confirm(NOW)).isInstanceOfSatisfying(org.rapport.shared.InvalidField.class,
				invalid -> assertThat(invalid.field()).isEqualTo("lines"));
		assertThat(order.getStatus()).isEqualTo(OrderStatus.DRAFT);
	}

	@Test
	void aLineWhoseQuantityTimesPricePassesTheLimitIsRefusedAtItsQuantity() {
		assertThatThrownBy(() -> draft(line("1", "1"), line("1000", "10000000000")))
			.isInstanceOfSatisfying(org.rapport.shared.InvalidField.class,
					invalid -> assertThat(invalid.field()).isEqualTo("lines[1].quantity"));
		assertThatThrownBy(() -> draft(line("1", "9000000000000"), line("1", "9000000000000")))
			.isInstanceOfSatisfying(org.rapport.shared.InvalidField.class,
					invalid -> assertThat(invalid.field()).isEqualTo("lines"));
	}

	@Test
	void aLineInAnotherCurrencyCannotJoinTheOrder() {
		SalesOrder.Line dollars = new SalesOrder.Line(new ProductId(UUID.randomUUID()), BigDecimal.ONE,
				Money.of("5", "USD"));
		assertThatThrownBy(() -> draft(line("1", "1"), dollars)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void confirmingADraftRegistersOrderPlacedWithItsTotalAndKeepsTheTimeOfConfirmation() {
		SalesOrder order = draft(line("2", "10"));
		order.confirm(NOW);
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.getConfirmedAt()).isEqualTo(NOW);
		@SuppressWarnings("unchecked")
		var events = (java.util.Collection<Object>) ReflectionTestUtils.invokeMethod(order, "domainEvents");
		assertThat(events).singleElement().isInstanceOfSatisfying(OrderPlaced.class, placed -> {
			assertThat(placed.total()).isEqualTo(Money.of("20", "EUR"));
			assertThat(placed.account()).isEqualTo(ACCOUNT);
		});
	}

	@Test
	void aConfirmedOrderIsFulfilledOrCancelledButNoLongerRevised() {
		SalesOrder order = draft(line("1", "10"));
		order.confirm(NOW);
		assertThatThrownBy(() -> order.revise(LocalDate.of(2026, 3, 2), null, List.of(line("1", "1"))))
			.isInstanceOf(RuleBroken.class);
		assertThatThrownBy(() -> order.confirm(NOW)).isInstanceOf(RuleBroken.class);
		order.fulfil();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.FULFILLED);
		assertThatThrownBy(order::cancel).isInstanceOf(RuleBroken.class);
	}

	@Test
	void aDraftCannotBeFulfilledButMayBeCancelled() {
		SalesOrder order = draft(line("1", "10"));
		assertThatThrownBy(order::fulfil).isInstanceOf(RuleBroken.class);
		order.cancel();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThatThrownBy(() -> order.confirm(NOW)).isInstanceOf(RuleBroken.class);
	}

	@Test
	void theOrderOfAWonOpportunityIsConfirmedFromTheStart() {
		SalesOrder order = SalesOrder.ofWonOpportunity("ORD-000002", ACCOUNT, new OpportunityId(UUID.randomUUID()),
				LocalDate.of(2026, 3, 2), "EUR", List.of(line("1", "5")), OWNER, null, NOW);
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.getConfirmedAt()).isEqualTo(NOW);
		assertThat(order.getOpportunityId()).isNotNull();
	}

	@Test
	void statusesAllowOnlyTheGuardedMoves() {
		assertThat(OrderStatus.DRAFT.canMoveTo(OrderStatus.CONFIRMED)).isTrue();
		assertThat(OrderStatus.DRAFT.canMoveTo(OrderStatus.FULFILLED)).isFalse();
		assertThat(OrderStatus.CONFIRMED.canMoveTo(OrderStatus.DRAFT)).isFalse();
		assertThat(OrderStatus.CANCELLED.canMoveTo(OrderStatus.CONFIRMED)).isFalse();
		assertThat(OrderStatus.FULFILLED.isPurchase()).isTrue();
		assertThat(OrderStatus.DRAFT.isPurchase()).isFalse();
	}
}
