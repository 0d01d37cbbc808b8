package org.rapport.customers.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Norms;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.rapport.customers.AccountId;
import org.rapport.customers.ContactChanged;
import org.rapport.customers.ContactCreated;
import org.rapport.customers.ContactId;
import org.rapport.customers.MatchKeys;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.shared.BusinessRecord;
import org.rapport.shared.ExternalIds;
import org.rapport.shared.PostalAddress;

/**
 * A person at an account, or on their own, whom the business talks to.
 */
@Entity
@Table(name = "contact")
@Indexed(index = "contact")
public class Contact extends BusinessRecord<Contact> {

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "account_id")
	private Account account;

	/** The account's id, readable without loading the account. */
	@Column(name = "account_id", insertable = false, updatable = false)
	@KeywordField(name = "accountId", projectable = Projectable.YES, searchable = Searchable.NO)
	private UUID accountKey;

	@Column(name = "first_name")
	private String firstName;

	@Column(name = "last_name", nullable = false)
	private String lastName;

	private String title;

	@KeywordField(normalizer = "lowercase", projectable = Projectable.YES)
	private String email;

	@FullTextField(analyzer = "phone", projectable = Projectable.YES)
	@FullTextField(name = "phone_prefix", analyzer = "name_prefix", searchAnalyzer = "name_query")
	@FullTextField(name = "phone_grams", analyzer = "phone_grams", norms = Norms.NO)
	private String phone;

	@Embedded
	private PostalAddress address;

	@Column(name = "do_not_contact", nullable = false)
	private boolean doNotContact;

	/** The id another system gives the record; imports match on it. */
	@Column(name = "external_id")
	private String externalId;

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
		this.externalId = ExternalIds.changed(externalId, details.externalId());
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

	@FullTextField(name = "name", analyzer = "name", searchAnalyzer = "name_query", projectable = Projectable.YES)
	@FullTextField(name = "name_prefix", analyzer = "name_prefix", searchAnalyzer = "name_query")
	@FullTextField(name = "name_grams", analyzer = "name_grams", norms = Norms.NO)
	@IndexingDependency(derivedFrom = { @ObjectPath(@PropertyValue(propertyName = "firstName")),
			@ObjectPath(@PropertyValue(propertyName = "lastName")) })
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

	/** What the global search calls this kind of record; it filters and counts by it. */
	@KeywordField(name = "kind", aggregable = Aggregable.YES)
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public String getSearchKind() {
		return ContactId.TYPE;
	}

	public String getExternalId() {
		return externalId;
	}

	public String getEmailKey() {
		return emailKey;
	}

	public String getPersonKey() {
		return personKey;
	}
}
