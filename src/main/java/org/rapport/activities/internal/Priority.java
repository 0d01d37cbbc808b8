package org.rapport.activities.internal;

/** How urgent a task is. */
public enum Priority {
	LOW, NORMAL, HIGH
}
