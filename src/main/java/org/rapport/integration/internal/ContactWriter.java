package org.rapport.integration.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.ContactValues;
import org.rapport.customers.CustomerImports;
import org.rapport.identity.Actor;
import org.rapport.shared.MatchBy;
import org.rapport.shared.PostalAddress;
import org.springframework.stereotype.Component;

/** Imports contacts; they match by external id, e-mail, or first and last name at the same account. */
@Component
class ContactWriter extends PersonWriter<ContactValues> {

	private final CustomerImports customers;

	ContactWriter(CustomerImports customers) {
		this.customers = customers;
	}

	@Override
	ImportEntity entity() {
		return ImportEntity.CONTACTS;
	}

	@Override
	Class<ContactValues> type() {
		return ContactValues.class;
	}

	@Override
	List<ContactValues> find(Actor actor, MatchBy key, Collection<String> values) {
		return customers.findContacts(actor, key, values);
	}

	@Override
	String place(Map<String, Object> values) {
		return String.valueOf(values.get("accountId"));
	}

	@Override
	String place(ContactValues c) {
		return String.valueOf(c.accountId());
	}

	@Override
	String email(ContactValues c) {
		return c.email();
	}

	@Override
	String firstName(ContactValues c) {
		return c.firstName();
	}

	@Override
	String lastName(ContactValues c) {
		return c.lastName();
	}

	@Override
	ContactValues create(UUID id, Map<String, Object> v) {
		return merge(new ContactValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null, null,
				null, null, null, null, PostalAddress.EMPTY, false, Map.of()), v);
	}

	@Override
	ContactValues merge(ContactValues c, Map<String, Object> v) {
		PostalAddress address = c.address() == null ? PostalAddress.EMPTY : c.address();
		boolean newOwner = v.containsKey("owner");
		return new ContactValues(c.id(), c.version(), newOwner ? (UUID) v.get("ownerId") : c.ownerId(),
				newOwner ? (UUID) v.get("teamId") : c.teamId(), pick(v, "externalId", c.externalId()),
				pick(v, "accountId", c.accountId()), pick(v, "firstName", c.firstName()),
				pick(v, "lastName", c.lastName()), pick(v, "title", c.title()), pick(v, "email", c.email()),
				pick(v, "phone", c.phone()),
				new PostalAddress(pick(v, "street", address.street()), pick(v, "city", address.city()),
						pick(v, "postalCode", address.postalCode()), pick(v, "region", address.region()),
						pick(v, "country", address.country())),
				pick(v, "doNotContact", c.doNotContact()), pick(v, "customFields", c.customFields()));
	}

	@Override
	Map<String, Object> customFields(ContactValues record) {
		return record.customFields();
	}

	@Override
	UUID id(ContactValues record) {
		return record.id();
	}

	@Override
	long version(ContactValues record) {
		return record.version();
	}

	@Override
	String externalId(ContactValues record) {
		return record.externalId();
	}

	@Override
	ContactValues withVersion(ContactValues c, long version) {
		return new ContactValues(c.id(), version, c.ownerId(), c.teamId(), c.externalId(), c.accountId(),
				c.firstName(), c.lastName(), c.title(), c.email(), c.phone(), c.address(), c.doNotContact(),
				c.customFields());
	}

	@Override
	Set<String> takenExternalIds(Collection<String> externalIds) {
		return customers.takenContactExternalIds(externalIds);
	}

	@Override
	void insert(Actor actor, List<ContactValues> records) {
		customers.insertContacts(actor, records);
	}

	@Override
	Set<UUID> update(Actor actor, List<ContactValues> records) {
		return customers.updateContacts(actor, records);
	}

	@Override
	List<ContactValues> current(Collection<UUID> ids) {
		return customers.contacts(ids);
	}

	@Override
	void delete(Collection<UUID> ids) {
		customers.deleteContacts(ids);
	}
}
