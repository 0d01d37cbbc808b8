package org.rapport.shared;

import java.util.UUID;
import org.hibernate.id.uuid.UuidVersion7Strategy;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): new keys land at the end of the primary-key index instead of
 * scattering writes over it, lists ordered by {@code (created_at, id)} page by them, and they reveal nothing
 * guessable.
 * <p>
 * Entities whose id is first needed once they are persisted let Hibernate generate it
 * ({@code @UuidGenerator(style = VERSION_7)}). This is the one place for the ids that are needed before: a business
 * record ({@link BusinessRecord}) registers its creation event, which carries its id, in its constructor and hands
 * its id to other records before any flush, and the bulk writers (imports, generated data) insert rows through JDBC
 * batches without Hibernate. It takes the ids from the same strategy as Hibernate's generator, so that ids made
 * here and there one after another in this JVM keep their order, also within one millisecond.
 * <p>
 * The timestamp in a key is read from the system clock, not from the application's {@link java.time.Clock}: it
 * only orders keys as they are made and carries no business time, and a clock that a test sets back would make
 * new keys sort before older ones.
 */
public final class UuidV7 {

	private UuidV7() {
	}

	public static UUID next() {
		return UuidVersion7Strategy.INSTANCE.generateUuid(null);
	}
}
