package org.rapport.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rapport.customers.AccountsMerged;
import org.rapport.customers.MergeCheck;
import org.rapport.customers.MergeEntry;
import org.rapport.customers.MergeFields;
import org.rapport.customers.MergeFields.Field;
import org.rapport.customers.MergeFields.Side;
import org.rapport.customers.MergeKind;
import org.rapport.customers.MergeLog;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges one account into another: the survivor takes the chosen values, everything that belonged to the merged
 * account moves to it, and the merged account goes without the delete's consequences.
 */
@Service
@Transactional(readOnly = true)
public class AccountMerge {

	static final String MERGED_STAGE_REASON = "Kept from a merged account";

	/** The kind of record whose custom fields a merge chooses between. */
	static final String ENTITY = "account";

	/** The standard fields a merge chooses between, in the order the merge page lists them. */
	public static final MergeFields<Account> FIELDS = MergeFields.of(
			Field.text("name", "field.name", Account::getName),
			Field.choice("type", "field.type", "accountType", Account::getType),
			Field.choice("industry", "field.industry", "industry", Account::getIndustry),
			Field.text("website", "field.website", Account::getWebsite),
			Field.text("phone", "field.phone", Account::getPhone),
			Field.text("email", "field.email", Account::getEmail),
			Field.text("billingAddress", "field.billingAddress",
					a -> a.getBillingAddress().isEmpty() ? null : a.getBillingAddress().singleLine()),
			Field.choice("lifecycleStage", "field.lifecycleStage", "stage", Account::getLifecycleStage),
			Field.choice("source", "field.source", "source", Account::getSource),
			Field.text("description", "field.description", Account::getDescription),
			Field.owner(Account::getOwnerId));

	private final AccountService accountService;
	private final Accounts accounts;
	private final Contacts contacts;
	private final LifecycleChanges lifecycleChanges;
	private final MergeLog log;
	private final CustomFields customFields;
	private final MergeCheck<Account> check;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AccountMerge(AccountService accountService, Accounts accounts, Contacts contacts,
			LifecycleChanges lifecycleChanges, MergeLog log, ApplicationEventPublisher events,
			CustomFields customFields, Clock clock) {
		this.clock = clock;
		this.accountService = accountService;
		this.accounts = accounts;
		this.contacts = contacts;
		this.lifecycleChanges = lifecycleChanges;
		this.log = log;
		this.events = events;
		this.customFields = customFields;
		this.check = new MergeCheck<>(Account.class, "account", accountService::get, AccountMerge::mayMerge);
	}

	/** The fields a merge of two accounts chooses between: the standard ones, then the active custom fields. */
	public MergeFields<Account> fields() {
		return MergeFields.withCustomFields(FIELDS, customFields.active(ENTITY));
	}

	/**
	 * Merges {@code mergedId} into {@code survivorId} with the field choices ({@code survivor} or {@code merged}
	 * per field name, the defaults for the rest); both must be visible (else not found), the actor an
	 * administrator or the manager of both records' team (else not permitted), and both versions current (else a
	 * lost-update failure).
	 */
	@Transactional
	public Account merge(Actor actor, UUID survivorId, long survivorVersion, UUID mergedId, long mergedVersion,
			Map<String, String> choices) {
		MergeCheck.Pair<Account> pair = check.pair(actor, survivorId, survivorVersion, mergedId, mergedVersion);
		Account survivor = pair.survivor();
		Account merged = pair.merged();
		MergeFields<Account> fields = fields();
		Map<String, Side> chosen = fields.choose(survivor, merged, choices);
		AccountDetails details = new AccountDetails(from(chosen, "name", survivor, merged).getName(),
				from(chosen, "type", survivor, merged).getType(), from(chosen, "industry", survivor, merged).getIndustry(),
				from(chosen, "website", survivor, merged).getWebsite(), from(chosen, "phone", survivor, merged).getPhone(),
				from(chosen, "email", survivor, merged).getEmail(),
				from(chosen, "billingAddress", survivor, merged).getBillingAddress(),
				from(chosen, "lifecycleStage", survivor, merged).getLifecycleStage(),
				from(chosen, "source", survivor, merged).getSource(),
				from(chosen, "description", survivor, merged).getDescription());
		Account owner = from(chosen, "owner", survivor, merged);
		Map<String, String> mergedValues = MergeFields.withCustomFields(fields.values(merged), merged);
		String mergedName = merged.getName();

		// What other modules keep for the merged account moves first, and in this transaction: their rows point at
		// it with foreign keys, so the merged account can only go once nothing refers to it, and a failure in any
		// module must undo the whole merge. A listener after the commit (@ApplicationModuleListener) would come
		// too late for the removal and could leave the rows of a half-done merge behind.
		events.publishEvent(new AccountsMerged(survivor.id(), merged.id()));
		Instant now = clock.instant();
		contacts.moveToAccount(mergedId, survivorId, now);

		Optional<LifecycleChange> moved = survivor.moveTo(details.lifecycleStage(), MERGED_STAGE_REASON, now,
				actor.id().value());
		survivor.revise(details, owner.owner(), owner.team());
		survivor.changeCustomFields(MergeFields.customFields(survivor, merged, chosen));
		// removed as a record of its own, not deleted as the delete page does: no AccountDeleted, whose listeners
		// may remove what belonged to the account, all of which is the survivor's now; its lifecycle history goes
		// with it (the survivor's history stays the survivor's, and the merge log keeps the merged stage)
		accounts.delete(merged);
		Account saved = accounts.saveAndFlush(survivor);
		moved.ifPresent(lifecycleChanges::save);
		log.record(actor, MergeKind.ACCOUNT, survivorId, mergedId, mergedName, mergedValues,
				MergeFields.asText(chosen));
		return saved;
	}

	/** The merges into the account, newest first; the account must be visible. */
	public List<MergeEntry> mergesInto(Actor actor, UUID account, int limit) {
		accountService.get(actor, account);
		return log.mergesInto(account, limit);
	}

	/** Whether the actor may merge the account with another: administrators, and managers of its team. */
	public static boolean mayMerge(Actor actor, Account account) {
		return actor.canMerge(account.owner(), account.team());
	}

	private static Account from(Map<String, Side> chosen, String field, Account survivor, Account merged) {
		return MergeFields.pick(chosen, field, survivor, merged);
	}
}
