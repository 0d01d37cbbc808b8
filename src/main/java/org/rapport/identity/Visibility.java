package org.rapport.identity;

import java.util.Objects;

/**
 * Which business records a user sees, decided once from the user ({@link Actor#visibility()}): every record, the
 * records of one owner or of one team, or only one owner's records. The places that need it do not decide it again:
 * a record in memory asks {@link #allows}, and a query renders it in its own language through a {@link Renderer} —
 * {@link VisibleQuery} to HQL, the global search to an index query, a bulk reader to SQL.
 */
public sealed interface Visibility {

	/** Every record, as an administrator sees them. */
	static Visibility everything() {
		return Everything.INSTANCE;
	}

	/** The owner's records and those of the team; only the owner's where there is no team. */
	static Visibility ownerOrTeam(UserId owner, TeamId team) {
		return team == null ? new Owner(owner) : new OwnerOrTeam(owner, team);
	}

	/** Only the records the owner owns. */
	static Visibility owner(UserId owner) {
		return new Owner(owner);
	}

	/** Whether a record with this owner and team is among those seen. */
	boolean allows(UserId recordOwner, TeamId recordTeam);

	/** This visibility in the renderer's terms, such as a query's condition. */
	<T> T render(Renderer<T> renderer);

	/**
	 * Turns a visibility into a condition of some query language, one method per case, so that a query states the
	 * rule without deciding it.
	 */
	interface Renderer<T> {

		/** No condition: every record. */
		T everything();

		/** The records whose owner is the given user. */
		T owner(UserId owner);

		/** The records whose owner is the given user or whose team is the given team. */
		T ownerOrTeam(UserId owner, TeamId team);
	}

	/** Every record. */
	final class Everything implements Visibility {

		private static final Everything INSTANCE = new Everything();

		private Everything() {
		}

		@Override
		public boolean allows(UserId recordOwner, TeamId recordTeam) {
			return true;
		}

		@Override
		public <T> T render(Renderer<T> renderer) {
			return renderer.everything();
		}

		@Override
		public String toString() {
			return "Everything";
		}
	}

	/** The records of one owner. */
	record Owner(UserId owner) implements Visibility {

		public Owner {
			Objects.requireNonNull(owner, "owner");
		}

		@Override
		public boolean allows(UserId recordOwner, TeamId recordTeam) {
			return owner.equals(recordOwner);
		}

		@Override
		public <T> T render(Renderer<T> renderer) {
			return renderer.owner(owner);
		}
	}

	/** The records of one owner and those of one team. */
	record OwnerOrTeam(UserId owner, TeamId team) implements Visibility {

		public OwnerOrTeam {
			Objects.requireNonNull(owner, "owner");
			Objects.requireNonNull(team, "team");
		}

		@Override
		public boolean allows(UserId recordOwner, TeamId recordTeam) {
			return owner.equals(recordOwner) || team.equals(recordTeam);
		}

		@Override
		public <T> T render(Renderer<T> renderer) {
			return renderer.ownerOrTeam(owner, team);
		}
	}
}
