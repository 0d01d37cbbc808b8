package org.rapport.sales;

import java.util.List;

/**
 * What another module keeps for leads, which a lead's delete asks about first: a lead that such records name stays
 * until it is converted (they move to what it became) or merged into another lead (they move to that one).
 */
public interface LeadDependents {

	/** What this module keeps for the lead, a count per kind; kinds without records may be left out. */
	List<LeadHolding> holdingsOf(LeadId lead);
}
