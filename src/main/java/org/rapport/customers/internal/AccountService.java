package org.rapport.customers.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.rapport.customers.AccountDeleted;
import org.rapport.customers.AccountDependents;
import org.rapport.customers.AccountHolding;
import org.rapport.customers.AccountId;
import org.rapport.customers.LifecycleStage;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.identity.VisibleQuery;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.shared.ExternalIds;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RecordInUse;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.ResultPage;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.SortWhitelist;
import org.springframework.data.domain.Sort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists, opens, creates, changes and deletes accounts, always within what the acting user may see.
 */
@Service
@Transactional(readOnly = true)
public class AccountService {

	static final String HAND_SET_REASON = "Set on the account form";

	/** The name of accounts among the kinds of record that take custom fields. */
	public static final String ENTITY = "account";

	private final Accounts accounts;
	private final LifecycleChanges lifecycleChanges;
	private final Contacts contacts;
	private final EntityManager em;
	private final UserDirectory directory;
	private final ApplicationEventPublisher events;
	private final CustomFields customFields;
	private final List<AccountDependents> dependents;
	private final Clock clock;
	private final CustomerDuplicates duplicates;

	AccountService(Accounts accounts, LifecycleChanges lifecycleChanges, Contacts contacts, EntityManager em, UserDirectory directory,
			ApplicationEventPublisher events, CustomFields customFields, List<AccountDependents> dependents,
			Clock clock, CustomerDuplicates duplicates) {
		this.duplicates = duplicates;
		this.dependents = List.copyOf(dependents);
		this.clock = clock;
		this.customFields = customFields;
		this.accounts = accounts;
		this.lifecycleChanges = lifecycleChanges;
		this.contacts = contacts;
		this.em = em;
		this.directory = directory;
		this.events = events;
	}

	/**
	 * The orders the account list offers, each served by an index that starts with its paths (and, for a team's
	 * list, the team): name, creation and last change, each ending in the id.
	 */
	public static final SortWhitelist SORTS = SortWhitelist.defaultingTo("name", Sort.Direction.ASC, "a.name", "a.id")
		.with("createdAt", "a.createdAt", "a.id")
		.alias("created", "createdAt")
		.with("updatedAt", "a.updatedAt", "a.id")
		.alias("updated", "updatedAt");

	/** The orders of the account list with these custom fields. */
	public static SortWhitelist sorts(CustomFieldQuery custom) {
		return custom.sortable(SORTS, "a");
	}

	public ResultPage<Account> list(Actor actor, AccountFilter filter, Sort sort, int page, int size) {
		return list(actor, filter, sort, CustomFieldQuery.none(), page, size);
	}

	/** A page of the visible accounts that match the filter and the custom-field filters, in the chosen order. */
	public ResultPage<Account> list(Actor actor, AccountFilter filter, Sort sort, CustomFieldQuery custom, int page,
			int size) {
		return custom.applyTo(query(actor, filter), "a")
			.page(em, Account.class, null, sorts(custom).orderBy(sort), page, size);
	}

	/** Hands every visible account that matches to the action, in list order, for an export. */
	public void forEach(Actor actor, AccountFilter filter, Sort sort, CustomFieldQuery custom,
			Consumer<Account> action) {
		custom.applyTo(query(actor, filter), "a").forEach(em, Account.class, null, sorts(custom).orderBy(sort), action);
	}

	private VisibleQuery query(Actor actor, AccountFilter filter) {
		return new VisibleQuery("Account", "a", actor).startingWith(filter.q(), "a.name", "a.email")
			.where("a.ownerId = :owner", "owner", filter.owner())
			.where("a.teamId = :team", "team", filter.team())
			.where("a.lifecycleStage = :stage", "stage", filter.stage())
			.where("a.industry = :industry", "industry", filter.industry());
	}

	/** The account, if it exists and the actor may see it; otherwise not found, so that its existence stays hidden. */
	public Account get(Actor actor, UUID id) {
		return accounts.findById(id)
			.filter(account -> actor.canSee(account.owner(), account.team()))
			.orElseThrow(() -> new RecordNotFound("account.notFound", "No account " + id, id));
	}

	@Transactional
	public Account create(Actor actor, AccountDetails details, UserId owner, TeamId team) {
		return create(actor, details, owner, team, null);
	}

	/** Creates an account with custom field values, which their definitions check (defaults fill the rest). */
	@Transactional
	public Account create(Actor actor, AccountDetails details, UserId owner, TeamId team, Map<String, ?> custom) {
		return open(actor, details, owner, team, customFields.merge(ENTITY, Map.of(), custom, true), true);
	}

