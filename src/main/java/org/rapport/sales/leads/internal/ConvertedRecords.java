package org.rapport.sales.leads.internal;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.rapport.customers.AccountReferences;
import org.rapport.customers.ContactReferences;
import org.rapport.shared.ExternalIds;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the lead export names what leads were converted into, so that an import of the file finds those records again
 * and the lead comes back as it is: each account, contact and opportunity by its external id, else its id
 * ({@link ExternalIds#reference}), whoever may see them, looked up in one query per kind of record for a chunk of leads.
 */
@Component
@Transactional(readOnly = true)
public class ConvertedRecords {

	/** The references of the records a chunk of leads were converted into; empty for none, or one no longer there. */
	public record References(Map<UUID, String> accounts, Map<UUID, String> contacts,
			Map<UUID, String> opportunities) {

		public String account(Lead lead) {
			return cell(accounts, lead.getConvertedAccountId());
		}

		public String contact(Lead lead) {
			return cell(contacts, lead.getConvertedContactId());
		}

		public String opportunity(Lead lead) {
			return cell(opportunities, lead.getConvertedOpportunityId());
		}

		private static String cell(Map<UUID, String> references, UUID id) {
			return id == null ? null : references.get(id);
		}
	}

	private final AccountReferences accounts;
	private final ContactReferences contacts;
	private final EntityManager em;

	ConvertedRecords(AccountReferences accounts, ContactReferences contacts, EntityManager em) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.em = em;
	}

	/** The references of what these leads were converted into: one query per kind of record that some lead names. */
	public References of(Collection<Lead> leads) {
		Set<UUID> accountIds = ids(leads, Lead::getConvertedAccountId);
		Set<UUID> contactIds = ids(leads, Lead::getConvertedContactId);
		Set<UUID> opportunityIds = ids(leads, Lead::getConvertedOpportunityId);
		Map<UUID, String> accountCells = new HashMap<>();
		if (!accountIds.isEmpty()) {
			accounts.written(accountIds).forEach((id, written) -> accountCells.put(id, written.reference()));
		}
		Map<UUID, String> opportunityCells = new HashMap<>();
		if (!opportunityIds.isEmpty()) {
			em.createQuery("select o.id, o.externalId from Opportunity o where o.id in :ids", Object[].class)
				.setParameter("ids", opportunityIds)
				.getResultList()
				.forEach(row -> opportunityCells.put((UUID) row[0],
						ExternalIds.reference((UUID) row[0], (String) row[1])));
		}
		return new References(accountCells, contactIds.isEmpty() ? Map.of() : contacts.written(contactIds),
				opportunityCells);
	}

	private static Set<UUID> ids(Collection<Lead> leads, Function<Lead, UUID> id) {
		Set<UUID> ids = new HashSet<>();
		leads.stream().map(id).filter(Objects::nonNull).forEach(ids::add);
		return ids;
	}
}
