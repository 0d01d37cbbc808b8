package org.rapport.sales.leads.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Norms;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountSource;
import org.rapport.customers.ContactId;
import org.rapport.customers.MatchKeys;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.sales.LeadConverted;
import org.rapport.sales.LeadId;
import org.rapport.sales.OpportunityId;
import org.rapport.shared.ExternalIds;
import org.rapport.shared.BusinessRecord;

/**
 * Somebody who may become a customer, from the web form, a trade show or a list, until they are qualified and
 * converted into an account with a contact (and perhaps an opportunity), or disqualified.
 */
@Entity
@Table(name = "lead")
@Indexed(index = "lead")
public class Lead extends BusinessRecord<Lead> {

	@Column(name = "first_name")
	private String firstName;

	@Column(name = "last_name", nullable = false)
	private String lastName;

	@FullTextField(name = "company", analyzer = "name", searchAnalyzer = "name_query", projectable = Projectable.YES)
	@FullTextField(name = "company_prefix", analyzer = "name_prefix", searchAnalyzer = "name_query")
	@FullTextField(name = "company_grams", analyzer = "name_grams", norms = Norms.NO)
	private String company;

	private String title;

	@KeywordField(normalizer = "lowercase", projectable = Projectable.YES)
	private String email;

	@FullTextField(analyzer = "phone", projectable = Projectable.YES)
	@FullTextField(name = "phone_prefix", analyzer = "name_prefix", searchAnalyzer = "name_query")
	@FullTextField(name = "phone_grams", analyzer = "phone_grams", norms = Norms.NO)
	private String phone;

	@Enumerated(EnumType.STRING)
	private AccountSource source;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private LeadStatus status;

	@Enumerated(EnumType.STRING)
	private LeadRating rating;

	private String notes;

	@Column(name = "disqualified_reason")
	private String disqualifiedReason;

	@Column(name = "converted_account_id")
	private UUID convertedAccountId;

	@Column(name = "converted_contact_id")
	private UUID convertedContactId;

	@Column(name = "converted_opportunity_id")
	private UUID convertedOpportunityId;

	@Column(name = "converted_at")
	private Instant convertedAt;

	/** The id another system gives the lead; imports match on it. */
	@Column(name = "external_id")
	private String externalId;

	/** Duplicate detection's keys, see {@link MatchKeys}. */
	@Column(name = "email_key")
	private String emailKey;

	@Column(name = "person_key")
	private String personKey;

	@Column(name = "company_key")
	private String companyKey;

	protected Lead() {
	}

	private Lead(LeadDetails details, UserId owner, TeamId team) {
		super(owner.value(), team == null ? null : team.value());
		apply(details);
		this.status = LeadStatus.NEW;
	}

	/** A new lead, not yet worked. */
	public static Lead capture(LeadDetails details, UserId owner, TeamId team) {
		return new Lead(details, owner, team);
	}

	/** Takes new values for the descriptive fields and the owner; a converted lead keeps what it was. */
	void revise(LeadDetails details, UserId owner, TeamId team) {
		requireNotConverted();
		apply(details);
		assignOwner(owner.value(), team == null ? null : team.value());
	}

	private void apply(LeadDetails details) {
		this.firstName = trimToNull(details.firstName());
		this.lastName = Objects.requireNonNull(trimToNull(details.lastName()), "A lead needs a last name");
		this.company = trimToNull(details.company());
		this.title = trimToNull(details.title());
		this.email = trimToNull(details.email());
		this.phone = trimToNull(details.phone());
		this.source = details.source();
		this.rating = details.rating();
		this.notes = trimToNull(details.notes());
		this.externalId = ExternalIds.changed(externalId, details.externalId());
		this.emailKey = MatchKeys.email(email);
		this.personKey = MatchKeys.person(firstName, lastName);
		this.companyKey = MatchKeys.companyName(company);
	}

	/** Somebody has talked to the lead. */
	public void markContacted() {
		requireNotConverted();
		this.status = LeadStatus.CONTACTED;
		this.disqualifiedReason = null;
	}

