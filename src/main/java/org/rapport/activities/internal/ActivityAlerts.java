package org.rapport.activities.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the alerts that fell due: a task's owner is told when it falls due, a meeting's owner and participants the
 * chosen minutes before it starts. A sweep on the persistent scheduler, which runs it on one node of the cluster at a
 * time every 30 seconds; it reads what is due from the activities themselves, so an alert that fell due while
 * Rapport was down goes out at the next start, a deleted meeting has nothing left to remind and a moved one has a
 * new time. Each alert is marked gone out in the transaction that writes its notices, so it goes out once.
 */
@Component
public class ActivityAlerts {

	private static final Logger log = LoggerFactory.getLogger(ActivityAlerts.class);

	/** How many alerts one transaction sends. */
	static final int BATCH = 500;

	private final EntityManager em;
	private final ActivityNotices notices;
	private final Clock clock;
	private final TransactionTemplate transactions;

	ActivityAlerts(EntityManager em, ActivityNotices notices, Clock clock, PlatformTransactionManager transactions) {
		this.em = em;
		this.notices = notices;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** Sends every alert due now, a batch per transaction; answers how many went out. */
	public int sweep() {
		long started = System.nanoTime();
		Instant now = clock.instant();
		int sent = 0;
		int read;
		do {
			int[] batch = transactions.execute(status -> batch(now));
			read = batch[0];
			sent += batch[1];
		}
		while (read == BATCH);
		if (sent > 0) {
			log.info("Activity alerts: {} sent in {} ms", sent, (System.nanoTime() - started) / 1_000_000);
		}
		return sent;
	}

	private int[] batch(Instant now) {
		List<Activity> due = em.createQuery("select a from Activity a where a.alertedAt is null and a.alertAt <= :now "
				+ "order by a.alertAt, a.id", Activity.class)
			.setParameter("now", now)
			.setMaxResults(BATCH)
			.getResultList();
		int sent = 0;
		for (Activity activity : due) {
			if (activity.isSeries()) {
				Instant occurrence = activity.alertedOccurrence(now);
				// an occurrence that changed apart from its series alerts as an activity of its own
				if (occurrence != null && em.createQuery("select count(a) from Activity a where a.seriesId = :series "
						+ "and a.originalStart = :start", Long.class)
					.setParameter("series", activity.getId())
					.setParameter("start", occurrence)
					.getSingleResult() == 0) {
					notices.alert(activity, occurrence);
					sent++;
				}
			}
			else if (activity.alerted(now)) {
				notices.alert(activity);
				sent++;
			}
		}
		em.flush();
		em.clear();
		return new int[] { due.size(), sent };
	}

	/** The sweep's schedule. */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> activityAlertsTask(ActivityAlerts alerts) {
			return Tasks.recurring("activity-alerts", Schedules.fixedDelay(Duration.ofSeconds(30)))
				.execute((instance, context) -> alerts.sweep());
		}
	}
}
