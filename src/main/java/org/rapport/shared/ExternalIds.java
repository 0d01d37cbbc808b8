package org.rapport.shared;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one rule for the id another system gives a record (its external id), which imports and the API both apply:
 * kept without surrounding spaces, at most {@link #MAX_LENGTH} characters, empty meaning none, and held by one record
 * of a kind at most. A record that holds it and that the actor may see is named as such; one they may not see is
 * answered as if it were unknown, so that its existence stays hidden as far as a unique value allows.
 */
public final class ExternalIds {

	/** The longest external id a record keeps. */
	public static final int MAX_LENGTH = 100;

	/** The field that carries it, in forms, bodies and import columns. */
	public static final String FIELD = "externalId";

	private ExternalIds() {
	}

	/**
	 * The cell by which an export names a record so that an import of the file finds it again: its external id when
	 * it has one (which another system or a second Rapport knows it by too), else its id; null for no record.
	 */
	public static String reference(UUID id, String externalId) {
		return id == null ? null : externalId != null ? externalId : id.toString();
	}

	/** The external id as records keep it: without surrounding spaces, null for none; refused when too long. */
	public static String normalized(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String externalId = value.strip();
		if (externalId.length() > MAX_LENGTH) {
			throw new InvalidField(FIELD, "validation.externalId.tooLong",
					"An external ID has at most " + MAX_LENGTH + " characters", MAX_LENGTH);
		}
		return externalId;
	}

	/**
	 * The external id a record keeps when a form or a body gives {@code given}: the current one when it gives none
	 * (null), none when it gives an empty one, else the one given, normalized.
	 */
	public static String changed(String current, String given) {
		return given == null ? current : normalized(given);
	}

	/**
	 * The external id as the record {@code self} (null for a new one) may keep it, normalized; refused when another
	 * record of its kind holds it. {@code holderOf} finds the record that holds an external id, {@code visible} says
	 * whether the actor may see it.
	 */
	public static <R extends BusinessRecord<R>> String requireFree(String value, UUID self,
			Function<String, Optional<R>> holderOf, Predicate<R> visible) {
		String externalId = normalized(value);
		if (externalId != null) {
			Optional<R> holder = holderOf.apply(externalId).filter(other -> !other.getId().equals(self));
			if (holder.isPresent()) {
				throw taken(externalId, visible.test(holder.get()));
			}
		}
		return externalId;
	}

	/**
	 * The refusal of an external id that another record of the kind holds: named as taken when the actor may see
	 * that record, as unknown to them otherwise.
	 */
	public static InvalidField taken(String externalId, boolean holderVisible) {
		return holderVisible
				? new InvalidField(FIELD, "validation.externalId.taken",
						"External ID " + externalId + " belongs to another record already", externalId)
				: new InvalidField(FIELD, "validation.externalId.unavailable",
						"External ID " + externalId + " cannot be given to this record", externalId);
	}
}
