package org.rapport.customers.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.AccountDeleted;
import org.rapport.customers.AccountId;
import org.rapport.customers.MatchKeys;
import org.rapport.customers.AccountValues;
import org.rapport.customers.AccountsImported;
import org.rapport.customers.ContactDeleted;
import org.rapport.customers.ContactId;
import org.rapport.customers.ContactValues;
import org.rapport.customers.ContactsImported;
import org.rapport.customers.CustomerImports;
import org.rapport.identity.Actor;
import org.rapport.identity.VisibleQuery;
import org.rapport.shared.BulkRows;
import org.rapport.shared.MatchBy;
import org.rapport.shared.PostalAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk path of imports: plain batched statements without a domain event per record, so that a batch of a
 * thousand rows costs a handful of round trips; one event per batch tells other modules what changed.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class BulkCustomers implements CustomerImports {

	private static final String ACCOUNT_COLUMNS = "name, type, industry, website, phone, email, billing_street, "
			+ "billing_city, billing_postal_code, billing_region, billing_country, lifecycle_stage, source, "
			+ "description, external_id, owner_id, team_id, name_key, domain_key, custom_fields";

	private static final String CONTACT_COLUMNS = "account_id, first_name, last_name, title, email, phone, street, "
			+ "city, postal_code, region, country, do_not_contact, external_id, owner_id, team_id, email_key, person_key, "
			+ "custom_fields";

	/** The types of the columns above, a letter each (see {@link BulkRows}). */
	private static final String ACCOUNT_TYPES = "vvvvvvvvvvvvvvvuuvvj";

	private static final String CONTACT_TYPES = "uvvvvvvvvvvbvuuvvj";

	private final EntityManager em;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;
	private final BulkRows bulk;
	private final Clock clock;

	BulkCustomers(EntityManager em, NamedParameterJdbcTemplate named, ApplicationEventPublisher events,
			BulkRows bulk, Clock clock) {
		this.clock = clock;
		this.em = em;
		this.named = named;
		this.events = events;
		this.bulk = bulk;
	}

	@Override
	public List<AccountValues> findAccounts(Actor actor, MatchBy key, Collection<String> values) {
		String path = switch (key) {
			case EXTERNAL_ID -> "a.externalId";
			case EMAIL -> "lower(a.email)";
			case NAME -> "lower(a.name)";
			case NUMBER -> throw new IllegalArgumentException("No number to match by");
		};
		return this.<Account>find(new VisibleQuery("Account", "a", actor), Account.class, path, key, values)
			.stream()
			.map(BulkCustomers::values)
			.toList();
	}

	@Override
	public List<ContactValues> findContacts(Actor actor, MatchBy key, Collection<String> values) {
		String path = switch (key) {
			case EXTERNAL_ID -> "c.externalId";
			case EMAIL -> "lower(c.email)";
			case NAME -> "lower(c.lastName)";
			case NUMBER -> throw new IllegalArgumentException("No number to match by");
		};
		return this.<Contact>find(new VisibleQuery("Contact", "c", actor), Contact.class, path, key, values)
			.stream()
			.map(BulkCustomers::values)
			.toList();
	}

	private <T> List<T> find(VisibleQuery visible, Class<T> type, String path, MatchBy key,
			Collection<String> values) {
		Set<String> keys = new HashSet<>();
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				keys.add(key == MatchBy.EXTERNAL_ID ? value.strip() : value.strip().toLowerCase(Locale.ROOT));
			}
		}
		if (keys.isEmpty()) {
			return List.of();
		}
		visible.where(path + " in :matchKeys", "matchKeys", keys);
		String alias = type == Account.class ? "a" : "c";
		TypedQuery<T> query = em.createQuery("select " + alias + " from " + type.getSimpleName() + " " + alias
				+ visible.whereClause(), type);
		visible.parameters().forEach(query::setParameter);
		query.setHint("org.hibernate.readOnly", true);
		List<T> found = query.getResultList();
		found.forEach(em::detach);
		return found;
	}

	@Override
	public Set<String> takenAccountExternalIds(Collection<String> externalIds) {
		return taken("account", externalIds);
	}

	@Override
	public Set<String> takenContactExternalIds(Collection<String> externalIds) {
		return taken("contact", externalIds);
	}

	private Set<String> taken(String table, Collection<String> externalIds) {
		return bulk.existing(table, "external_id", externalIds);
	}

	@Override
	public void insertAccounts(Actor actor, List<AccountValues> accounts) {
		if (accounts.isEmpty()) {
			return;
		}
		bulk.insertRecords("account", ACCOUNT_COLUMNS, ACCOUNT_TYPES, accounts, this::accountColumns, AccountValues::id,
				actor.id().value(), now());
		events.publishEvent(new AccountsImported(accounts.stream().map(a -> new AccountId(a.id())).toList(), List.of()));
	}

	@Override
	public Set<UUID> updateAccounts(Actor actor, List<AccountValues> accounts) {
		if (accounts.isEmpty()) {
			return Set.of();
		}
		Set<UUID> written = bulk.updateRecords("account", ACCOUNT_COLUMNS, ACCOUNT_TYPES, accounts, this::accountColumns,
				AccountValues::id, AccountValues::version, actor.id().value(), now());
		events.publishEvent(new AccountsImported(List.of(), written.stream().map(AccountId::new).toList()));
		return written;
	}

	@Override
	public void insertContacts(Actor actor, List<ContactValues> contacts) {
		if (contacts.isEmpty()) {
			return;
		}
		bulk.insertRecords("contact", CONTACT_COLUMNS, CONTACT_TYPES, contacts, this::contactColumns, ContactValues::id,
				actor.id().value(), now());
		events.publishEvent(new ContactsImported(contacts.stream().map(c -> new ContactId(c.id())).toList(), List.of()));
	}

	@Override
	public Set<UUID> updateContacts(Actor actor, List<ContactValues> contacts) {
		if (contacts.isEmpty()) {
			return Set.of();
		}
		Set<UUID> written = bulk.updateRecords("contact", CONTACT_COLUMNS, CONTACT_TYPES, contacts, this::contactColumns,
				ContactValues::id, ContactValues::version, actor.id().value(), now());
		events.publishEvent(new ContactsImported(List.of(), written.stream().map(ContactId::new).toList()));
		return written;
	}

	@Override
	public List<AccountValues> accounts(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Account> found = em.createQuery("select a from Account a where a.id in :ids", Account.class)
			.setParameter("ids", ids)
			.getResultList();
		found.forEach(em::detach);
		return found.stream().map(BulkCustomers::values).toList();
	}

	@Override
	public List<ContactValues> contacts(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Contact> found = em.createQuery("select c from Contact c where c.id in :ids", Contact.class)
			.setParameter("ids", ids)
			.getResultList();
		found.forEach(em::detach);
		return found.stream().map(BulkCustomers::values).toList();
	}

	@Override
	public void deleteAccounts(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		named.update("delete from account where id in (:ids)", new MapSqlParameterSource("ids", ids));
		ids.forEach(id -> events.publishEvent(new AccountDeleted(new AccountId(id), false)));
		events.publishEvent(new AccountsImported(List.of(), List.of(), ids.stream().map(AccountId::new).toList()));
	}

	@Override
	public void deleteContacts(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		Map<UUID, UUID> accounts = new HashMap<>();
		named.query("select id, account_id from contact where id in (:ids)", new MapSqlParameterSource("ids", ids),
				rs -> {
					accounts.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
				});
		named.update("delete from contact where id in (:ids)", new MapSqlParameterSource("ids", ids));
		accounts.forEach((contact, account) -> events.publishEvent(
				new ContactDeleted(new ContactId(contact), account == null ? null : new AccountId(account))));
		events.publishEvent(new ContactsImported(List.of(), List.of(), ids.stream().map(ContactId::new).toList()));
	}

	@Override
	public Map<UUID, Long> contactsAt(Collection<UUID> accountIds) {
		Map<UUID, Long> counts = new HashMap<>();
		if (accountIds.isEmpty()) {
			return counts;
		}
		named.query("select account_id, count(*) from contact where account_id in (:ids) group by account_id",
				new MapSqlParameterSource("ids", accountIds), rs -> {
					counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
				});
		return counts;
	}

	private Object[] accountColumns(AccountValues a) {
		PostalAddress address = a.billingAddress() == null ? PostalAddress.EMPTY : a.billingAddress();
		return new Object[] { a.name(), name(a.type()), name(a.industry()), a.website(), a.phone(), a.email(),
				address.street(), address.city(), address.postalCode(), address.region(), address.country(),
				name(a.lifecycleStage()), name(a.source()), a.description(), a.externalId(), a.ownerId(),
				a.teamId(), MatchKeys.companyName(a.name()), MatchKeys.domain(a.website()), bulk.json(a.customFields()) };
	}

	private Object[] contactColumns(ContactValues c) {
		PostalAddress address = c.address() == null ? PostalAddress.EMPTY : c.address();
		return new Object[] { c.accountId(), c.firstName(), c.lastName(), c.title(), c.email(), c.phone(),
				address.street(), address.city(), address.postalCode(), address.region(), address.country(),
				c.doNotContact(), c.externalId(), c.ownerId(), c.teamId(), MatchKeys.email(c.email()),
				MatchKeys.person(c.firstName(), c.lastName()), bulk.json(c.customFields()) };
	}

	static AccountValues values(Account a) {
		return new AccountValues(a.getId(), a.getVersion(), a.getOwnerId(), a.getTeamId(), a.getExternalId(),
				a.getName(), a.getType(), a.getIndustry(), a.getWebsite(), a.getPhone(), a.getEmail(),
				a.getBillingAddress(), a.getLifecycleStage(), a.getSource(), a.getDescription(), a.getCustomFields());
	}

	static ContactValues values(Contact c) {
		return new ContactValues(c.getId(), c.getVersion(), c.getOwnerId(), c.getTeamId(), c.getExternalId(),
				c.accountId() == null ? null : c.accountId().value(), c.getFirstName(), c.getLastName(), c.getTitle(),
				c.getEmail(), c.getPhone(), c.getAddress(), c.isDoNotContact(), c.getCustomFields());
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