	/** An account just created, and the accounts the user may see that it may duplicate. */
	public record Created(Account account, List<Account> lookalikes) {
	}

	/**
	 * Creates an account as {@link #create(Actor, AccountDetails, UserId, TeamId, Map)} does, and finds, in the same
	 * transaction and before it is saved, at most {@code limit} accounts the actor may see with the same normalised
	 * name or website domain: a client that creates without asking first learns of them from the answer.
	 */
	@Transactional
	public Created createNotingLookalikes(Actor actor, AccountDetails details, UserId owner, TeamId team,
			Map<String, ?> custom, int limit) {
		List<Account> lookalikes = duplicates.accountsLike(actor, details.name(), details.website(), null, limit);
		return new Created(create(actor, details, owner, team, custom), lookalikes);
	}

	/**
	 * Opens an account that Rapport makes from another record (a converted lead's company) with the custom field
	 * values that record carries over; defaults fill the rest, and required fields are not enforced.
	 */
	@Transactional
	public Account createCarrying(Actor actor, AccountDetails details, UserId owner, Map<String, Object> carried) {
		return open(actor, details, owner, null, customFields.merge(ENTITY, carried, null, true), false);
	}

	/** Opens an account; an owner and team chosen by the user go through the owner policy. */
	private Account open(Actor actor, AccountDetails details, UserId owner, TeamId team, Map<String, Object> values,
			boolean chosenByUser) {
		requireFreeExternalId(actor, details, null);
		UserId chosenOwner = owner == null ? actor.id() : owner;
		Account account = Account.open(details, chosenOwner, chosenByUser
				? directory.assign(actor, chosenOwner, team, null, null) : directory.teamForOwner(chosenOwner, team));
		account.changeCustomFields(values);
		return accounts.save(account);
	}

	@Transactional
	public Account update(Actor actor, UUID id, long expectedVersion, AccountDetails details, UserId owner,
			TeamId team) {
		return update(actor, id, expectedVersion, details, owner, team, null);
	}

