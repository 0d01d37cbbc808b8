package org.rapport.customers.internal;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.rapport.customers.DuplicateGroup;
import org.rapport.customers.DuplicateRule;
import org.rapport.customers.MatchKeys;
import org.rapport.identity.Actor;
import org.rapport.identity.VisibleQuery;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.ResultPage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds accounts and contacts that may be the same: on entry, the visible ones that share a key with what is being
 * entered; for administrators, the groups of records that share one. Every query goes through a key's index.
 */
@Service
@Transactional(readOnly = true)
public class CustomerDuplicates {

	/** How many members of one group a page shows at most, so that one popular key cannot fill the memory. */
	static final int MEMBERS_PER_GROUP = 50;

	private final EntityManager em;

	CustomerDuplicates(EntityManager em) {
		this.em = em;
	}

	/** Visible accounts with the same normalised name or website domain, the one given as {@code except} left out. */
	public List<Account> accountsLike(Actor actor, String name, String website, UUID except, int limit) {
		String nameKey = MatchKeys.companyName(name);
		String domainKey = MatchKeys.domain(website);
		List<Account> found = new ArrayList<>();
		if (nameKey != null) {
			found.addAll(visibleAccounts(actor, except).where("a.nameKey = :key", "key", nameKey)
				.list(em, Account.class, null, "a.createdAt, a.id", limit));
		}
		if (domainKey != null) {
			found.addAll(visibleAccounts(actor, except).where("a.domainKey = :key", "key", domainKey)
				.list(em, Account.class, null, "a.createdAt, a.id", limit));
		}
		return distinct(found, Account::getId).stream().limit(limit).toList();
	}

	/**
	 * Visible contacts with the same e-mail, or the same first and last name at an account whose name is the
	 * company's (normalised, so at a duplicate of the account too); {@code except} left out.
	 */
	public List<Contact> contactsLike(Actor actor, String email, String firstName, String lastName, String company,
			UUID except, int limit) {
		String emailKey = MatchKeys.email(email);
		String personKey = MatchKeys.person(firstName, lastName);
		String companyKey = MatchKeys.companyName(company);
		List<Contact> found = new ArrayList<>();
		if (emailKey != null) {
			found.addAll(visibleContacts(actor, except).where("c.emailKey = :key", "key", emailKey)
				.list(em, Contact.class, "left join fetch c.account", "c.createdAt, c.id", limit));
		}
		if (personKey != null && companyKey != null) {
			found.addAll(visibleContacts(actor, except).where("a.nameKey = :company", "company", companyKey)
				.where("c.personKey = :person", "person", personKey)
				.list(em, Contact.class, "join fetch c.account a", "c.createdAt, c.id", limit));
		}
		return distinct(found, Contact::getId).stream().limit(limit).toList();
	}

	private static VisibleQuery visibleAccounts(Actor actor, UUID except) {
		return new VisibleQuery("Account", "a", actor).where("a.id <> :except", "except", except);
	}

	private static VisibleQuery visibleContacts(Actor actor, UUID except) {
		return new VisibleQuery("Contact", "c", actor).where("c.id <> :except", "except", except);
	}

	/** Groups of accounts sharing the rule's key (name or domain), by key; administrators only. */
	public ResultPage<DuplicateGroup<Account>> accountGroups(Actor actor, DuplicateRule rule, int page, int size) {
		requireAdmin(actor);
		String key = rule == DuplicateRule.DOMAIN ? "domainKey" : "nameKey";
		List<String> keys = em.createQuery("select a." + key + " from Account a where a." + key + " is not null"
				+ " group by a." + key + " having count(a) > 1 order by a." + key, String.class)
			.setFirstResult(page * size)
			.setMaxResults(size + 1)
			.getResultList();
		boolean hasNext = keys.size() > size;
		List<String> shown = hasNext ? keys.subList(0, size) : keys;
		List<Account> members = shown.isEmpty() ? List.of()
				: em.createQuery("select a from Account a where a." + key + " in :keys order by a." + key
						+ ", a.createdAt, a.id", Account.class)
					.setParameter("keys", shown)
					.setMaxResults(shown.size() * MEMBERS_PER_GROUP)
					.getResultList();
		Function<Account, String> keyOf = rule == DuplicateRule.DOMAIN ? Account::getDomainKey : Account::getNameKey;
		return page(groups(shown, members, keyOf), page, size, hasNext);
	}

