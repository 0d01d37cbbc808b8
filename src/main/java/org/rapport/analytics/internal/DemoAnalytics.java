package org.rapport.analytics.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start with demo data, queues a run of the customer-value model and one of the churn model, so that the
 * accounts' values and risks and the models' pages are filled within a minute of the start rather than after the
 * first night.
 */
@Component
@Profile("demo")
@Order(5)
class DemoAnalytics implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAnalytics.class);

	private final AnalyticsRuns runs;
	private final ClvSettingsStore settings;
	private final AccountChurn churn;

	DemoAnalytics(AnalyticsRuns runs, ClvSettingsStore settings, AccountChurn churn) {
		this.churn = churn;
		this.runs = runs;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!runs.latest(AnalyticsModel.CUSTOMER_VALUE, 1).isEmpty()) {
			return;
		}
		runs.queue(AnalyticsModel.CUSTOMER_VALUE, CustomerValues.parameters(settings.current()), null);
		// after the values, which weigh the accounts at risk
		churn.nightly();
		log.info("Demo data: the customer-value and churn models are queued and run within a minute");
	}
}