	/** Back to not yet worked, for a lead qualified or disqualified by mistake. */
	public void reopen() {
		requireNotConverted();
		this.status = LeadStatus.NEW;
		this.disqualifiedReason = null;
	}

	/** The lead is worth pursuing and may now be converted. */
	public void qualify() {
		requireNotConverted();
		this.status = LeadStatus.QUALIFIED;
		this.disqualifiedReason = null;
	}

	/** The lead is not worth pursuing, for the reason given. */
	public void disqualify(String reason) {
		requireNotConverted();
		String why = trimToNull(reason);
		if (why == null) {
			throw new IllegalArgumentException("Disqualifying a lead needs a reason");
		}
		this.status = LeadStatus.DISQUALIFIED;
		this.disqualifiedReason = why;
	}

	/**
	 * Records that the qualified lead became the account's contact, and perhaps an opportunity; a lead converts
	 * once, and only once qualified.
	 */
	public void convert(AccountId account, ContactId contact, OpportunityId opportunity, Instant at) {
		requireConvertible();
		becomeConverted(account, contact, opportunity, at);
		registerEvent(new LeadConverted(id(), account, contact, opportunity, owner(), at));
	}

	/**
	 * Records that the lead was converted in the system it came from, into the account and contact (and perhaps the
	 * opportunity) imported from there, at the time given: whatever its status here, unless it was converted here
	 * already. Nothing is announced, as an import announces no conversion: what the lead became came before it.
	 */
	public void markConvertedElsewhere(AccountId account, ContactId contact, OpportunityId opportunity, Instant at) {
		requireNotConverted();
		becomeConverted(account, contact, opportunity, at);
		this.disqualifiedReason = null;
	}

	/** Links the lead to what it became, and when: converted, however it was. */
	private void becomeConverted(AccountId account, ContactId contact, OpportunityId opportunity, Instant at) {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(contact, "contact");
		Objects.requireNonNull(at, "at");
		this.status = LeadStatus.CONVERTED;
		this.convertedAccountId = account.value();
		this.convertedContactId = contact.value();
		this.convertedOpportunityId = opportunity == null ? null : opportunity.value();
		this.convertedAt = at;
	}

	/** Fails unless the lead is qualified and not yet converted. */
	public void requireConvertible() {
		requireNotConverted();
		if (status != LeadStatus.QUALIFIED) {
			throw new LeadStatusConflict("lead.convert.notQualified", "lead.state.notQualified",
					"Only a qualified lead can be converted; this one is " + status, String.valueOf(status));
		}
	}

	/** Whether the lead may still be converted: qualified and not converted yet. */
	public boolean isConvertible() {
		return status == LeadStatus.QUALIFIED;
	}

	public boolean isConverted() {
		return status == LeadStatus.CONVERTED;
	}

	private void requireNotConverted() {
		if (status == LeadStatus.CONVERTED) {
			throw new LeadStatusConflict("lead.converted.already", "lead.state.converted", "The lead was converted on "
					+ convertedAt + " and cannot change or be converted again", String.valueOf(convertedAt));
		}
	}

	private static String trimToNull(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	public LeadId id() {
		return new LeadId(getId());
	}

	public UserId owner() {
		return new UserId(getOwnerId());
	}

	public TeamId team() {
		return getTeamId() == null ? null : new TeamId(getTeamId());
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

	public String getCompany() {
		return company;
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

	public AccountSource getSource() {
		return source;
	}

	public LeadStatus getStatus() {
		return status;
	}

	public LeadRating getRating() {
		return rating;
	}

	public String getNotes() {
		return notes;
	}

	public String getDisqualifiedReason() {
		return disqualifiedReason;
	}

	public UUID getConvertedAccountId() {
		return convertedAccountId;
	}

	public UUID getConvertedContactId() {
		return convertedContactId;
	}

	public UUID getConvertedOpportunityId() {
		return convertedOpportunityId;
	}

	public Instant getConvertedAt() {
		return convertedAt;
	}

	/** What the global search calls this kind of record; it filters and counts by it. */
	@KeywordField(name = "kind", aggregable = Aggregable.YES)
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public String getSearchKind() {
		return LeadId.TYPE;
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

	public String getCompanyKey() {
		return companyKey;
	}
}
