package org.rapport.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notification jobs on the persistent scheduler: the e-mail queue is looked at every
 * {@code rapport.mail.send-every}, and the daily digest goes out at 07:00 UTC.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class NotificationScheduling {

	@Bean
	RecurringTask<Void> mailSenderTask(MailSender sender, MailProperties properties) {
		return Tasks.recurring("mail-sender", Schedules.fixedDelay(properties.sendEvery()))
			.execute((instance, context) -> sender.sendDue());
	}

	@Bean
	RecurringTask<Void> dailyDigestTask(DailyDigest digest) {
		return Tasks.recurring("notification-digest", Schedules.daily(ZoneOffset.UTC, LocalTime.of(7, 0)))
			.execute((instance, context) -> digest.sendAll());
	}
}
