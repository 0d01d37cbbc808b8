package org.rapport.analytics.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start with demo data, queues a run of the customer-value model, so that the accounts' values and the
 * model's page are filled within a minute of the start rather than after the first night.
 */
@Component
@Profile("demo")
@Order(5)
class DemoAnalytics implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAnalytics.class);

	private final AnalyticsRuns runs;
	private final ClvSettingsStore settings;

	DemoAnalytics(AnalyticsRuns runs, ClvSettingsStore settings) {
		this.runs = runs;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!runs.latest(AnalyticsModel.CUSTOMER_VALUE, 1).isEmpty()) {
			return;
		}
		runs.queue(AnalyticsModel.CUSTOMER_VALUE, CustomerValues.parameters(settings.current()), null);
		log.info("Demo data: the customer-value model is queued and runs within a minute");
	}
}
