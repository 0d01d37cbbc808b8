package org.rapport.sales.opportunities.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.opportunities.internal.ForecastService;
import org.rapport.sales.opportunities.internal.Quota;
import org.rapport.shared.Amount;
import org.rapport.shared.CurrencyCode;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sellers' monthly quotas over the API, as the forecast page shows and sets them.
 */
@RestController
@RequestMapping("/api/v1/quotas")
@Tag(name = "Quotas", description = "What each seller is expected to win in a month, beside the forecast")
class QuotaApiController {

	private static final String MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";

	private final ForecastService forecasts;
	private final CurrentActor currentActor;

	QuotaApiController(ForecastService forecasts, CurrentActor currentActor) {
		this.forecasts = forecasts;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "The quotas of a range of months", description = "from and to are months such as 2027-01 "
			+ "(to defaults to from); only the quotas of sellers whose records you see are listed.")
	List<QuotaResource> list(@RequestParam String from, @RequestParam(required = false) String to) {
		YearMonth start = month("from", from);
		YearMonth end = to == null ? start : month("to", to);
		return forecasts.quotas(currentActor.get(), start, end).stream().map(QuotaResource::of).toList();
	}

	@PostMapping
	@Operation(summary = "Set a seller's quota for a month", description = "Managers set the quotas of the sellers "
			+ "of their team, administrators anyone's; other users answer 403. A seller who is not an active user, or "
			+ "who is not in a manager's team, answers 422 naming seller. The month's quota, if any, is replaced.")
	QuotaResource set(@Valid @RequestBody QuotaRequest request) {
		return QuotaResource.of(forecasts.setQuota(currentActor.get(), request.seller(), month("month", request.month()),
				new Money(request.amount(), request.currency().strip().toUpperCase(Locale.ROOT))));
	}

	private static YearMonth month(String field, String text) {
		if (text == null || !text.strip().matches(MONTH)) {
			throw new InvalidField(field, "validation.month", "A month such as 2027-01");
		}
		return YearMonth.parse(text.strip());
	}

	/** A seller's quota for a month. */
	record QuotaRequest(@NotNull UUID seller,
			@NotBlank @Pattern(regexp = MONTH, message = "{validation.month}") String month,
			@NotNull @Amount @Digits(integer = 13, fraction = 4) BigDecimal amount,
			@NotBlank @Pattern(regexp = "^$|^[A-Za-z]{3}$", message = "{validation.currency}") @CurrencyCode String currency) {
	}

	record QuotaResource(UUID seller, String month, BigDecimal amount, String currency) {

		static QuotaResource of(Quota quota) {
			return new QuotaResource(quota.getUserId(), quota.getPeriod().toString(), quota.getAmount().amount(),
					quota.getAmount().currency());
		}
	}
}
