package org.rapport.support.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The support module's work on the persistent scheduler, which runs each task on one node of a cluster at a time: the
 * escalation sweep and the reading of the service mailbox, every minute.
 */
@Configuration(proxyBeanMethods = false)
class SupportScheduling {

	/** The name of the escalation sweep among the scheduler's tasks. */
	static final String ESCALATION = "case-escalation";

	/** The name of the reading of the service mailbox. */
	static final String MAILBOX = "case-mailbox";

	@Bean
	RecurringTask<Void> caseEscalationTask(CaseEscalations escalations) {
		return Tasks.recurring(ESCALATION, Schedules.fixedDelay(Duration.ofMinutes(1)))
			.execute((instance, context) -> escalations.sweep());
	}

	@Bean
	RecurringTask<Void> caseMailboxTask(CaseMailbox mailbox) {
		return Tasks.recurring(MAILBOX, Schedules.fixedDelay(Duration.ofMinutes(1)))
			.execute((instance, context) -> mailbox.poll());
	}
}
