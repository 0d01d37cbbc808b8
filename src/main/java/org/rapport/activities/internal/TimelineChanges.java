package org.rapport.activities.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineChanges extends JpaRepository<TimelineChange, UUID> {
}
