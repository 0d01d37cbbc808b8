package org.rapport.sales.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.sales.lifecycle.internal.CustomerLifecycle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The nightly jobs of sales, run by db-scheduler: persistent, and once per cluster because the nodes take each
 * execution through a row lock in {@code scheduled_tasks}. {@code rapport.scheduler.enabled=false} keeps the
 * scheduler from starting; the tasks stay beans that can be run on demand.
 */
@Configuration(proxyBeanMethods = false)
class CommerceScheduling {

	static final String CONTRACT_CALENDAR = "contract-calendar";

	static final String LIFECYCLE_CALENDAR = "lifecycle-calendar";

	@Bean
	RecurringTask<Void> contractCalendarTask(ContractBook contracts) {
		return Tasks.recurring(CONTRACT_CALENDAR, Schedules.daily(ZoneOffset.UTC, LocalTime.of(1, 0)))
			.execute((instance, context) -> contracts.followCalendar(contracts.today()));
	}

	/** After the contracts have moved, so that a contract that ran out counts as ended. */
	@Bean
	RecurringTask<Void> lifecycleCalendarTask(CustomerLifecycle lifecycle, ContractBook contracts) {
		return Tasks.recurring(LIFECYCLE_CALENDAR, Schedules.daily(ZoneOffset.UTC, LocalTime.of(1, 30)))
			.execute((instance, context) -> lifecycle.followAll(contracts.today()));
	}

	/**
	 * The name this node takes among the schedulers of the cluster, which {@code scheduled_tasks} records as the node
	 * running an execution: {@code rapport.instance-id}, the one name of the node that imports record too, when set;
	 * else the host name with the HTTP port, so that two nodes on one host are told apart (with the process id where
	 * the port is chosen at random).
	 */
	@Bean
	SchedulerName schedulerName(Environment environment) {
		String configured = environment.getProperty("rapport.instance-id");
		if (configured != null && !configured.isBlank()) {
			return new SchedulerName.Fixed(configured.strip());
		}
		return new SchedulerName.Fixed(instanceName(new SchedulerName.Hostname().getName(),
				environment.getProperty("server.port", Integer.class, 8080), ProcessHandle.current().pid()));
	}

	static String instanceName(String host, int port, long pid) {
		return port > 0 ? host + ":" + port : host + ":pid" + pid;
	}

	@Bean
	@ConditionalOnProperty(prefix = "rapport.scheduler", name = "enabled", havingValue = "true", matchIfMissing = true)
	Scheduler scheduler(DataSource dataSource, List<RecurringTask<?>> tasks, SchedulerName name) {
		return Scheduler.create(dataSource)
			.schedulerName(name)
			.startTasks(tasks)
			.threads(2)
			.pollingInterval(Duration.ofSeconds(30))
			.build();
	}

	/** Starts the scheduler once the schema is migrated and the context is up; stops it first on shutdown. */
	@Bean
	@ConditionalOnProperty(prefix = "rapport.scheduler", name = "enabled", havingValue = "true", matchIfMissing = true)
	SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				scheduler.start();
				running = true;
			}

			@Override
			public void stop() {
				scheduler.stop();
				running = false;
			}

			@Override
			public boolean isRunning() {
				return running;
			}
		};
	}
}
