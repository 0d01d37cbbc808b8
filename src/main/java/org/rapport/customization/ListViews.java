package org.rapport.customization;

import java.util.Optional;
import org.rapport.identity.Actor;

/**
 * The saved views of the lists, for the pages that show those lists.
 */
public interface ListViews {

	/** The query string of the actor's default view of a list ({@code accounts}, {@code leads}...), if they set one. */
	Optional<String> defaultQuery(Actor actor, String list);
}
