package org.rapport.sales.internal;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.sales.ContractId;
import org.rapport.sales.LeadId;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.OrderId;
import org.rapport.sales.SalesRecord;
import org.rapport.sales.SalesRecords;
import org.rapport.sales.contracts.internal.Contract;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.shared.BusinessRecord;
import org.rapport.shared.RecordRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class SalesRecordsFacade implements SalesRecords {

	private final EntityManager em;

	SalesRecordsFacade(EntityManager em) {
		this.em = em;
	}

	@Override
	public Optional<SalesRecord> find(Actor actor, RecordRef ref) {
		return describe(ref).filter(record -> actor.canSee(record.owner(), record.team()));
	}

	@Override
	public Optional<SalesRecord> describe(RecordRef ref) {
		BusinessRecord<?> found = switch (ref.type()) {
			case LeadId.TYPE -> em.find(Lead.class, ref.id());
			case OpportunityId.TYPE -> em.find(Opportunity.class, ref.id());
			case OrderId.TYPE -> em.find(SalesOrder.class, ref.id());
			case ContractId.TYPE -> em.find(Contract.class, ref.id());
			default -> null;
		};
		if (found == null) {
			return Optional.empty();
		}
		return Optional.of(new SalesRecord(ref, title(found), account(accountOf(found)), new UserId(found.getOwnerId()),
				found.getTeamId() == null ? null : new TeamId(found.getTeamId())));
	}

	@Override
	public Map<UUID, String> stageNames(Collection<UUID> stages) {
		Map<UUID, String> names = new HashMap<>();
		if (!stages.isEmpty()) {
			for (Object[] row : em.createQuery("select s.id, s.name from Stage s where s.id in :ids", Object[].class)
				.setParameter("ids", stages)
				.getResultList()) {
				names.put((UUID) row[0], (String) row[1]);
			}
		}
		return names;
	}

	private static String title(BusinessRecord<?> found) {
		if (found instanceof Lead lead) {
			return lead.getFullName();
		}
		if (found instanceof Opportunity opportunity) {
			return opportunity.getName();
		}
		return found instanceof SalesOrder order ? order.getNumber() : ((Contract) found).getNumber();
	}

	private static UUID accountOf(BusinessRecord<?> found) {
		if (found instanceof Lead lead) {
			return lead.getConvertedAccountId();
		}
		if (found instanceof Opportunity opportunity) {
			return opportunity.getAccountId();
		}
		return found instanceof SalesOrder order ? order.getAccountId() : ((Contract) found).getAccountId();
	}

	@Override
	public Map<UUID, String> titles(String type, Collection<UUID> ids) {
		Map<UUID, String> titles = new HashMap<>();
		if (ids.isEmpty()) {
			return titles;
		}
		String select = switch (type) {
			case LeadId.TYPE -> "select x.id, x.firstName, x.lastName from Lead x where x.id in :ids";
			case OpportunityId.TYPE -> "select x.id, x.name, null from Opportunity x where x.id in :ids";
			case OrderId.TYPE -> "select x.id, x.number, null from SalesOrder x where x.id in :ids";
			case ContractId.TYPE -> "select x.id, x.number, null from Contract x where x.id in :ids";
			default -> null;
		};
		if (select == null) {
			return titles;
		}
		for (Object[] row : em.createQuery(select, Object[].class).setParameter("ids", ids).getResultList()) {
			String title = row[2] == null ? (String) row[1]
					: row[1] == null ? (String) row[2] : row[1] + " " + row[2];
			titles.put((UUID) row[0], title);
		}
		return titles;
	}

	private static AccountId account(UUID id) {
		return id == null ? null : new AccountId(id);
	}
}
