package org.rapport.sales.leads.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Leads extends JpaRepository<Lead, UUID> {

	/** The lead that holds the external id, whoever may see it. */
	java.util.Optional<Lead> findByExternalId(String externalId);
}
