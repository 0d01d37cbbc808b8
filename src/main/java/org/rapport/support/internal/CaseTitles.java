package org.rapport.support.internal;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.rapport.support.SupportCases;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class CaseTitles implements SupportCases {

	private final EntityManager em;

	CaseTitles(EntityManager em) {
		this.em = em;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, String> titles(Collection<UUID> ids) {
		Map<UUID, String> titles = new HashMap<>();
		if (ids.isEmpty()) {
			return titles;
		}
		em.createQuery("select c.id, c.number, c.subject from SupportCase c where c.id in :ids", Object[].class)
			.setParameter("ids", ids)
			.getResultList()
			.forEach(row -> titles.put((UUID) row[0], row[1] + " " + row[2]));
		return titles;
	}
}
