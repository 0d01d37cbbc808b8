package org.rapport.customers;

import java.util.List;

/**
 * Records that share a duplicate-detection key, oldest first.
 */
public record DuplicateGroup<T>(String key, List<T> members) {

	public DuplicateGroup {
		members = List.copyOf(members);
	}
}
