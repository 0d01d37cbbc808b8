package org.rapport.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.rapport.customers.AccountId;

/**
 * The saved segmentations of the accounts and which accounts each cluster holds, for modules that act on a segment
 * (a marketing campaign's members, say). It answers for no user: a module that shows the members to a user keeps to
 * the accounts that user may see. A saved segmentation does not change once made, except for its clusters' names; it
 * may be deleted.
 */
public interface SegmentMemberships {

	/** The number of the cluster of the accounts that DBSCAN left in no cluster (noise). */
	int NOISE = 0;

	/** The saved segmentations, newest first, with their clusters (at most the newest 500). */
	List<SavedSegment> segmentations();

	/** How many accounts the cluster of the segmentation holds; 0 for an unknown segmentation or cluster. */
	long count(UUID segmentationId, int cluster);

	/**
	 * Hands each account of the cluster to the consumer, in the order of their ids, a batch read at a time; none for
	 * an unknown segmentation or cluster.
	 */
	void forEachMember(UUID segmentationId, int cluster, Consumer<AccountId> each);

	/** A saved segmentation: its name, when it was made and its clusters. */
	record SavedSegment(UUID id, String name, Instant created, List<Cluster> clusters) {

		public SavedSegment {
			clusters = List.copyOf(clusters);
		}
	}

	/**
	 * A cluster of a saved segmentation: its number (from 1 by falling size; {@link #NOISE} for DBSCAN's noise), its
	 * name (as a user gave it, else {@code Cluster n} or {@code Noise}) and how many accounts it holds.
	 */
	record Cluster(int number, String name, int size) {
	}
}
