package org.rapport.sales.opportunities.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.sales.opportunities.internal.OpportunityDraft;
import org.rapport.sales.web.Checks;
import org.rapport.shared.Amount;
import org.rapport.shared.CurrencyCode;
import org.rapport.shared.Money;
import org.rapport.shared.PlausibleDate;
import org.rapport.shared.ExternalIds;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An opportunity as the form and the API take it. Lines without a product are ignored, so that the form can
 * offer empty rows.
 */
record OpportunityInput(
		@Schema(description = "The id another system gives the opportunity, unique among opportunities. Left out, it "
				+ "stays as it is; empty, it is taken away.")
		@Size(max = ExternalIds.MAX_LENGTH) String externalId,
		@Schema(description = "The account; required unless accountExternalId names it")
		UUID accountId,
		@Schema(description = "The account by its external id, instead of accountId (or naming the same account)")
		@Size(max = ExternalIds.MAX_LENGTH) String accountExternalId,
		@NotBlank @Size(max = 200) String name,
		UUID pipelineId,
		UUID stageId,
		@NotNull @Amount BigDecimal amount,
		@NotBlank @Pattern(regexp = "^[A-Za-z]{3}$", message = "{validation.currency}") @CurrencyCode String currency,
		@NotNull @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closeDate,
		@Min(0) @Max(100) Integer probability,
		@Size(max = 500) String nextStep,
		@Size(max = 500) String lostReason,
		UUID ownerId,
		UUID teamId,
		@Valid List<LineInput> lines,
		Map<String, Object> customFields,
		Long version) {

	OpportunityInput {
		lines = lines == null ? List.of() : lines;
	}

	/** A new deal of the account, expected to close a month from today. */
	static OpportunityInput forAccount(UUID accountId, String currency, LocalDate today) {
		return new OpportunityInput(null, accountId, null, null, null, null, BigDecimal.ZERO, currency,
				today.plusMonths(1), null, null, null, null, null, List.of(), null, null);
	}

	static OpportunityInput of(Opportunity o) {
		List<LineInput> lines = o.getLines()
			.stream()
			.map(l -> new LineInput(l.getProductId(), l.getQuantity(), l.getUnitPrice(), l.getDiscountPercent()))
			.toList();
		return new OpportunityInput(null, o.getAccountId(), null, o.getName(), o.getPipelineId(), o.getStageId(),
				o.getAmount().amount(), o.getAmount().currency(), o.getCloseDate(), o.getProbability(), o.getNextStep(),
				o.getLostReason(), o.getOwnerId(), o.getTeamId(), lines, null, o.getVersion());
	}

	OpportunityDraft toDraft() {
		return toDraft(accountId);
	}

	/** The draft of the opportunity at the account given, which the body names by id or external id. */
	OpportunityDraft toDraft(UUID account) {
		return new OpportunityDraft(account, name, pipelineId, stageId, new Money(amount, currency), closeDate,
				probability, Checks.blankToNull(nextStep), Checks.blankToNull(lostReason), ownerId == null ? null : new UserId(ownerId),
				teamId == null ? null : new TeamId(teamId),
				lines.stream().filter(LineInput::isFilled).map(LineInput::toRequest).toList(), externalId);
	}

	/** A product line: quantity, unit price (the product's list price when empty) and discount in percent. */
	@Schema(name = "OpportunityLineInput")
	record LineInput(UUID productId,
			@DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 4) BigDecimal quantity,
			@Amount BigDecimal unitPrice, @DecimalMin("0") @Max(100) BigDecimal discountPercent) {

		boolean isFilled() {
			return productId != null;
		}

		Opportunity.LineRequest toRequest() {
			return new Opportunity.LineRequest(productId, quantity == null ? BigDecimal.ONE : quantity, unitPrice,
					discountPercent);
		}
	}
}
