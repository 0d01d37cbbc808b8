package org.rapport.integration.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.rapport.integration.DateOrder;
import org.rapport.integration.DecimalMark;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.MatchBy;

/**
 * One import of a file into the kind of record named {@code entity}: what it reads and how (its delimiter, the
 * decimal mark of its numbers and the currency of its amounts that name none), and its checkpoint — the last file line it committed and what the committed batches
 * did (created, updated, skipped, rejected, and unchanged: matched with a record that held the row's values
 * already); while it is queued or running, the node that runs it (its worker) and until when it holds it.
 *
 * @param encoding the encoding the file is read in
 * @param dateOrders the order of the dates of the columns (by index) whose order the user chose
 * @param detected what was detected of the file when it was read, or null for jobs from before detection
 * @param currency the currency (ISO 4217) of the file's amounts that name none, detected or chosen; it matters only
 * to kinds of record that hold amounts ({@link org.rapport.integration.ImportableKind#holdsAmounts()})
 */
public record ImportJob(UUID id, String entity, UUID ownerId, String fileName, String storedFile,
		long fileSize, char delimiter, DecimalMark decimalMark, int totalRows, List<String> headers, Map<Integer, String> mapping,
		DuplicateMode duplicateMode, MatchBy matchBy, Status status, long lastLine, int processedRows,
		int createdRows, int updatedRows, int skippedRows, int rejectedRows, String failure, Instant createdAt,
		Instant startedAt, Instant finishedAt, Instant undoneAt, String worker, Instant leaseUntil, int unchangedRows,
		FileEncoding encoding, Map<Integer, DateOrder> dateOrders, FileDetection detected, String currency) {

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

	/** The file as this job reads it: in its encoding, with its delimiter. */
	CsvSource source() {
		return new CsvSource(Path.of(storedFile), encoding, delimiter);
	}

	/**
	 * The order the dates of a column are read in: the one the user chose, else the one its cells told, else the
	 * one assumed for the file's decimal mark.
	 */
	public DateOrder dateOrder(int column) {
		DateOrder chosen = dateOrders.get(column);
		if (chosen != null) {
			return chosen;
		}
		DateOrder.Detection told = detected == null ? null : detected.dates().get(column);
		return told != null && !told.assumed() ? told.order() : DateOrder.assumedFor(decimalMark);
	}

	/** Whether the order of a column's dates is only assumed: neither chosen by the user nor told by its cells. */
	public boolean isDateOrderAssumed(int column) {
		DateOrder.Detection told = detected == null ? null : detected.dates().get(column);
		return !dateOrders.containsKey(column) && (told == null || told.assumed());
	}

	/** The columns whose dates have an order: those holding dates, those with a chosen order, and those given. */
	public List<Integer> dateColumns(Collection<Integer> mappedToDates) {
		TreeSet<Integer> columns = new TreeSet<>(dateOrders.keySet());
		if (detected != null) {
			columns.addAll(detected.dates().keySet());
		}
		columns.addAll(mappedToDates);
		columns.removeIf(column -> column < 0 || column >= headers.size());
		return List.copyOf(columns);
	}

	/** The order of the dates of each mapped column, by the key of the field it fills. */
	public Map<String, DateOrder> dateOrdersByField() {
		Map<String, DateOrder> orders = new LinkedHashMap<>();
		mapping.forEach((column, field) -> orders.put(field, dateOrder(column)));
		return orders;
	}
}
