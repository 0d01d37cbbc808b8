package org.rapport.sales.lifecycle.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.rapport.customers.LifecycleStage;

/**
 * Decides an account's lifecycle stage from what it bought, as a pure function of its purchase dates, its
 * contract periods and the day: Prospect until the first purchase, New for a while after it, Existing after a
 * repeat purchase or while a contract runs past that while, Lost after a long time without either.
 *
 * @param newPeriod how long an account stays New after its first purchase
 * @param lostAfter how long without a purchase or a running contract makes an account Lost
 */
public record LifecycleRules(Duration newPeriod, Duration lostAfter) {

	public static final String FIRST_PURCHASE = "lifecycle.reason.firstPurchase";
	public static final String REPEAT_PURCHASE = "lifecycle.reason.repeatPurchase";
	public static final String ACTIVE_CONTRACT = "lifecycle.reason.activeContract";
	public static final String NO_PURCHASE = "lifecycle.reason.noPurchase";
	public static final String WON_BACK = "lifecycle.reason.wonBack";

	/**
	 * The stage the account should hold today and why, or the current one when the rules do not move it.
	 *
	 * @param purchases the days of its purchases (one per deal: a won opportunity, an order of its own, a contract)
	 * @param contracts the periods of its contracts that have started, each ending when it ended or will end
	 * @param current the stage it holds
	 * @param currentSince the day it entered that stage, if known
	 */
	public Decision decide(Collection<LocalDate> purchases, Collection<Period> contracts, LifecycleStage current,
			LocalDate currentSince, LocalDate today) {
		List<LocalDate> bought = purchases.stream().filter(day -> !day.isAfter(today)).sorted().toList();
		List<Period> started = contracts.stream().filter(period -> !period.start().isAfter(today)).toList();
		if (bought.isEmpty() && started.isEmpty()) {
			return new Decision(current, null);
		}
		LocalDate lastPurchase = bought.isEmpty() ? null : bought.get(bought.size() - 1);
		boolean contractRunning = started.stream().anyMatch(period -> !period.end().isBefore(today));
		if (current == LifecycleStage.LOST && currentSince != null
				&& (lastPurchase == null || !lastPurchase.isAfter(currentSince))) {
			// A lost account stays lost until it buys again, whatever contract still runs out.
			return new Decision(LifecycleStage.LOST, null);
		}
		LocalDate lastActivity = lastActivity(lastPurchase, started, today);
		if (!contractRunning && lastActivity.plusDays(lostAfter.toDays()).isBefore(today)) {
			return decision(current, LifecycleStage.LOST, NO_PURCHASE);
		}
		if (current == LifecycleStage.LOST) {
			return decision(current, bought.size() > 1 ? LifecycleStage.EXISTING : LifecycleStage.NEW, WON_BACK);
		}
		if (bought.size() > 1) {
			return decision(current, LifecycleStage.EXISTING, REPEAT_PURCHASE);
		}
		LocalDate first = bought.isEmpty() ? started.get(0).start() : bought.get(0);
		boolean stillNew = today.isBefore(first.plusDays(newPeriod.toDays()));
		if (!stillNew && contractRunning) {
			return decision(current, LifecycleStage.EXISTING, ACTIVE_CONTRACT);
		}
		if (current == LifecycleStage.EXISTING) {
			// Existing customers do not become new again; only time without purchases moves them on.
			return new Decision(current, null);
		}
		return decision(current, LifecycleStage.NEW, FIRST_PURCHASE);
	}

	/**
	 * The day on which an account that the rules find lost today became lost: the first day after its last purchase
	 * or contract day that lies beyond the lost period; today when it bought nothing.
	 */
	public LocalDate lostSince(Collection<LocalDate> purchases, Collection<Period> contracts, LocalDate today) {
		LocalDate lastPurchase = purchases.stream().filter(day -> !day.isAfter(today)).max(LocalDate::compareTo)
			.orElse(null);
		List<Period> started = contracts.stream().filter(period -> !period.start().isAfter(today)).toList();
		LocalDate lastActivity = lastActivity(lastPurchase, started, today);
		if (lastActivity == null) {
			return today;
		}
		LocalDate since = lastActivity.plusDays(lostAfter.toDays() + 1);
		return since.isAfter(today) ? today : since;
	}

	/** The later of the last purchase and the last day a started contract ran, up to today. */
	private static LocalDate lastActivity(LocalDate lastPurchase, List<Period> started, LocalDate today) {
		LocalDate lastActivity = lastPurchase;
		for (Period period : started) {
			LocalDate end = period.end().isAfter(today) ? today : period.end();
			if (lastActivity == null || end.isAfter(lastActivity)) {
				lastActivity = end;
			}
		}
		return lastActivity;
	}

	private static Decision decision(LifecycleStage current, LifecycleStage next, String reason) {
		return current == next ? new Decision(current, null) : new Decision(next, reason);
	}

	/** The stage to hold and, when it differs from the current one, the message key of why. */
	public record Decision(LifecycleStage stage, String reason) {

		public boolean moves() {
			return reason != null;
		}
	}

	/** The days a contract ran, both included. */
	public record Period(LocalDate start, LocalDate end) {
	}
}
