package org.rapport.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * A reference to a record of another module by its type name and id, for modules that may not depend on
 * the owner of that record.
 */
public record RecordRef(String type, UUID id) {

	public RecordRef {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(id, "id");
		if (type.isBlank()) {
			throw new IllegalArgumentException("A record reference needs a type");
		}
	}
}
