package org.rapport.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRows extends JpaRepository<Notification, UUID> {

	@Query("select n from Notification n where n.recipientId = :recipient order by n.createdAt desc, n.id desc")
	List<Notification> latest(UUID recipient, Pageable page);

	@Query("select n from Notification n where n.recipientId = :recipient and n.readAt is null "
			+ "order by n.createdAt desc, n.id desc")
	List<Notification> unread(UUID recipient, Pageable page);

	/** Counts the unread up to the limit, walking the index and no further. */
	@Query(value = "select count(*) from (select 1 from notification where recipient_id = :recipient "
			+ "and read_at is null limit :limit) unread", nativeQuery = true)
	long countUnread(UUID recipient, int limit);

	@Modifying
	@Query("update Notification n set n.readAt = :now where n.recipientId = :recipient and n.readAt is null")
	int readAll(UUID recipient, Instant now);

	@Query("select n from Notification n where n.recipientId = :recipient and n.readAt is null "
			+ "and n.createdAt > :since order by n.createdAt desc, n.id desc")
	List<Notification> unreadSince(UUID recipient, Instant since, Pageable page);
}
