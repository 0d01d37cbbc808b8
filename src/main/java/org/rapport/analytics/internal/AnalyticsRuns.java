package org.rapport.analytics.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rapport.shared.UuidV7;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The runs of the models on the CRM's data: queued, running, done or failed, with their parameters and figures as
 * JSON. The sweep that runs them runs on one node at a time, so a run it finds still running was cut off.
 */
@Component
public class AnalyticsRuns {

	/** The longest error message kept. */
	static final int MAX_ERROR = 2000;

	private final JdbcTemplate jdbc;
	private final Clock clock;

	AnalyticsRuns(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Queues a run of the model unless one is queued or running already; answers that one or the new one. */
	public UUID queue(AnalyticsModel model, String parameters, UUID requestedBy) {
		Optional<Run> pending = pending(model);
		if (pending.isPresent()) {
			return pending.get().id();
		}
		return queueAnother(model, parameters, requestedBy);
	}

	/**
	 * Queues a run of the model even when another waits, for models whose every run makes something of its own (each
	 * saved segmentation); answers the new run.
	 */
	public UUID queueAnother(AnalyticsModel model, String parameters, UUID requestedBy) {
		UUID id = UuidV7.next();
		jdbc.update("insert into analytics_run (id, model, status, parameters, requested_by, queued_at) "
				+ "values (?, ?, 'QUEUED', ?, ?, ?)", id, model.name(), parameters, requestedBy, now());
		return id;
	}

	/** The run with this id, if any. */
	public Optional<Run> find(UUID id) {
		return jdbc.query(SELECT + "where id = ?", ROW, id).stream().findFirst();
	}

	/** The model's queued or running run, if any. */
	public Optional<Run> pending(AnalyticsModel model) {
		return jdbc.query(SELECT + "where model = ? and status in ('QUEUED', 'RUNNING') order by queued_at, id",
				ROW, model.name()).stream().findFirst();
	}

	/** Puts the runs that were cut off while running back in the queue. */
	int requeueCutOff() {
		return jdbc.update("update analytics_run set status = 'QUEUED', started_at = null where status = 'RUNNING'");
	}

	/** Marks the oldest queued run running and answers it; empty when none waits. */
	Optional<Run> claimNext() {
		for (Run run : jdbc.query(SELECT + "where status = 'QUEUED' order by queued_at, id", ROW)) {
			if (jdbc.update("update analytics_run set status = 'RUNNING', started_at = ? where id = ? "
					+ "and status = 'QUEUED'", now(), run.id()) == 1) {
				return Optional.of(new Run(run.id(), run.model(), "RUNNING", run.parameters(), null, null,
						run.requestedBy(), run.queuedAt(), clock.instant(), null));
			}
		}
		return Optional.empty();
	}

	void done(UUID id, String figures) {
		jdbc.update("update analytics_run set status = 'DONE', figures = ?, finished_at = ? where id = ?", figures,
				now(), id);
	}

	void failed(UUID id, String error) {
		String kept = error == null ? "" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
		jdbc.update("update analytics_run set status = 'FAILED', error = ?, finished_at = ? where id = ?", kept, now(),
				id);
	}

	/** The model's latest runs, newest first. */
	public List<Run> latest(AnalyticsModel model, int limit) {
		return jdbc.query(SELECT + "where model = ? order by queued_at desc, id desc limit " + Math.max(1, limit), ROW,
				model.name());
	}

	/** The model's latest run that finished well. */
	public Optional<Run> lastDone(AnalyticsModel model) {
		return jdbc.query(SELECT + "where model = ? and status = 'DONE' order by queued_at desc, id desc limit 1", ROW,
				model.name()).stream().findFirst();
	}

	private java.time.OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static final String SELECT = "select id, model, status, parameters, figures, error, requested_by, "
			+ "queued_at, started_at, finished_at from analytics_run ";

	private static final RowMapper<Run> ROW = (rs, row) -> new Run(rs.getObject(1, UUID.class),
			AnalyticsModel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
			rs.getObject(7, UUID.class), instant(rs.getObject(8, java.time.OffsetDateTime.class)),
			instant(rs.getObject(9, java.time.OffsetDateTime.class)), instant(rs.getObject(10, java.time.OffsetDateTime.class)));

	private static Instant instant(java.time.OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

	/**
	 * A run of a model: its state, its parameters and figures as JSON, why it failed, who asked for it and when it
	 * was queued, started and finished.
	 */
	public record Run(UUID id, AnalyticsModel model, String status, String parameters, String figures, String error,
			UUID requestedBy, Instant queuedAt, Instant startedAt, Instant finishedAt) {

		/** How long it ran, if it finished. */
		public java.time.Duration duration() {
			return startedAt == null || finishedAt == null ? null : java.time.Duration.between(startedAt, finishedAt);
		}
	}
}
