package org.rapport.sales.contracts.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.rapport.sales.contracts.internal.Contract;
import org.rapport.sales.contracts.internal.ContractStatus;

/**
 * A contract as the API shows it.
 */
record ContractResource(UUID id, long version, String number, String externalId, UUID accountId, UUID opportunityId,
		LocalDate startDate, LocalDate endDate, BigDecimal value, String currency, ContractStatus status,
		boolean autoRenew, int renewalNoticeDays, LocalDate noticeDate, UUID renewedFromId, UUID renewedToId,
		String description,
		@Schema(description = "The service level the contract promises, such as "
				+ "Gold; null for none") String serviceLevel,
		Map<String, Object> customFields, UUID ownerId, UUID teamId, Instant createdAt,
		Instant updatedAt) {

	static ContractResource of(Contract c) {
		return new ContractResource(c.getId(), c.getVersion(), c.getNumber(), c.getExternalId(), c.getAccountId(), c.getOpportunityId(),
				c.getStartDate(), c.getEndDate(), c.getValue().amount(), c.getValue().currency(), c.getStatus(),
				c.isAutoRenew(), c.getRenewalNoticeDays(), c.getNoticeDate(), c.getRenewedFromId(),
				c.getRenewedToId(), c.getDescription(), c.getServiceLevel(), c.getCustomFields(), c.getOwnerId(), c.getTeamId(), c.getCreatedAt(),
				c.getUpdatedAt());
	}
}
