package org.rapport.integration.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.rapport.identity.Actor;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.MatchBy;

/** Runs imports in tests as a user would: upload, the guessed mapping, start, then wait for the end. */
final class ImportRuns {

	private ImportRuns() {
	}

	/** Uploads the file under the guessed mapping, ready to start. */
	static ImportJob upload(Imports imports, Actor actor, String entity, String content, DuplicateMode mode,
			MatchBy matchBy) {
		ImportJob job = imports.upload(actor, entity, "test.csv",
				new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
		return imports.configure(actor, job.id(), new LinkedHashMap<>(job.mapping()), mode, matchBy, null);
	}

	/** Imports the file and answers the finished job. */
	static ImportJob run(Imports imports, Actor actor, String entity, String content, DuplicateMode mode,
			MatchBy matchBy) {
		ImportJob job = upload(imports, actor, entity, content, mode, matchBy);
		imports.start(actor, job.id());
		return awaitFinished(imports, actor, job.id());
	}

	/** The job once it has finished; fails after a minute. */
	static ImportJob awaitFinished(Imports imports, Actor actor, UUID id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			ImportJob job = imports.job(actor, id);
			if (job.isFinished()) {
				return job;
			}
			pause();
		}
		throw new AssertionError("The import did not finish");
	}

	/** The value once it is the expected one, or the last one read after ten seconds. */
	static <T> T eventually(Supplier<T> read, T expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		T value = read.get();
		while (!expected.equals(value) && System.nanoTime() < deadline) {
			pause();
			value = read.get();
		}
		return value;
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
