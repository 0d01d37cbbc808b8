package org.rapport.customers.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.rapport.customers.AccountFacts;
import org.rapport.customers.AccountId;
import org.rapport.customers.LifecycleStage;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The accounts' facts for the models, read a page at a time by the primary key. */
@Component
@Transactional(readOnly = true)
class AccountFactReader implements AccountFacts {

	/** How many accounts one read takes. */
	static final int PAGE = 5_000;

	private static final String SELECT = "select a.id, a.ownerId, a.teamId, a.lifecycleStage, a.createdAt, "
			+ "a.customFields from Account a ";

	private final EntityManager em;
	private final int pageSize;

	@org.springframework.beans.factory.annotation.Autowired
	AccountFactReader(EntityManager em) {
		this(em, PAGE);
	}

	AccountFactReader(EntityManager em, int pageSize) {
		this.em = em;
		this.pageSize = pageSize;
	}

	@Override
	public void forEach(Consumer<AccountFact> each) {
		UUID last = null;
		while (true) {
			var query = em.createQuery(SELECT + (last == null ? "" : "where a.id > :last ") + "order by a.id",
					Object[].class);
			if (last != null) {
				query.setParameter("last", last);
			}
			List<Object[]> page = query.setMaxResults(pageSize).getResultList();
			for (Object[] row : page) {
				each.accept(fact(row));
			}
			if (page.size() < pageSize) {
				return;
			}
			last = (UUID) page.get(page.size() - 1)[0];
		}
	}

	@Override
	public Map<AccountId, AccountFact> of(Collection<AccountId> accounts) {
		Map<AccountId, AccountFact> facts = new LinkedHashMap<>();
		if (accounts.isEmpty()) {
			return facts;
		}
		List<UUID> ids = accounts.stream().map(AccountId::value).distinct().toList();
		for (int from = 0; from < ids.size(); from += pageSize) {
			List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + pageSize));
			for (Object[] row : em.createQuery(SELECT + "where a.id in :ids", Object[].class)
				.setParameter("ids", batch)
				.getResultList()) {
				AccountFact fact = fact(row);
				facts.put(fact.id(), fact);
			}
		}
		return facts;
	}

	@Override
	public void forEachMoveTo(LifecycleStage stage, Instant from, Instant to, Consumer<StageMove> each) {
		em.createQuery("select h.accountId, max(h.changedAt) from LifecycleChange h where h.to = :stage "
				+ "and h.changedAt >= :from and h.changedAt < :to group by h.accountId order by h.accountId",
				Object[].class)
			.setParameter("stage", stage)
			.setParameter("from", from)
			.setParameter("to", to)
			.getResultStream()
			.forEach(row -> each.accept(new StageMove(new AccountId((UUID) row[0]), (Instant) row[1])));
	}

	@Override
	public void forEachStageChangedSince(Instant at, Consumer<EarlierStage> each) {
		UUID[] last = { null };
		em.createQuery("select h.accountId, h.from from LifecycleChange h where h.changedAt >= :at "
				+ "order by h.accountId, h.changedAt, h.id", Object[].class)
			.setParameter("at", at)
			.getResultStream()
			.forEach(row -> {
				// the first change of each account since then says what it held before
				if (!row[0].equals(last[0])) {
					last[0] = (UUID) row[0];
					each.accept(new EarlierStage(new AccountId((UUID) row[0]), (LifecycleStage) row[1]));
				}
			});
	}

	@SuppressWarnings("unchecked")
	private static AccountFact fact(Object[] row) {
		Map<String, Object> custom = (Map<String, Object>) row[5];
		return new AccountFact(new AccountId((UUID) row[0]), new UserId((UUID) row[1]),
				row[2] == null ? null : new TeamId((UUID) row[2]), (LifecycleStage) row[3], (Instant) row[4],
				custom == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(custom)));
	}
}
