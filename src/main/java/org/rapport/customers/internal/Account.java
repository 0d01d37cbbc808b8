package org.rapport.customers.internal;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Norms;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.rapport.customers.AccountChanged;
import org.rapport.customers.AccountCreated;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountSource;
import org.rapport.customers.AccountType;
import org.rapport.customers.Industry;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.LifecycleStageChanged;
import org.rapport.customers.MatchKeys;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.shared.BusinessRecord;
import org.rapport.shared.ExternalIds;
import org.rapport.shared.InvalidField;
import org.rapport.shared.PostalAddress;

/**
 * A company or person the business sells to.
 */
@Entity
@Table(name = "account")
@Indexed(index = "account")
public class Account extends BusinessRecord<Account> {

	@Column(nullable = false)
	@FullTextField(analyzer = "name", searchAnalyzer = "name_query", projectable = Projectable.YES)
	@FullTextField(name = "name_prefix", analyzer = "name_prefix", searchAnalyzer = "name_query")
	@FullTextField(name = "name_grams", analyzer = "name_grams", norms = Norms.NO)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AccountType type;

	@Enumerated(EnumType.STRING)
	private Industry industry;

	private String website;

	@FullTextField(analyzer = "phone", projectable = Projectable.YES)
	@FullTextField(name = "phone_prefix", analyzer = "name_prefix", searchAnalyzer = "name_query")
	@FullTextField(name = "phone_grams", analyzer = "phone_grams", norms = Norms.NO)
	private String phone;

	@KeywordField(normalizer = "lowercase", projectable = Projectable.YES)
	private String email;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "street", column = @Column(name = "billing_street")),
			@AttributeOverride(name = "city", column = @Column(name = "billing_city")),
			@AttributeOverride(name = "postalCode", column = @Column(name = "billing_postal_code")),
			@AttributeOverride(name = "region", column = @Column(name = "billing_region")),
			@AttributeOverride(name = "country", column = @Column(name = "billing_country")) })
	private PostalAddress billingAddress;

	@Enumerated(EnumType.STRING)
	@Column(name = "lifecycle_stage", nullable = false)
	private LifecycleStage lifecycleStage;

	@Enumerated(EnumType.STRING)
	private AccountSource source;

	private String description;

	/** The id another system gives the record; imports match on it and references name it by it. */
	@Column(name = "external_id")
	private String externalId;

	/** Duplicate detection's keys, see {@link MatchKeys}. */
	@Column(name = "name_key")
	private String nameKey;

	@Column(name = "domain_key")
	private String domainKey;

	protected Account() {
	}

	private Account(AccountDetails details, UserId owner, TeamId team) {
		super(owner.value(), team == null ? null : team.value());
		apply(details);
		this.lifecycleStage = stageOf(details);
		registerEvent(new AccountCreated(id(), name, owner));
	}

	static Account open(AccountDetails details, UserId owner, TeamId team) {
		return new Account(details, owner, team);
	}

	/**
	 * Takes new values for the account's descriptive fields and its owner; the stage in the details is left to
	 * {@link #moveTo}, which the caller calls first so that {@link AccountChanged} names the stage reached.
	 */
	void revise(AccountDetails details, UserId owner, TeamId team) {
		apply(details);
		assignOwner(owner.value(), team == null ? null : team.value());
		registerEvent(new AccountChanged(id(), name, owner, lifecycleStage));
	}

	private void apply(AccountDetails details) {
		this.name = details.name().strip();
		this.type = details.type() == null ? AccountType.COMPANY : details.type();
		this.industry = details.industry();
		this.website = details.website();
		this.phone = details.phone();
		this.email = details.email();
		this.billingAddress = details.billingAddress() == null ? PostalAddress.EMPTY : details.billingAddress();
		this.source = details.source();
		this.description = details.description();
		this.externalId = ExternalIds.changed(externalId, details.externalId());
		this.nameKey = MatchKeys.companyName(name);
		this.domainKey = MatchKeys.domain(website);
	}

	/** The stage the details ask for: a form or an import that names none asks for a prospect. */
	static LifecycleStage stageOf(AccountDetails details) {
		return details.lifecycleStage() == null ? LifecycleStage.PROSPECT : details.lifecycleStage();
	}

	/**
	 * Moves the account to another lifecycle stage for the reason given, at {@code now}, by the person named
	 * ({@code null} when a rule moves it), and registers {@link LifecycleStageChanged}; answers the history entry
	 * of the move, or nothing when the account already holds the stage.
	 */
	Optional<LifecycleChange> moveTo(LifecycleStage to, String reason, Instant now, UUID by) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidField("reason", "validation.lifecycle.reason", "Say why the stage changes");
		}
		if (Objects.requireNonNull(to, "the stage to move to") == lifecycleStage) {
			return Optional.empty();
		}
		LifecycleStage from = lifecycleStage;
		String why = reason.strip();
		this.lifecycleStage = to;
		registerEvent(new LifecycleStageChanged(id(), from, to, why, now));
		return Optional.of(new LifecycleChange(getId(), from, to, why, now, by));
	}

	public AccountId id() {
		return new AccountId(getId());
	}

	public UserId owner() {
		return new UserId(getOwnerId());
	}

	public TeamId team() {
		return getTeamId() == null ? null : new TeamId(getTeamId());
	}

	public String getName() {
		return name;
	}

	public AccountType getType() {
		return type;
	}

	public Industry getIndustry() {
		return industry;
	}

	public String getWebsite() {
		return website;
	}

	public String getPhone() {
		return phone;
	}

	public String getEmail() {
		return email;
	}

	public PostalAddress getBillingAddress() {
		return billingAddress == null ? PostalAddress.EMPTY : billingAddress;
	}

	public LifecycleStage getLifecycleStage() {
		return lifecycleStage;
	}

	public AccountSource getSource() {
		return source;
	}

	public String getDescription() {
		return description;
	}

	/** What the global search calls this kind of record; it filters and counts by it. */
	@KeywordField(name = "kind", aggregable = Aggregable.YES)
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public String getSearchKind() {
		return AccountId.TYPE;
	}

	public String getExternalId() {
		return externalId;
	}

	public String getNameKey() {
		return nameKey;
	}

	public String getDomainKey() {
		return domainKey;
	}
}