	/**
	 * Groups of contacts sharing an e-mail, or a name at the same account; administrators only. A name group's key
	 * is the account's id and the person key.
	 */
	public ResultPage<DuplicateGroup<Contact>> contactGroups(Actor actor, DuplicateRule rule, int page, int size) {
		requireAdmin(actor);
		if (rule != DuplicateRule.NAME) {
			List<String> keys = em.createQuery("select c.emailKey from Contact c where c.emailKey is not null"
					+ " group by c.emailKey having count(c) > 1 order by c.emailKey", String.class)
				.setFirstResult(page * size)
				.setMaxResults(size + 1)
				.getResultList();
			boolean hasNext = keys.size() > size;
			List<String> shown = hasNext ? keys.subList(0, size) : keys;
			List<Contact> members = shown.isEmpty() ? List.of()
					: em.createQuery("select c from Contact c left join fetch c.account where c.emailKey in :keys"
							+ " order by c.emailKey, c.createdAt, c.id", Contact.class)
						.setParameter("keys", shown)
						.setMaxResults(shown.size() * MEMBERS_PER_GROUP)
						.getResultList();
			return page(groups(shown, members, Contact::getEmailKey), page, size, hasNext);
		}
		List<Object[]> pairs = em.createQuery("select c.accountKey, c.personKey from Contact c"
				+ " where c.accountKey is not null and c.personKey is not null group by c.accountKey, c.personKey"
				+ " having count(c) > 1 order by c.accountKey, c.personKey", Object[].class)
			.setFirstResult(page * size)
			.setMaxResults(size + 1)
			.getResultList();
		boolean hasNext = pairs.size() > size;
		List<Object[]> shown = hasNext ? pairs.subList(0, size) : pairs;
		List<String> keys = shown.stream().map(p -> p[0] + "/" + p[1]).toList();
		Set<UUID> accounts = new LinkedHashSet<>();
		Set<String> people = new LinkedHashSet<>();
		shown.forEach(p -> {
			accounts.add((UUID) p[0]);
			people.add((String) p[1]);
		});
		// both lists come from the page's pairs; a contact matching one account's and another pair's person is
		// dropped by the grouping below
		List<Contact> members = shown.isEmpty() ? List.of()
				: em.createQuery("select c from Contact c left join fetch c.account where c.accountKey in :accounts"
						+ " and c.personKey in :people order by c.accountKey, c.personKey, c.createdAt, c.id",
						Contact.class)
					.setParameter("accounts", accounts)
					.setParameter("people", people)
					.setMaxResults(shown.size() * MEMBERS_PER_GROUP)
					.getResultList();
		return page(groups(keys, members, c -> c.accountId() + "/" + c.getPersonKey()), page, size,
				hasNext);
	}

	static void requireAdmin(Actor actor) {
		if (!actor.isAdmin()) {
			throw new NotPermitted("duplicates.adminOnly", "Only administrators see the duplicates lists");
		}
	}

	private static <T> List<DuplicateGroup<T>> groups(Collection<String> keys, List<T> members,
			Function<T, String> keyOf) {
		Map<String, List<T>> byKey = new LinkedHashMap<>();
		keys.forEach(key -> byKey.put(key, new ArrayList<>()));
		for (T member : members) {
			List<T> group = byKey.get(keyOf.apply(member));
			if (group != null) {
				group.add(member);
			}
		}
		return byKey.entrySet()
			.stream()
			.filter(e -> e.getValue().size() > 1)
			.map(e -> new DuplicateGroup<>(e.getKey(), e.getValue()))
			.toList();
	}

	private static <T> ResultPage<DuplicateGroup<T>> page(List<DuplicateGroup<T>> groups, int page, int size,
			boolean hasNext) {
		// the total is not counted: that would group the whole table on every page
		return new ResultPage<>(groups, page, size, hasNext, (long) page * size + groups.size(), hasNext);
	}

	private static <T> List<T> distinct(List<T> items, Function<T, UUID> id) {
		Map<UUID, T> seen = new LinkedHashMap<>();
		items.forEach(item -> seen.putIfAbsent(Objects.requireNonNull(id.apply(item)), item));
		return new ArrayList<>(seen.values());
	}
}
