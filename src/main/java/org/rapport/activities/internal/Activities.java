package org.rapport.activities.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Activities extends JpaRepository<Activity, UUID> {

	/** The occurrence of the series that starts at {@code originalStart} and changed apart from it, if it did. */
	Optional<Activity> findBySeriesIdAndOriginalStart(UUID seriesId, Instant originalStart);

	/** The occurrences of the series that changed apart from it. */
	List<Activity> findBySeriesId(UUID seriesId);
}
