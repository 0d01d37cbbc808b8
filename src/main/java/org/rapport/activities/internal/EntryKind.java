package org.rapport.activities.internal;

import org.rapport.activities.ActivityKind;

/** The kinds of timeline entry a timeline may be narrowed to: one kind of activity, or the reported changes. */
public enum EntryKind {
	TASK, CALL, MEETING, EMAIL, NOTE, CHANGE;

	/** The kind of activity, or {@code null} for the changes. */
	public ActivityKind activityKind() {
		return this == CHANGE ? null : ActivityKind.valueOf(name());
	}
}
