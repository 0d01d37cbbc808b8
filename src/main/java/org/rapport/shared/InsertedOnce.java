package org.rapport.shared;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * A row that makes its own id and knows whether it is stored: a new one is inserted without being read first (the
 * repository would otherwise merge it, reading the row before the insert), a loaded one is updated.
 */
@MappedSuperclass
public abstract class InsertedOnce implements Persistable<UUID> {

	@Transient
	private boolean stored;

	@PostLoad
	@PostPersist
	void markStored() {
		this.stored = true;
	}

	@Override
	public boolean isNew() {
		return !stored;
	}
}
