package org.rapport.support.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rapport.customers.ContactId;
import org.rapport.customers.ContactSummary;
import org.rapport.customers.Customers;
import org.rapport.identity.Actor;
import org.rapport.notifications.Notifications;
import org.rapport.sales.LeadId;
import org.rapport.sales.LeadRequesters;
import org.rapport.notifications.OutgoingMail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * E-mails an agent's public answer to the case's contact (or, for a lead's case, to the lead), with the case number in the subject and the headers by which
 * mail clients thread the conversation: a Message-ID of its own, kept on the comment, In-Reply-To the customer's latest
 * message and References to the case's earlier messages, and Reply-To the service mailbox where e-mail to case reads
 * one, so that the customer's reply comes back to the case.
 */
@Component
class CaseReplies {

	/** The case number in a subject, such as [CS-000123]. */
	static final Pattern NUMBER_IN_SUBJECT = Pattern.compile("\\[(CS-\\d{6,})\\]");

	private final Notifications notifications;
	private final Customers customers;
	private final CaseComments comments;
	private final Mailboxes mailboxes;
	private final JdbcTemplate jdbc;
	private final LeadRequesters leads;

	CaseReplies(Notifications notifications, Customers customers, CaseComments comments, Mailboxes mailboxes,
			JdbcTemplate jdbc, LeadRequesters leads) {
		this.leads = leads;
		this.notifications = notifications;
		this.customers = customers;
		this.comments = comments;
		this.mailboxes = mailboxes;
		this.jdbc = jdbc;
	}

	/**
	 * Sends the public comment to the case's contact, or to the lead of a lead's case, if they have an address;
	 * answers whether it did.
	 */
	boolean send(Actor actor, SupportCase found, CaseComment comment) {
		Optional<String> to = (found.isForLead()
				? leads.requester(new LeadId(found.getLeadId())).map(LeadRequesters.Requester::email)
				: Optional.ofNullable(found.getContactId())
					.flatMap(contact -> customers.findContact(actor, new ContactId(contact)))
					.map(ContactSummary::email))
			.filter(address -> address != null && !address.isBlank());
		if (to.isEmpty()) {
			return false;
		}
		// the customer's first message opened the case; the conversation goes on from it
		List<String> thread = new ArrayList<>(jdbc.queryForList("select message_id from case_inbound where case_id = ? "
				+ "and outcome = 'OPENED'", String.class, found.getId()));
		String inReplyTo = thread.isEmpty() ? null : thread.get(0);
		for (CaseComment earlier : comments.ofCase(found.getId())) {
			if (earlier.getMessageId() != null && !earlier.getId().equals(comment.getId())) {
				thread.add(earlier.getMessageId());
				if (earlier.isFromCustomer()) {
					inReplyTo = earlier.getMessageId();
				}
			}
		}
		String replyTo = mailboxes.findById(Mailbox.ID).filter(Mailbox::isEnabled).map(Mailbox::getAddress).orElse(null);
		String messageId = "<" + comment.getId() + "." + found.getNumber().toLowerCase(java.util.Locale.ROOT) + "@"
				+ domain(replyTo) + ">";
		comment.sentAs(messageId);
		comments.save(comment);
		String subject = (inReplyTo == null ? "" : "Re: ") + "[" + found.getNumber() + "] " + found.getSubject();
		notifications.mail(new OutgoingMail(to.get(), subject,
				comment.getBody() + "\n\n-- \n" + found.getNumber() + " \u00b7 " + found.getSubject(), null,
				new OutgoingMail.Thread(messageId, inReplyTo, thread, replyTo)));
		return true;
	}

	private static String domain(String replyTo) {
		return replyTo != null && replyTo.contains("@") ? replyTo.substring(replyTo.lastIndexOf('@') + 1)
				: "rapport.local";
	}
}
