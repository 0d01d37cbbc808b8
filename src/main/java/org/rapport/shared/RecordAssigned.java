package org.rapport.shared;

import java.util.UUID;

/**
 * A record went to another owner by a user's hand, as its module wrote it: the new owner hears of it. Imports and
 * merges that move records in bulk do not announce it.
 *
 * @param record the record, as {@code type:id}
 * @param owner its new owner
 * @param previousOwner its owner before
 * @param by the user who gave it
 */
public record RecordAssigned(RecordRef record, UUID owner, UUID previousOwner, UUID by) {
}
