package org.rapport.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): new keys land at the end of the primary-key index instead of
 * scattering writes over it, and still reveal nothing guessable.
 * <p>
 * The timestamp in a key is read from the system clock, not from the application's {@link java.time.Clock}: it
 * only orders keys as they are made and carries no business time, and a clock that a test sets back would make
 * new keys sort before older ones.
 */
public final class UuidV7 {

	private static final SecureRandom RANDOM = new SecureRandom();

	private UuidV7() {
	}

	public static UUID next() {
		return at(System.currentTimeMillis());
	}

	static UUID at(long epochMillis) {
		long random = RANDOM.nextLong();
		long msb = (epochMillis << 16) | 0x7000L | ((random >>> 52) & 0x0FFFL);
		long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}
}
