package org.rapport.sales.leads.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.AccountSource;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadRating;
import org.rapport.sales.leads.internal.LeadStatus;
import org.rapport.sales.leads.internal.PossibleDuplicate;

/**
 * A lead as the API shows it; {@code possibleDuplicates} is filled only in the answer to its creation.
 */
record LeadResource(UUID id, long version, String externalId, String firstName, String lastName, String company, String title,
		String email, String phone, AccountSource source, LeadStatus status, LeadRating rating,
		String disqualifiedReason, String notes, UUID ownerId, UUID teamId, Map<String, Object> customFields,
		Conversion conversion, UUID createdBy,
		Instant createdAt, UUID updatedBy, Instant updatedAt, List<Duplicate> possibleDuplicates) {

	/** What a converted lead became. */
	record Conversion(UUID accountId, UUID contactId, UUID opportunityId, Instant convertedAt) {
	}

	/** A lead or contact that may be the same person; {@code type} is {@code lead} or {@code contact}. */
	record Duplicate(String type, UUID id, String name, String company, String email, String href) {

		static Duplicate of(PossibleDuplicate match) {
			String type = match.kind().name().toLowerCase(java.util.Locale.ROOT);
			return new Duplicate(type, match.id(), match.name(), match.company(), match.email(),
					"/api/v1/" + type + "s/" + match.id());
		}
	}

	static LeadResource of(Lead lead) {
		return of(lead, null);
	}

	static LeadResource of(Lead l, List<PossibleDuplicate> duplicates) {
		Conversion conversion = l.isConverted() ? new Conversion(l.getConvertedAccountId(),
				l.getConvertedContactId(), l.getConvertedOpportunityId(), l.getConvertedAt()) : null;
		return new LeadResource(l.getId(), l.getVersion(), l.getExternalId(), l.getFirstName(), l.getLastName(), l.getCompany(),
				l.getTitle(), l.getEmail(), l.getPhone(), l.getSource(), l.getStatus(), l.getRating(),
				l.getDisqualifiedReason(), l.getNotes(), l.getOwnerId(), l.getTeamId(), l.getCustomFields(), conversion,
				l.getCreatedBy(),
				l.getCreatedAt(), l.getUpdatedBy(), l.getUpdatedAt(),
				duplicates == null ? null : duplicates.stream().map(Duplicate::of).toList());
	}
}
