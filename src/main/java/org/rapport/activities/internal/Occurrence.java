package org.rapport.activities.internal;

import java.time.Instant;

/**
 * An activity where a calendar, a list of work or a feed shows it: an activity that does not repeat (or an
 * occurrence that changed apart from its series) at its own times, or one occurrence of a series, which starts at
 * {@code original} and is the series itself until it changes apart.
 *
 * @param activity the activity, or the series the occurrence belongs to
 * @param start when it takes place: a task's due time, the others' start
 * @param end when it ends; the start for what takes no time
 * @param original the start the series gives the occurrence, {@code null} for an activity at its own times
 */
public record Occurrence(Activity activity, Instant start, Instant end, Instant original) {

	/** The activity at its own times. */
	static Occurrence of(Activity activity) {
		Instant start = activity.start() != null ? activity.start() : activity.getOccursAt();
		return new Occurrence(activity, start, start.plus(activity.length()), null);
	}

	/** The series' occurrence that starts at {@code start}. */
	static Occurrence inSeries(Activity series, Instant start) {
		return new Occurrence(series, start, start.plus(series.length()), start);
	}

	/** Whether it is an occurrence of a series that has not changed apart from it. */
	public boolean isInSeries() {
		return original != null;
	}

	/** The page that shows it. */
	public String getPath() {
		return "/activities/" + activity.getId() + (original == null ? "" : "?occurrence=" + original);
	}

	/** Whether its time has passed on {@code now} while it is still open. */
	public boolean isOverdue(Instant now) {
		if (original == null) {
			return activity.isOverdue(now);
		}
		return activity.getStatus() == ActivityStatus.OPEN && start.isBefore(now);
	}
}
