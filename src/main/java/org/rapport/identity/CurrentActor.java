package org.rapport.identity;

import java.util.Optional;

/**
 * The signed-in user of the running request.
 */
public interface CurrentActor {

	/** The signed-in user; fails when nobody is signed in. */
	Actor get();

	/** The signed-in user, if any. */
	Optional<Actor> find();
}
