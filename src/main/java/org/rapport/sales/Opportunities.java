package org.rapport.sales;

import org.rapport.identity.Actor;

/**
 * Opens opportunities for other parts of the product, such as lead conversion.
 */
public interface Opportunities {

	/** Opens an opportunity for the actor on an account they may see. */
	OpportunityId open(Actor actor, NewOpportunity opportunity);
}
