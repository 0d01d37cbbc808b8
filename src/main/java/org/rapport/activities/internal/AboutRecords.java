package org.rapport.activities.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rapport.customers.AccountId;
import org.rapport.customers.ContactId;
import org.rapport.customers.Customers;
import org.rapport.identity.Actor;
import org.rapport.sales.ContractId;
import org.rapport.sales.LeadId;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.OrderId;
import org.rapport.sales.SalesRecords;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordRef;
import org.rapport.support.CaseId;
import org.rapport.support.SupportCases;
import org.springframework.stereotype.Component;

/**
 * The records an activity may be about (accounts, contacts, leads, opportunities, orders and contracts): whether
 * the acting user sees one, the account it belongs to, its title and the page that shows it. A reference is written
 * {@code type:id}, as in {@code account:0193…}, in the API, forms and links alike.
 */
@Component("aboutRecords")
public class AboutRecords {

	/** The kinds of record an activity may be about, in the order forms offer them. */
	public static final List<String> TYPES = Stream
		.concat(Stream.of(AccountId.TYPE, ContactId.TYPE), SalesRecords.TYPES.stream())
		.toList();

	private static final Map<String, String> PAGES = Map.of(AccountId.TYPE, "/accounts/", ContactId.TYPE,
			"/contacts/", LeadId.TYPE, "/leads/", OpportunityId.TYPE, "/opportunities/", OrderId.TYPE, "/orders/",
			ContractId.TYPE, "/contracts/", CaseId.TYPE, "/cases/");

	private final Customers customers;
	private final SalesRecords sales;
	private final SupportCases cases;

	AboutRecords(Customers customers, SalesRecords sales, SupportCases cases) {
		this.customers = customers;
		this.sales = sales;
		this.cases = cases;
	}

	/**
	 * Reads a reference written {@code type:id}; a blank one is {@code null}, and one of another form or an unknown
	 * type is refused at the field.
	 */
	public static RecordRef parse(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		int colon = text.indexOf(':');
		if (colon > 0) {
			String type = text.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
			try {
				UUID id = UUID.fromString(text.substring(colon + 1).strip());
				if (TYPES.contains(type) || type.equals(Participant.USER)) {
					return new RecordRef(type, id);
				}
			}
			catch (IllegalArgumentException notAnId) {
				// refused below with the others
			}
		}
		throw new InvalidField(field, "validation.activity.about",
				"Write the record as type:id, with type one of " + String.join(", ", TYPES), String.join(", ", TYPES));
	}

	/** The reference as the API, forms and links write it. */
	public static String format(RecordRef ref) {
		return ref == null ? null : ref.type() + ":" + ref.id();
	}

	/** The page that shows the record. */
	public static String path(RecordRef ref) {
		String page = PAGES.get(ref.type());
		return page == null ? null : page + ref.id();
	}

	/** The reference written {@code type:id}, for templates: {@code @aboutRecords.keyOf(ref)}. */
	public String keyOf(RecordRef ref) {
		return format(ref);
	}

	/** The record and the account it belongs to, if it is of a kind activities are about and the actor sees it. */
	Optional<Activity.About> find(Actor actor, RecordRef ref) {
		return switch (ref.type()) {
			case AccountId.TYPE -> customers.findAccount(actor, new AccountId(ref.id()))
				.map(account -> new Activity.About(ref, account.id().value()));
			case ContactId.TYPE -> customers.findContact(actor, new ContactId(ref.id()))
				.map(contact -> new Activity.About(ref, contact.account() == null ? null : contact.account().value()));
			default -> SalesRecords.TYPES.contains(ref.type()) ? sales.find(actor, ref)
				.map(record -> new Activity.About(ref, record.account() == null ? null : record.account().value()))
					: Optional.empty();
		};
	}

	/**
	 * The contacts a meeting about the record may invite: those of the account it belongs to that the actor sees,
	 * by name; none for a record of no account.
	 */
	public List<org.rapport.customers.ContactSummary> contactsAround(Actor actor, RecordRef record) {
		return find(actor, record).map(Activity.About::accountId)
			.map(account -> customers.contactsOf(actor, new AccountId(account), 200))
			.orElse(List.of());
	}

	/** The contact, if the actor sees it. */
	Optional<org.rapport.customers.ContactSummary> contact(Actor actor, UUID contact) {
		return customers.findContact(actor, new ContactId(contact));
	}

	/** Whether the actor sees the contact, who may then take part in a meeting. */
	boolean seesContact(Actor actor, UUID contact) {
		return customers.findContact(actor, new ContactId(contact)).isPresent();
	}

	/** The names of the given pipeline stages, in one query. */
	public Map<UUID, String> stageNames(Collection<UUID> stages) {
		return stages.isEmpty() ? Map.of() : sales.stageNames(stages);
	}

	/** The titles of the records, one query per kind, whoever may see them; unknown ones left out. */
	public Map<RecordRef, String> titles(Collection<RecordRef> refs) {
		Map<RecordRef, String> titles = new HashMap<>();
		Map<String, Set<UUID>> byType = refs.stream()
			.collect(Collectors.groupingBy(RecordRef::type, Collectors.mapping(RecordRef::id, Collectors.toSet())));
		byType.forEach((type, ids) -> {
			switch (type) {
				case AccountId.TYPE -> customers.accountNames(ids.stream().map(AccountId::new).toList())
					.forEach((id, name) -> titles.put(new RecordRef(type, id.value()), name));
				case ContactId.TYPE -> customers.contactNames(ids.stream().map(ContactId::new).toList())
					.forEach((id, name) -> titles.put(new RecordRef(type, id.value()), name));
				case CaseId.TYPE -> cases.titles(ids).forEach((id, title) -> titles.put(new RecordRef(type, id), title));
				default -> sales.titles(type, ids).forEach((id, title) -> titles.put(new RecordRef(type, id), title));
			}
		});
		return titles;
	}
}
