package org.rapport.support.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountSource;
import org.rapport.customers.AccountSummary;
import org.rapport.customers.AccountType;
import org.rapport.customers.ContactId;
import org.rapport.customers.ContactMatch;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.customers.NewContact;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.UserSummary;
import org.rapport.identity.VisibilityScope;
import org.rapport.sales.LeadId;
import org.rapport.sales.LeadRequesters;
import org.rapport.sales.NewLead;
import org.rapport.shared.ContactPoints;
import org.rapport.shared.InvalidField;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the cases that customers bring themselves, by e-mail or through the public form: for the sender's contact,
 * matched by address, else for a new contact at an account of the sender's company domain (or of the sender, for a
 * free-mail address) — or, for e-mail when the service mailbox says so, for the sender's lead (one not converted
 * with their address, else a new one); owned by the service mailbox's agent (else the first administrator) and waiting in its queue for
 * an agent to take them.
 */
@Component
class CaseIntake {

	/** Domains of free e-mail services, whose senders are people rather than companies. */
	private static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
			"live.com", "yahoo.com", "icloud.com", "me.com", "gmx.de", "gmx.net", "web.de", "qq.com", "163.com",
			"126.com", "sina.com", "aol.com", "proton.me", "protonmail.com");

	private final Mailboxes mailboxes;
	private final CaseBook book;
	private final Customers customers;
	private final UserDirectory directory;
	private final LeadRequesters leads;

	CaseIntake(Mailboxes mailboxes, CaseBook book, Customers customers, UserDirectory directory,
			LeadRequesters leads) {
		this.leads = leads;
		this.mailboxes = mailboxes;
		this.book = book;
		this.customers = customers;
		this.directory = directory;
	}

	/** Opens a case for the address, in the caller's transaction; answers its id. */
	@Transactional(propagation = Propagation.MANDATORY)
	UUID open(String email, String displayName, String subject, String text, CaseChannel channel, Instant at) {
		String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (!ContactPoints.isEmail(address)) {
			throw new InvalidField("email", ContactPoints.EMAIL_MESSAGE, "Not an e-mail address");
		}
		Mailbox mailbox = mailboxes.findById(Mailbox.ID).orElseGet(Mailbox::unset);
		Actor intake = intake(mailbox);
		ContactMatch contact = customers.possibleDuplicateContacts(intake, address, null, null, null, 5)
			.stream()
			.filter(match -> match.account() != null && address.equalsIgnoreCase(match.email()))
			.findFirst()
			.orElse(null);
		String line = subject == null || subject.isBlank() ? "(no subject)" : subject.strip();
		if (line.length() > SupportCase.MAX_SUBJECT) {
			line = line.substring(0, SupportCase.MAX_SUBJECT);
		}
		if (contact == null && channel == CaseChannel.EMAIL
				&& mailbox.getUnknownSenders() == Mailbox.UnknownSenders.LEAD) {
			LeadId lead = leads.openLeadWithEmail(address).orElseGet(() -> newLead(intake, mailbox, address,
					displayName));
			return book.create(intake, new SupportCase.Details(null, null, null, line, text(text),
					CasePriority.NORMAL, channel, null, lead.value()), Map.of(), mailbox.getQueueTeamId(), false, at)
				.getId();
		}
		AccountId account;
		ContactId contactId;
		if (contact != null) {
			account = contact.account();
			contactId = contact.id();
		}
		else {
			String[] names = names(address, displayName);
			account = accountFor(intake, address, names);
			contactId = customers.addContact(intake, new NewContact(account, names[0], names[1], null, address, null,
					intake.id()));
		}
		return book.create(intake, new SupportCase.Details(account.value(), contactId.value(), null, line, text(text),
				CasePriority.NORMAL, channel, null), Map.of(), mailbox.getQueueTeamId(), false, at).getId();
	}

	/**
	 * A new lead for an unknown sender: their name, their address, their company from its domain unless it is a
	 * free-mail one; from e-mail, owned by the mailbox's agent in its queue (else the agent's team).
	 */
	private LeadId newLead(Actor intake, Mailbox mailbox, String address, String displayName) {
		String[] names = names(address, displayName);
		String domain = address.substring(address.indexOf('@') + 1);
		String last = names[1] == null || names[1].isBlank() ? address.substring(0, address.indexOf('@')) : names[1];
		UUID queue = mailbox.getQueueTeamId();
		return leads.capture(new NewLead(cut(names[0], NewLead.MAX_NAME), cut(last, NewLead.MAX_NAME),
				FREE_MAIL.contains(domain) ? null : cut(domain, NewLead.MAX_COMPANY), address, AccountSource.EMAIL,
				null), intake.id(), queue != null ? new TeamId(queue) : intake.team());
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	/** The account of an unknown sender: their company's, by the domain of their address, or their own. */
	private AccountId accountFor(Actor intake, String address, String[] names) {
		String domain = address.substring(address.indexOf('@') + 1);
		boolean person = FREE_MAIL.contains(domain);
		String name = person ? ((names[0] == null ? "" : names[0] + " ") + names[1]).strip() : domain;
		if (!person) {
			Optional<AccountSummary> known = customers.accountsNamed(intake, domain, 5)
				.stream()
				.filter(account -> account.name().equalsIgnoreCase(domain))
				.findFirst();
			if (known.isPresent()) {
				return known.get().id();
			}
		}
		return customers.openAccount(intake, new NewAccount(name.isBlank() ? address : name,
				person ? AccountType.PERSON : AccountType.COMPANY, person ? null : domain, null, null, null,
				intake.id()));
	}

	/** The sender's first and last name from the display name, else from the address. */
	private static String[] names(String address, String displayName) {
		String name = displayName == null || displayName.isBlank()
				? address.substring(0, address.indexOf('@')).replaceAll("[._-]+", " ").strip()
				: displayName.strip();
		if (name.length() > 200) {
			name = name.substring(0, 200);
		}
		int space = name.lastIndexOf(' ');
		return space < 0 ? new String[] { null, name } : new String[] { name.substring(0, space), name.substring(space + 1) };
	}

	/** A customer's text as a case description: "(no text)" for none, cut at the longest a description holds. */
	static String text(String text) {
		String body = text == null || text.isBlank() ? "(no text)" : text.strip();
		return body.length() > SupportCase.MAX_DESCRIPTION ? body.substring(0, SupportCase.MAX_DESCRIPTION) : body;
	}

	/** Who opens these cases: the mailbox's agent, else the first administrator, seeing every account. */
	private Actor intake(Mailbox mailbox) {
		UserSummary owner = Optional.ofNullable(mailbox.getOwnerId())
			.flatMap(id -> directory.find(new UserId(id)))
			.filter(UserSummary::active)
			.or(directory::firstActiveAdministrator)
			.orElseThrow(() -> new IllegalStateException("No active user to own the cases customers open"));
		return new Actor(owner.id(), owner.displayName(), owner.team(), Set.of(Role.SUPPORT), VisibilityScope.ALL,
				java.time.ZoneOffset.UTC, Locale.ENGLISH);
	}
}
