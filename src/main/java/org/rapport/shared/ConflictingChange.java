package org.rapport.shared;

/**
 * The change collides with one made meanwhile: the record moved on since the actor saw it (a stale version, a job
 * that started already) or another record took what it asks for.
 */
public class ConflictingChange extends DomainException {

	public ConflictingChange(String messageKey, String defaultMessage, Object... arguments) {
		super(messageKey, arguments, defaultMessage);
	}
}
