package org.rapport.analytics.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start with demo data, queues a run of each model on the CRM's data — the standard segmentation, the
 * customer-value model, the churn model after it (the values weigh the accounts at risk) and the recommendations — so
 * that the accounts' values, segments, risks and recommendations and the models' pages are filled within minutes of
 * the start rather than after the first night.
 */
@Component
@Profile("demo")
@Order(5)
class DemoAnalytics implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAnalytics.class);

	private final AnalyticsRuns runs;
	private final ClvSettingsStore settings;
	private final SavedSegmentations segmentations;
	private final AccountChurn churn;

	DemoAnalytics(AnalyticsRuns runs, ClvSettingsStore settings, SavedSegmentations segmentations,
			AccountChurn churn) {
		this.runs = runs;
		this.settings = settings;
		this.segmentations = segmentations;
		this.churn = churn;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (runs.latest(AnalyticsModel.SEGMENTS, 1).isEmpty()) {
			segmentations.queueStandard();
			log.info("Demo data: the standard segmentation is queued and runs within a minute");
		}
		if (runs.latest(AnalyticsModel.CUSTOMER_VALUE, 1).isEmpty()) {
			runs.queue(AnalyticsModel.CUSTOMER_VALUE, CustomerValues.parameters(settings.current()), null);
			log.info("Demo data: the customer-value model is queued and runs within a minute");
		}
		if (runs.latest(AnalyticsModel.CHURN, 1).isEmpty()) {
			churn.nightly();
			log.info("Demo data: the churn model is queued and runs after the customer values");
		}
		if (runs.latest(AnalyticsModel.RECOMMENDATIONS, 1).isEmpty()) {
			runs.queue(AnalyticsModel.RECOMMENDATIONS, ProductRecommendations.PARAMETERS, null);
			log.info("Demo data: the recommendations are queued and run within a minute");
		}
	}
}
