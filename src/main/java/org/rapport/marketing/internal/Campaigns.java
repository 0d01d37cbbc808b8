package org.rapport.marketing.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Campaigns extends JpaRepository<Campaign, UUID> {
}
