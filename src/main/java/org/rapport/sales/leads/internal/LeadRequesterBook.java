package org.rapport.sales.leads.internal;

import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.rapport.customers.AccountId;
import org.rapport.customers.ContactId;
import org.rapport.customers.MatchKeys;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.sales.LeadId;
import org.rapport.sales.LeadRequesters;
import org.rapport.sales.NewLead;
import org.rapport.shared.InvalidField;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Leads as the requesters of support cases: found by address, captured as the public lead form captures them. */
@Component
@Transactional(readOnly = true)
class LeadRequesterBook implements LeadRequesters {

	private final Leads leads;
	private final LeadService service;
	private final EntityManager em;
	private final Validator validator;

	LeadRequesterBook(Leads leads, LeadService service, EntityManager em, Validator validator) {
		this.leads = leads;
		this.service = service;
		this.em = em;
		this.validator = validator;
	}

	@Override
	public Optional<LeadId> openLeadWithEmail(String email) {
		String key = MatchKeys.email(email);
		if (key == null) {
			return Optional.empty();
		}
		return em.createQuery("select l.id from Lead l where l.emailKey = :key and l.status <> :converted "
				+ "order by l.createdAt, l.id", java.util.UUID.class)
			.setParameter("key", key)
			.setParameter("converted", LeadStatus.CONVERTED)
			.setMaxResults(1)
			.getResultStream()
			.findFirst()
			.map(LeadId::new);
	}

	@Override
	@Transactional
	public LeadId capture(NewLead lead, UserId owner, TeamId team) {
		Set<ConstraintViolation<NewLead>> violations = validator.validate(lead);
		violations.stream().min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
			.ifPresent(violation -> {
				String template = violation.getMessageTemplate();
				throw new InvalidField(violation.getPropertyPath().toString(),
						template.startsWith("{") ? template.substring(1, template.length() - 1) : template,
						violation.getMessage());
			});
		return service.captureFor(new LeadDetails(blankToNull(lead.firstName()), lead.lastName(),
				blankToNull(lead.company()), null, lead.email().strip(), null, lead.source(), null,
				blankToNull(lead.notes())),
				owner, team).id();
	}

	@Override
	public Optional<Requester> requester(LeadId lead) {
		return leads.findById(lead.value())
			.map(found -> new Requester(found.id(), found.getFullName(), found.getEmail(), found.getCompany(),
					found.getConvertedAccountId() == null ? null : new AccountId(found.getConvertedAccountId()),
					found.getConvertedContactId() == null ? null : new ContactId(found.getConvertedContactId())));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
