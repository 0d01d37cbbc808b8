package org.rapport.sales.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Leads extends JpaRepository<Lead, UUID> {
}
