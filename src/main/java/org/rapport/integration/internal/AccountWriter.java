package org.rapport.integration.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.AccountSource;
import org.rapport.customers.AccountType;
import org.rapport.customers.AccountValues;
import org.rapport.customers.CustomerImports;
import org.rapport.customers.Industry;
import org.rapport.customers.LifecycleStage;
import org.rapport.identity.Actor;
import org.rapport.shared.MatchBy;
import org.rapport.shared.PostalAddress;
import org.springframework.stereotype.Component;

/** Imports accounts; they match by external id, e-mail or name. */
@Component
class AccountWriter extends RowWriter<AccountValues> {

	private final CustomerImports customers;

	AccountWriter(CustomerImports customers) {
		this.customers = customers;
	}

	@Override
	ImportEntity entity() {
		return ImportEntity.ACCOUNTS;
	}

	@Override
	Class<AccountValues> type() {
		return AccountValues.class;
	}

	@Override
	List<AccountValues> find(Actor actor, MatchBy key, Collection<String> values) {
		return customers.findAccounts(actor, key, values);
	}

	@Override
	String lookupValue(MatchBy key, Map<String, Object> values) {
		return switch (key) {
			case EXTERNAL_ID -> (String) values.get("externalId");
			case EMAIL -> lower(values.get("email"));
			case NAME -> lower(values.get("name"));
			case NUMBER -> null;
		};
	}

	@Override
	String key(MatchBy key, Map<String, Object> values) {
		return lookupValue(key, values);
	}

	@Override
	String key(MatchBy key, AccountValues a) {
		return switch (key) {
			case EXTERNAL_ID -> a.externalId();
			case EMAIL -> lower(a.email());
			case NAME -> lower(a.name());
			case NUMBER -> null;
		};
	}

	@Override
	AccountValues create(UUID id, Map<String, Object> v) {
		return merge(new AccountValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null,
				AccountType.COMPANY, null, null, null, null, PostalAddress.EMPTY, LifecycleStage.PROSPECT, null, null, Map.of()),
				v);
	}

	@Override
	AccountValues merge(AccountValues a, Map<String, Object> v) {
		PostalAddress address = a.billingAddress() == null ? PostalAddress.EMPTY : a.billingAddress();
		boolean newOwner = v.containsKey("owner");
		return new AccountValues(a.id(), a.version(), newOwner ? (UUID) v.get("ownerId") : a.ownerId(),
				newOwner ? (UUID) v.get("teamId") : a.teamId(), pick(v, "externalId", a.externalId()),
				pick(v, "name", a.name()), choice(AccountType.class, v.get("type"), a.type()),
				choice(Industry.class, v.get("industry"), a.industry()), pick(v, "website", a.website()),
				pick(v, "phone", a.phone()), pick(v, "email", a.email()),
				new PostalAddress(pick(v, "street", address.street()), pick(v, "city", address.city()),
						pick(v, "postalCode", address.postalCode()), pick(v, "region", address.region()),
						pick(v, "country", address.country())),
				choice(LifecycleStage.class, v.get("lifecycleStage"), a.lifecycleStage()),
				choice(AccountSource.class, v.get("source"), a.source()), pick(v, "description", a.description()),
				pick(v, "customFields", a.customFields()));
	}

	static <E extends Enum<E>> E choice(Class<E> type, Object value, E otherwise) {
		return value == null ? otherwise : Enum.valueOf(type, value.toString());
	}

	@Override
	Map<String, Object> customFields(AccountValues record) {
		return record.customFields();
	}

	@Override
	UUID id(AccountValues record) {
		return record.id();
	}

	@Override
	long version(AccountValues record) {
		return record.version();
	}

	@Override
	String externalId(AccountValues record) {
		return record.externalId();
	}

	@Override
	AccountValues withVersion(AccountValues a, long version) {
		return new AccountValues(a.id(), version, a.ownerId(), a.teamId(), a.externalId(), a.name(), a.type(),
				a.industry(), a.website(), a.phone(), a.email(), a.billingAddress(), a.lifecycleStage(), a.source(),
				a.description(), a.customFields());
	}

	@Override
	Set<String> takenExternalIds(Collection<String> externalIds) {
		return customers.takenAccountExternalIds(externalIds);
	}

	@Override
	void insert(Actor actor, List<AccountValues> records) {
		customers.insertAccounts(actor, records);
	}

	@Override
	Set<UUID> update(Actor actor, List<AccountValues> records) {
		return customers.updateAccounts(actor, records);
	}

	@Override
	List<AccountValues> current(Collection<UUID> ids) {
		return customers.accounts(ids);
	}

	@Override
	void delete(Collection<UUID> ids) {
		customers.deleteAccounts(ids);
	}

	@Override
	String refuseDeleting(Collection<UUID> ids) {
		return customers.contactsAt(ids).isEmpty() ? null : "import.undo.accountInUse";
	}
}
