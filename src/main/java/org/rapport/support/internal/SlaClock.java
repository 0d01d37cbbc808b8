package org.rapport.support.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RuleBroken;

/**
 * One SLA target of a case, such as its first response or its resolution, measured in business hours: it runs from
 * the case's opening, pauses while the case waits on the customer and resumes on their reply, and stops when the
 * target is met. It answers the business time used, the time left, the due time and the warning time while it runs,
 * and the target's state. An immutable value: each change answers the clock after it.
 */
public final class SlaClock {

	/** Where a target stands. */
	public enum State {

		/** Running or paused, short of the warning threshold. */
		ON_TRACK,

		/** Running or paused, past the warning threshold but not the target. */
		AT_RISK,

		/** Past the target, or stopped after it. */
		BREACHED,

		/** Stopped within the target. */
		MET
	}

	private final BusinessHours hours;
	private final Duration target;
	private final int warningPercent;
	private final Duration usedBefore;
	private final Instant runningSince;
	private final Instant stoppedAt;
	private final Instant lastChange;

	private SlaClock(BusinessHours hours, Duration target, int warningPercent, Duration usedBefore,
			Instant runningSince, Instant stoppedAt, Instant lastChange) {
		this.hours = hours;
		this.target = target;
		this.warningPercent = warningPercent;
		this.usedBefore = usedBefore;
		this.runningSince = runningSince;
		this.stoppedAt = stoppedAt;
		this.lastChange = lastChange;
	}

	/**
	 * A clock that starts at {@code at} towards a target of this much business time, at risk from this percentage of
	 * it on.
	 */
	public static SlaClock start(BusinessHours hours, Duration target, int warningPercent, Instant at) {
		if (target == null || target.isNegative() || target.isZero()) {
			throw new InvalidField("target", "support.sla.target", "A target is at least one minute of business time");
		}
		if (warningPercent < 1 || warningPercent > 100) {
			throw new InvalidField("warningPercent", "support.sla.warningPercent",
					"The warning threshold is a percentage of the target from 1 to 100");
		}
		return new SlaClock(hours, target, warningPercent, Duration.ZERO, at, null, at);
	}

	/**
	 * A clock as it was kept: the business time used before it last ran, since when it runs ({@code null} while paused
	 * or stopped), when it stopped, and its last change.
	 */
	public static SlaClock restore(BusinessHours hours, Duration target, int warningPercent, Duration usedBefore,
			Instant runningSince, Instant stoppedAt, Instant lastChange) {
		SlaClock started = start(hours, target, warningPercent, lastChange);
		return new SlaClock(started.hours, started.target, started.warningPercent, usedBefore, runningSince, stoppedAt,
				lastChange);
	}

	/** The business time used before the clock last started running; all of it while paused or stopped. */
	public Duration usedBefore() {
		return usedBefore;
	}

	/** Since when the clock runs; {@code null} while it is paused or stopped. */
	public Instant runningSince() {
		return runningSince;
	}

	/** When the clock stopped; {@code null} until then. */
	public Instant stoppedAt() {
		return stoppedAt;
	}

	/** When the clock last changed: started, paused, resumed or stopped. */
	public Instant lastChange() {
		return lastChange;
	}

	/** The clock paused at {@code at}, while the case waits on the customer; a paused or stopped clock stays. */
	public SlaClock pause(Instant at) {
		checkOrder(at);
		if (runningSince == null) {
			return this;
		}
		return new SlaClock(hours, target, warningPercent, used(at), null, null, at);
	}

	/** The clock running again from {@code at}, on the customer's reply; a running or stopped clock stays. */
	public SlaClock resume(Instant at) {
		checkOrder(at);
		if (runningSince != null || stoppedAt != null) {
			return this;
		}
		return new SlaClock(hours, target, warningPercent, usedBefore, at, null, at);
	}

	/** The clock stopped at {@code at}: the target is met then, or missed where it was past; a stopped clock stays. */
	public SlaClock stop(Instant at) {
		checkOrder(at);
		if (stoppedAt != null) {
			return this;
		}
		return new SlaClock(hours, target, warningPercent, used(at), null, at, at);
	}

	/** The business time used up to {@code now}, pauses left out. */
	public Duration used(Instant now) {
		if (runningSince == null) {
			return usedBefore;
		}
		return usedBefore.plus(hours.between(runningSince, now));
	}

	/** The business time left at {@code now}; negative once the target is past. */
	public Duration left(Instant now) {
		return target.minus(used(now));
	}

	/** When the target falls due, while the clock runs: unknown while it is paused or stopped. */
	public Optional<Instant> due() {
		return runningSince == null ? Optional.empty() : Optional.of(after(target));
	}

	/** When the target becomes at risk, while the clock runs. */
	public Optional<Instant> warningAt() {
		return runningSince == null ? Optional.empty() : Optional.of(after(threshold()));
	}

	/** The target's state at {@code now}. */
	public State state(Instant now) {
		Duration used = used(now);
		if (used.compareTo(target) > 0) {
			return State.BREACHED;
		}
		if (stoppedAt != null) {
			return State.MET;
		}
		if (used.compareTo(target) == 0) {
			return State.BREACHED;
		}
		return used.compareTo(threshold()) >= 0 ? State.AT_RISK : State.ON_TRACK;
	}

	public boolean running() {
		return runningSince != null;
	}

	public boolean stopped() {
		return stoppedAt != null;
	}

	public Duration target() {
		return target;
	}

	public int warningPercent() {
		return warningPercent;
	}

	private Duration threshold() {
		return target.multipliedBy(warningPercent).dividedBy(100);
	}

	private Instant after(Duration mark) {
		Duration rest = mark.minus(usedBefore);
		return hours.plus(runningSince, rest.isNegative() ? Duration.ZERO : rest);
	}

	private void checkOrder(Instant at) {
		if (at.isBefore(lastChange)) {
			throw new RuleBroken("support.sla.order", "The SLA clock changed at {0} already; it cannot change at {1}",
					lastChange, at);
		}
	}
}
