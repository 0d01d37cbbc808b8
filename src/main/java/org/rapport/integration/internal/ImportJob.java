package org.rapport.integration.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.integration.DecimalMark;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.MatchBy;

/**
 * One import of a file into the kind of record named {@code entity}: what it reads and how (its delimiter and the decimal mark of its numbers), and its checkpoint —
 * the last file line it committed and what the committed batches did (created, updated, skipped, rejected, and
 * unchanged: matched with a record that held the row's values already); while it is queued or running, the node that
 * runs it (its worker) and until when it holds it.
 */
public record ImportJob(UUID id, String entity, UUID ownerId, String fileName, String storedFile,
		long fileSize, char delimiter, DecimalMark decimalMark, int totalRows, List<String> headers, Map<Integer, String> mapping,
		DuplicateMode duplicateMode, MatchBy matchBy, Status status, long lastLine, int processedRows,
		int createdRows, int updatedRows, int skippedRows, int rejectedRows, String failure, Instant createdAt,
		Instant startedAt, Instant finishedAt, Instant undoneAt, String worker, Instant leaseUntil, int unchangedRows) {

	/** Where a job stands. */
	public enum Status {
		/** Uploaded, being mapped. */
		DRAFT,
		/** Waiting for a worker. */
		QUEUED,
		RUNNING,
		/** Stopped by its node going down in the middle (its lease ran out); resumable. */
		INTERRUPTED,
		/** Stopped by an error; resumable. */
		FAILED,
		DONE,
		UNDONE
	}

	public boolean isActive() {
		return status == Status.QUEUED || status == Status.RUNNING;
	}

	public boolean isResumable() {
		return status == Status.INTERRUPTED || status == Status.FAILED;
	}

	public boolean isFinished() {
		return status == Status.DONE || status == Status.INTERRUPTED || status == Status.FAILED
				|| status == Status.UNDONE;
	}

	/** How far it got, 0 to 100. */
	public int percent() {
		if (status == Status.DONE || status == Status.UNDONE) {
			return 100;
		}
		return totalRows == 0 ? 0 : (int) Math.min(100, processedRows * 100L / totalRows);
	}
}
