package org.rapport.support.web;

import org.rapport.support.internal.CaseStatus;

/** The status form of a case page: where the case moves, and how it was resolved when it is resolved or closed. */
record MoveInput(CaseStatus status, String resolution, Long version) {
}
