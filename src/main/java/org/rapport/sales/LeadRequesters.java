package org.rapport.sales;

import java.util.Optional;
import org.rapport.customers.AccountId;
import org.rapport.customers.ContactId;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;

/**
 * Leads as the people who ask customer service for something: found by their e-mail address, captured for a sender
 * nobody knows, and named with their address so that answers reach them. It answers for no user, as it serves the
 * service mailbox and the replies of cases, which check visibility themselves.
 */
public interface LeadRequesters {

	/** The oldest lead not yet converted whose e-mail address is this one (in any case of letters), if any. */
	Optional<LeadId> openLeadWithEmail(String email);

	/**
	 * Captures a new lead, owned by the user in the team, checked by the rules of the public lead form; an input that
	 * breaks them is refused naming its field.
	 */
	LeadId capture(NewLead lead, UserId owner, TeamId team);

	/** The lead as a case's requester, whoever may see it. */
	Optional<Requester> requester(LeadId lead);

	/** A lead who asks for something: their name and address, and what they became once converted. */
	record Requester(LeadId id, String name, String email, String company, AccountId convertedAccount,
			ContactId convertedContact) {

		public boolean converted() {
			return convertedAccount != null;
		}
	}
}
