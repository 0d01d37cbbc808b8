package org.rapport.analytics.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.rapport.analytics.internal.AnalyticsRuns.Run;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Runs the models on the CRM's data on the persistent scheduler: every night the lifetime-value model, the standard
 * segmentation, the churn model and the recommendations are queued, and every 30 seconds the queued runs are run, one
 * after the other, in the analytics pool. The scheduler runs the sweep
 * on one node of the cluster at a time, so a run the sweep finds still running was cut off by a stop, and runs again.
 */
@Component
public class AnalyticsJobs {

	private static final Logger log = LoggerFactory.getLogger(AnalyticsJobs.class);

	private final AnalyticsRuns runs;
	private final CustomerValues values;
	private final ClvSettingsStore settings;
	private final AnalyticsPool pool;
	private final SavedSegmentations segmentations;
	private final ProductRecommendations recommendations;
	private final AccountChurn churn;

	AnalyticsJobs(AnalyticsRuns runs, CustomerValues values, ClvSettingsStore settings, AnalyticsPool pool,
			SavedSegmentations segmentations, ProductRecommendations recommendations, AccountChurn churn) {
		this.segmentations = segmentations;
		this.churn = churn;
		this.runs = runs;
		this.recommendations = recommendations;
		this.values = values;
		this.settings = settings;
		this.pool = pool;
	}

	/** Runs every queued run, the oldest first; answers how many ran. */
	public int sweep() {
		int cutOff = runs.requeueCutOff();
		if (cutOff > 0) {
			log.warn("Analytics: {} runs were cut off while running and run again", cutOff);
		}
		int ran = 0;
		for (Optional<Run> next = runs.claimNext(); next.isPresent(); next = runs.claimNext()) {
			Run run = next.get();
			try {
				String figures = switch (run.model()) {
					case CUSTOMER_VALUE -> pool.run(() -> values.compute(run.id()));
					// streams the accounts here and fits in the pool itself
					case SEGMENTS -> segmentations.compute(run);
					case RECOMMENDATIONS -> pool.run(() -> recommendations.compute(run.id()));
					case CHURN -> pool.run(() -> churn.compute(run.id(), run.parameters()));
				};
				runs.done(run.id(), figures);
			}
			catch (RuntimeException failed) {
				log.warn("Analytics: run {} of {} failed", run.id(), run.model(), failed);
				runs.failed(run.id(), failed instanceof org.rapport.shared.DomainException refused
						? java.text.MessageFormat.format(refused.getMessage(), refused.getArguments()) : failed.getClass().getSimpleName() + ": " + failed.getMessage());
			}
			ran++;
		}
		return ran;
	}

	/**
	 * Queues the nightly runs: the lifetime-value model first, whose predicted values the churn run weighs its risks
	 * by; the standard segmentation, which replaces its last; the churn model with the settings of its latest run; and
	 * the recommendations.
	 */
	public void nightly() {
		runs.queue(AnalyticsModel.CUSTOMER_VALUE, CustomerValues.parameters(settings.current()), null);
		segmentations.queueStandard();
		churn.nightly();
		runs.queue(AnalyticsModel.RECOMMENDATIONS, ProductRecommendations.PARAMETERS, null);
	}

	/** The schedule of the analytics jobs. */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> analyticsRunsTask(AnalyticsJobs jobs) {
			return Tasks.recurring("analytics-runs", Schedules.fixedDelay(Duration.ofSeconds(30)))
				.execute((instance, context) -> jobs.sweep());
		}

		@Bean
		RecurringTask<Void> analyticsNightlyTask(AnalyticsJobs jobs) {
			return Tasks.recurring("analytics-nightly", Schedules.daily(ZoneOffset.UTC, LocalTime.of(2, 0)))
				.execute((instance, context) -> jobs.nightly());
		}
	}
}
