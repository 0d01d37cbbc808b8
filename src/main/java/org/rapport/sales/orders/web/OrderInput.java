package org.rapport.sales.orders.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.sales.orders.internal.OrderDetails;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.sales.web.Checks;
import org.rapport.shared.Amount;
import org.rapport.shared.CurrencyCode;
import org.rapport.shared.PlausibleDate;
import org.rapport.shared.ExternalIds;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An order as the form and the API take it. The form sends a few blank lines to fill in; lines without a
 * product are left out.
 */
record OrderInput(
		@Schema(description = "The id another system gives the order, unique among orders. Left out, it stays as it "
				+ "is; empty, it is taken away.")
		@Size(max = ExternalIds.MAX_LENGTH) String externalId,
		UUID accountId,
		@Schema(description = "The account by its external id, instead of accountId (or naming the same account)")
		@Size(max = ExternalIds.MAX_LENGTH) String accountExternalId,
		@NotNull @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate orderDate,
		@Pattern(regexp = "^$|^[A-Za-z]{3}$", message = "{validation.currency}") @CurrencyCode String currency,
		@Size(max = 4000) String notes,
		@Valid List<LineInput> lines,
		Map<String, Object> customFields,
		Long version) {

	static final int BLANK_LINES = 3;

	OrderInput {
		lines = lines == null ? new ArrayList<>() : new ArrayList<>(lines);
	}

	/** A new order of the account, dated today. */
	static OrderInput forAccount(UUID account, LocalDate today) {
		return new OrderInput(null, account, null, today, null, null, new ArrayList<>(), null, null).withBlankLines();
	}

	static OrderInput of(SalesOrder order) {
		List<LineInput> lines = order.getLines()
			.stream()
			.map(line -> new LineInput(line.getProductId(), line.getQuantity().stripTrailingZeros(),
					line.getUnitPrice()))
			.toList();
		return new OrderInput(null, order.getAccountId(), null, order.getOrderDate(), order.getCurrency(), order.getNotes(),
				lines, null, order.getVersion()).withBlankLines();
	}

	OrderInput withBlankLines() {
		List<LineInput> padded = new ArrayList<>(lines);
		for (int i = 0; i < BLANK_LINES; i++) {
			padded.add(new LineInput(null, null, null));
		}
		return new OrderInput(externalId, accountId, accountExternalId, orderDate, currency, notes, padded,
				customFields, version);
	}

	OrderDetails toDetails() {
		return toDetails(accountId);
	}

	/** The order's fields with the account given, which the body names by id or external id. */
	OrderDetails toDetails(UUID account) {
		List<OrderDetails.LineDetails> filled = lines.stream()
			.filter(line -> line != null && line.productId() != null)
			.map(line -> new OrderDetails.LineDetails(line.productId(),
					line.quantity() == null ? BigDecimal.ONE : line.quantity(), line.unitPrice()))
			.toList();
		return new OrderDetails(account, orderDate, Checks.blankToNull(currency),
				Checks.blankToNull(notes), filled, externalId);
	}

	@Schema(name = "OrderLineInput")
	record LineInput(UUID productId,
			@DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 4) BigDecimal quantity,
			@Amount @Digits(integer = 13, fraction = 4) BigDecimal unitPrice) {
	}
}
