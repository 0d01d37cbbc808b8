package org.rapport.sales.opportunities.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Quotas extends JpaRepository<Quota, UUID> {

	Optional<Quota> findByUserIdAndPeriod(UUID userId, String period);

	List<Quota> findByPeriodBetween(String from, String to);
}
