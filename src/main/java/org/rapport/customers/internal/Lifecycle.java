package org.rapport.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rapport.customers.AccountId;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.LifecycleStatus;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordNotFound;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves accounts through their lifecycle stages and keeps the history of each move.
 */
@Service
@Transactional(readOnly = true)
public class Lifecycle {

	private final Accounts accounts;
	private final AccountService accountService;
	private final LifecycleChanges changes;
	private final CurrentActor currentActor;
	private final Clock clock;

	Lifecycle(Accounts accounts, AccountService accountService, LifecycleChanges changes, CurrentActor currentActor,
			Clock clock) {
		this.accounts = accounts;
		this.accountService = accountService;
		this.changes = changes;
		this.currentActor = currentActor;
		this.clock = clock;
	}

	public Optional<LifecycleStatus> statusOf(AccountId account) {
		return accounts.findById(account.value())
			.map(found -> new LifecycleStatus(account, found.getLifecycleStage(),
					changes.lastOf(account.value()).map(LifecycleChange::getChangedAt).orElse(null)));
	}

	/** The stages of these accounts and since when they hold them, in one query; unknown accounts are left out. */
	public Map<AccountId, LifecycleStatus> statusesOf(Collection<AccountId> accounts) {
		Map<AccountId, LifecycleStatus> statuses = new HashMap<>();
		if (accounts.isEmpty()) {
			return statuses;
		}
		for (Object[] row : changes.statusesOf(accounts.stream().map(AccountId::value).toList())) {
			AccountId account = new AccountId((UUID) row[0]);
			statuses.put(account, new LifecycleStatus(account, (LifecycleStage) row[1], (Instant) row[2]));
		}
		return statuses;
	}

	/**
	 * Moves the account, records why and publishes the change; answers whether the stage changed. Two moves of one
	 * account at once cannot both apply: the later to save fails on the account's version.
	 */
	@Transactional
	public boolean move(AccountId account, LifecycleStage to, String reason) {
		return move(account, to, reason, clock.instant());
	}

	/** Moves the account as {@link #move(AccountId, LifecycleStage, String)}, recorded when it took effect. */
	@Transactional
	public boolean move(AccountId account, LifecycleStage to, String reason, Instant tookEffect) {
		Instant now = clock.instant();
		Instant at = tookEffect == null || tookEffect.isAfter(now) ? now : tookEffect;
		Account found = accounts.findById(account.value())
			.orElseThrow(() -> new RecordNotFound("account.notFound", "No account " + account, account));
		UUID by = currentActor.find().map(actor -> actor.id().value()).orElse(null);
		Optional<LifecycleChange> moved = found.moveTo(to, reason, at, by);
		if (moved.isEmpty()) {
			return false;
		}
		accounts.saveAndFlush(found);
		changes.save(moved.get());
		return true;
	}

	/** A person marks a visible account lost, with their reason. */
	@Transactional
	public void markLost(Actor actor, UUID account, String reason) {
		accountService.get(actor, account);
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			throw new InvalidField("reason", "validation.lifecycle.reason", "Say in up to 500 characters why");
		}
		move(new AccountId(account), LifecycleStage.LOST, reason);
	}

	/** The latest moves of a visible account, newest first. */
	public List<LifecycleChange> historyOf(Actor actor, UUID account, int limit) {
		accountService.get(actor, account);
		return changes.latestOf(account, PageRequest.of(0, limit));
	}
}
