package org.rapport.customers;

import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import org.rapport.identity.Actor;
import org.rapport.shared.BusinessRecord;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * What a merge of two records of one kind checks before it changes anything: two different records, both visible
 * to the actor (else not found), both such as the actor may merge (else not permitted), and both at the version the
 * user saw (else a lost-update failure).
 */
public final class MergeCheck<R extends BusinessRecord<R>> {

	/** The record that remains and the one that goes into it. */
	public record Pair<R>(R survivor, R merged) {
	}

	private final Class<R> type;
	private final String kind;
	private final BiFunction<Actor, UUID, R> lookup;
	private final BiPredicate<Actor, R> mayMerge;

	/**
	 * The check for one kind of record ({@code account}): {@code lookup} finds a record the actor sees,
	 * {@code mayMerge} says whether the actor may merge it.
	 */
	public MergeCheck(Class<R> type, String kind, BiFunction<Actor, UUID, R> lookup, BiPredicate<Actor, R> mayMerge) {
		this.type = type;
		this.kind = kind;
		this.lookup = lookup;
		this.mayMerge = mayMerge;
	}

	/** The two records of a merge, once they pass the checks. */
	public Pair<R> pair(Actor actor, UUID survivorId, long survivorVersion, UUID mergedId, long mergedVersion) {
		if (survivorId.equals(mergedId)) {
			throw sameRecord(kind);
		}
		R survivor = lookup.apply(actor, survivorId);
		R merged = lookup.apply(actor, mergedId);
		requireMayMerge(actor, survivor);
		requireMayMerge(actor, merged);
		if (survivor.getVersion() != survivorVersion) {
			throw new ObjectOptimisticLockingFailureException(type, survivorId);
		}
		if (merged.getVersion() != mergedVersion) {
			throw new ObjectOptimisticLockingFailureException(type, mergedId);
		}
		return new Pair<>(survivor, merged);
	}

	/** The refusal of a merge of a record into itself. */
	public static InvalidField sameRecord(String kind) {
		String article = "aeiou".indexOf(kind.charAt(0)) >= 0 ? "An " : "A ";
		return new InvalidField("mergedId", "validation.merge.same", article + kind + " cannot be merged into itself");
	}

	private void requireMayMerge(Actor actor, R record) {
		if (!mayMerge.test(actor, record)) {
			throw new NotPermitted("merge.notPermitted",
					"Only administrators, and managers of the records' team, may merge");
		}
	}
}
