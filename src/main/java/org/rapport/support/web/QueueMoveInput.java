package org.rapport.support.web;

import java.util.UUID;

/** The case page's form that moves a case to another team's queue. */
record QueueMoveInput(UUID teamId, Long version) {
}
