package org.rapport.analytics.internal;

import java.util.concurrent.Callable;
import org.rapport.analytics.internal.segments.FitRunner;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The threads that fit and score the models on this node: one {@link FitRunner}, a fork-join pool of their own, so
 * that the parallel streams of the learning library run in it rather than in the common pool that requests share,
 * and so that fits never take more than the configured parallelism.
 */
@Component
@EnableConfigurationProperties(AnalyticsProperties.class)
public class AnalyticsPool implements DisposableBean {

	private final FitRunner runner;

	AnalyticsPool(AnalyticsProperties properties) {
		this.runner = new FitRunner(properties.parallelism());
	}

	/** Runs the work in the pool and answers what it answers; what it throws is thrown here as it was. */
	public <T> T run(Callable<T> work) {
		return runner.run(work);
	}

	/** How many threads the pool runs at most. */
	public int parallelism() {
		return runner.parallelism();
	}

	@Override
	public void destroy() {
		runner.close();
	}

	/**
	 * The churn models' own pool, which spreads each algorithm and fold of a cross-validation over its threads, as
	 * many as the analytics pool's; closed when the application stops.
	 */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class ChurnPool {

		@org.springframework.context.annotation.Bean(destroyMethod = "close")
		org.rapport.analytics.internal.churn.ChurnModels churnModels(AnalyticsProperties properties) {
			return new org.rapport.analytics.internal.churn.ChurnModels(properties.parallelism());
		}
	}
}
