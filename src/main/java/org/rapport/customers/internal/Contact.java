package org.rapport.customers.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.rapport.customers.AccountId;
import org.rapport.customers.ContactChanged;
import org.rapport.customers.ContactCreated;
import org.rapport.customers.ContactId;
import org.rapport.customers.MatchKeys;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.shared.BusinessRecord;
import org.rapport.shared.PostalAddress;

/**
 * A person at an account, or on their own, whom the business talks to.
 */
@Entity
@Table(name = "contact")
public class Contact extends BusinessRecord<Contact> {

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "account_id")
	private Account account;

	/** The account's id, readable without loading the account. */
	@Column(name = "account_id", insertable = false, updatable = false)
	private UUID accountKey;

	@Column(name = "first_name")
	private String firstName;

	@Column(name = "last_name", nullable = false)
	private String lastName;

	private String title;

	private String email;

	private String phone;

	@Embedded
	private PostalAddress address;

	@Column(name = "do_not_contact", nullable = false)
	private boolean doNotContact;

	/** Duplicate detection's keys, see {@link MatchKeys}. */
	@Column(name = "email_key")
	private String emailKey;

	@Column(name = "person_key")
	private String personKey;

	protected Contact() {
	}

	private Contact(ContactDetails details, Account account, UserId owner, TeamId team) {
		super(owner.value(), team == null ? null : team.value());
		apply(details, account);
		registerEvent(new ContactCreated(id(), accountId(), owner));
	}

	static Contact create(ContactDetails details, Account account, UserId owner, TeamId team) {
		return new Contact(details, account, owner, team);
	}

	void revise(ContactDetails details, Account account, UserId owner, TeamId team) {
		apply(details, account);
		assignOwner(owner.value(), team == null ? null : team.value());
		registerEvent(new ContactChanged(id(), accountId(), owner));
	}

	private void apply(ContactDetails details, Account account) {
		this.account = account;
		this.accountKey = account == null ? null : account.getId();
		this.firstName = details.firstName() == null || details.firstName().isBlank() ? null
				: details.firstName().strip();
		this.lastName = details.lastName().strip();
		this.title = details.title();
		this.email = details.email();
		this.phone = details.phone();
		this.address = details.address() == null ? PostalAddress.EMPTY : details.address();
		this.doNotContact = details.doNotContact();
		this.emailKey = MatchKeys.email(email);
		this.personKey = MatchKeys.person(firstName, lastName);
	}

	public ContactId id() {
		return new ContactId(getId());
	}

	public AccountId accountId() {
		return accountKey == null ? null : new AccountId(accountKey);
	}

	public UserId owner() {
		return new UserId(getOwnerId());
	}

	public TeamId team() {
		return getTeamId() == null ? null : new TeamId(getTeamId());
	}

	public Account getAccount() {
		return account;
	}

	public String getFirstName() {
		return firstName;
	}

	public String getLastName() {
		return lastName;
	}

	public String getFullName() {
		return firstName == null ? lastName : firstName + " " + lastName;
	}

	public String getTitle() {
		return title;
	}

	public String getEmail() {
		return email;
	}

	public String getPhone() {
		return phone;
	}

	public PostalAddress getAddress() {
		return address == null ? PostalAddress.EMPTY : address;
	}

	public boolean isDoNotContact() {
		return doNotContact;
	}

	public String getEmailKey() {
		return emailKey;
	}

	public String getPersonKey() {
		return personKey;
	}
}
