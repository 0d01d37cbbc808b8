package org.rapport.integration.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.AccountSource;
import org.rapport.identity.Actor;
import org.rapport.sales.LeadImports;
import org.rapport.sales.LeadValues;
import org.rapport.shared.MatchBy;
import org.springframework.stereotype.Component;

/** Imports leads; they match by external id, e-mail, or first and last name at the same company. */
@Component
class LeadWriter extends PersonWriter<LeadValues> {

	private final LeadImports leads;

	LeadWriter(LeadImports leads) {
		this.leads = leads;
	}

	@Override
	ImportEntity entity() {
		return ImportEntity.LEADS;
	}

	@Override
	Class<LeadValues> type() {
		return LeadValues.class;
	}

	@Override
	List<LeadValues> find(Actor actor, MatchBy key, Collection<String> values) {
		return leads.findLeads(actor, key, values);
	}

	@Override
	String place(Map<String, Object> values) {
		return lower(values.get("company"));
	}

	@Override
	String place(LeadValues l) {
		return lower(l.company());
	}

	@Override
	String email(LeadValues l) {
		return l.email();
	}

	@Override
	String firstName(LeadValues l) {
		return l.firstName();
	}

	@Override
	String lastName(LeadValues l) {
		return l.lastName();
	}

	@Override
	LeadValues create(UUID id, Map<String, Object> v) {
		return merge(new LeadValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null, null, null,
				null, null, null, null, null, null, Map.of()), v);
	}

	@Override
	LeadValues merge(LeadValues l, Map<String, Object> v) {
		boolean newOwner = v.containsKey("owner");
		return new LeadValues(l.id(), l.version(), newOwner ? (UUID) v.get("ownerId") : l.ownerId(),
				newOwner ? (UUID) v.get("teamId") : l.teamId(), pick(v, "externalId", l.externalId()),
				pick(v, "firstName", l.firstName()), pick(v, "lastName", l.lastName()), pick(v, "company", l.company()),
				pick(v, "title", l.title()), pick(v, "email", l.email()), pick(v, "phone", l.phone()),
				AccountWriter.choice(AccountSource.class, v.get("source"), l.source()), pick(v, "rating", l.rating()),
				pick(v, "notes", l.notes()), pick(v, "customFields", l.customFields()));
	}

	@Override
	Map<String, Object> customFields(LeadValues record) {
		return record.customFields();
	}

	@Override
	UUID id(LeadValues record) {
		return record.id();
	}

	@Override
	long version(LeadValues record) {
		return record.version();
	}

	@Override
	String externalId(LeadValues record) {
		return record.externalId();
	}

	@Override
	LeadValues withVersion(LeadValues l, long version) {
		return new LeadValues(l.id(), version, l.ownerId(), l.teamId(), l.externalId(), l.firstName(), l.lastName(),
				l.company(), l.title(), l.email(), l.phone(), l.source(), l.rating(), l.notes(), l.customFields());
	}

	@Override
	Set<String> takenExternalIds(Collection<String> externalIds) {
		return leads.takenExternalIds(externalIds);
	}

	@Override
	void insert(Actor actor, List<LeadValues> records) {
		leads.insertLeads(actor, records);
	}

	@Override
	Set<UUID> update(Actor actor, List<LeadValues> records) {
		return leads.updateLeads(actor, records);
	}

	@Override
	List<LeadValues> current(Collection<UUID> ids) {
		return leads.leads(ids);
	}

	@Override
	void delete(Collection<UUID> ids) {
		leads.deleteLeads(ids);
	}
}