	/** Changes an account; custom field values not given ({@code null} for none) stay as they are. */
	@Transactional
	public Account update(Actor actor, UUID id, long expectedVersion, AccountDetails details, UserId owner,
			TeamId team, Map<String, ?> custom) {
		Account account = get(actor, id);
		if (account.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Account.class, id);
		}
		requireFreeExternalId(actor, details, id);
		if (custom != null) {
			account.changeCustomFields(customFields.merge(ENTITY, account.getCustomFields(), custom, false));
		}
		UserId chosenOwner = owner == null ? account.owner() : owner;
		TeamId chosenTeam = owner == null && team == null ? account.team()
				: directory.assign(actor, chosenOwner, team, account.owner(), account.team());
		// a stage set by hand is a move like the ones the rules make, by the user and kept in the lifecycle history
		Optional<LifecycleChange> moved = account.moveTo(Account.stageOf(details), HAND_SET_REASON, clock.instant(),
				actor.id().value());
		UserId ownerBefore = account.owner();
		account.revise(details, chosenOwner, chosenTeam);
		account.announceOwner(org.rapport.customers.AccountId.TYPE, ownerBefore.value(), actor.id().value());
		Account saved = accounts.saveAndFlush(account);
		moved.ifPresent(lifecycleChanges::save);
		return saved;
	}

	/** Refuses an external id that another account holds, as imports refuse it. */
	private void requireFreeExternalId(Actor actor, AccountDetails details, UUID self) {
		ExternalIds.requireFree(details.externalId(), self, accounts::findByExternalId,
				other -> actor.canSee(other.owner(), other.team()));
	}

	/**
	 * Deletes an account; its contacts are deleted or kept without an account as asked, and an account that
	 * has contacts is not deleted until the caller says which.
	 */
	@Transactional
	public void delete(Actor actor, UUID id, ContactsOnDelete contactsChoice) {
		delete(actor, id, contactsChoice, null, null);
	}

	/**
	 * Deletes an account, unless records of other modules keep it (such as orders and contracts, which are kept as
	 * long as they exist): then it stays and the refusal names them. Its contacts are deleted or kept without an
	 * account as asked; the records that go with an account (such as opportunities) move to {@code moveTo} or are
	 * deleted with it as asked. An account with contacts or such records is not deleted until the caller says which.
	 */
	@Transactional
	public void delete(Actor actor, UUID id, ContactsOnDelete contactsChoice, RelatedOnDelete relatedChoice,
			UUID moveTo) {
		Account account = get(actor, id);
		if (!actor.canManage(account.owner(), account.team())) {
			throw new NotPermitted("account.delete.notPermitted",
					"Only the owner, a manager of its team or an administrator may delete this account");
		}
		List<AccountHolding> holdings = holdingsOf(account.id());
		List<AccountHolding> keeping = holdings.stream().filter(AccountHolding::keepsAccount).toList();
		if (!keeping.isEmpty()) {
			throw new RecordInUse("account.delete.kept", account.getName(), keeping, "The account cannot be deleted "
					+ "while other records keep it: " + describe(keeping) + "; merge it into another account instead");
		}
		List<AccountHolding> following = holdings.stream().filter(holding -> !holding.keepsAccount()).toList();
		AccountId target = null;
		if (!following.isEmpty()) {
			if (relatedChoice == null) {
				throw new RecordInUse("account.delete.chooseRelated", account.getName(), following,
						"The account has " + describe(following) + "; say whether they move to another account or "
								+ "go with it (related=MOVE with moveTo, or related=DELETE)");
			}
			if (relatedChoice == RelatedOnDelete.MOVE) {
				target = moveTarget(actor, id, moveTo);
			}
		}
		long contactCount = contacts.countByAccountId(id);
		if (contactCount > 0 && contactsChoice == null) {
			throw new RuleBroken("account.delete.chooseContacts", "The account has " + contactCount
					+ " contacts; say whether to delete them or keep them without an account (contacts=delete|detach)",
					String.valueOf(contactCount));
		}
		boolean deleteContacts = contactsChoice == ContactsOnDelete.DELETE;
		if (contactCount > 0) {
			if (deleteContacts) {
				contacts.deleteByAccount(id);
			}
			else {
				contacts.detachFromAccount(id);
			}
		}
		// the other modules' rows point at the account with foreign keys: they move or go first, in this transaction
		for (AccountDependents dependent : dependents) {
			dependent.beforeDelete(account.id(), target);
		}
		accounts.delete(accounts.getReferenceById(id));
		events.publishEvent(new AccountDeleted(account.id(), deleteContacts && contactCount > 0));
	}

	/** What other modules keep for the account, a count per kind, leaving out the kinds without records. */
	public List<AccountHolding> holdingsOf(AccountId account) {
		return dependents.stream()
			.flatMap(dependent -> dependent.holdingsOf(account).stream())
			.filter(holding -> holding.count() > 0)
			.toList();
	}

	private AccountId moveTarget(Actor actor, UUID id, UUID moveTo) {
		if (moveTo == null || moveTo.equals(id)) {
			throw new InvalidField("moveTo", "account.delete.moveTo",
					"Choose another account for the records to move to");
		}
		return accounts.findById(moveTo)
			.filter(other -> actor.canSee(other.owner(), other.team()))
			.map(Account::id)
			.orElseThrow(() -> new InvalidField("moveTo", "account.delete.moveTo",
					"Choose another account for the records to move to"));
	}

	private static String describe(List<AccountHolding> holdings) {
		return String.join(", ", holdings.stream().map(AccountHolding::getDefaultMessage).toList());
	}

	public long contactCount(UUID account) {
		return contacts.countByAccountId(account);
	}

	public List<Contact> contactsOf(UUID account, int limit) {
		return contacts.findByAccount(account, PageRequest.of(0, limit));
	}

	/** The actor's own accounts and contacts, with the accounts per lifecycle stage. */
	public OwnFigures ownFigures(Actor actor) {
		Map<LifecycleStage, Long> byStage = new EnumMap<>(LifecycleStage.class);
		for (LifecycleStage stage : LifecycleStage.values()) {
			byStage.put(stage, 0L);
		}
		for (Object[] row : accounts.countByStageForOwner(actor.id().value())) {
			byStage.put((LifecycleStage) row[0], (Long) row[1]);
		}
		long accountTotal = byStage.values().stream().mapToLong(Long::longValue).sum();
		return new OwnFigures(accountTotal, contacts.countByOwnerId(actor.id().value()), byStage);
	}

	public enum ContactsOnDelete {
		DELETE, DETACH
	}

	/** What becomes of the records that go with an account, such as its opportunities. */
	public enum RelatedOnDelete {
		DELETE, MOVE
	}

	public record OwnFigures(long accounts, long contacts, Map<LifecycleStage, Long> accountsByStage) {
	}

}
