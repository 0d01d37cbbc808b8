package org.rapport.analytics.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The threads that fit and score the models: a fork-join pool of their own, so that the parallel streams of the
 * learning library run in it rather than in the common pool that requests share, and so that a busy fit never
 * holds a request thread's CPU beyond the configured parallelism.
 */
@Component
@EnableConfigurationProperties(AnalyticsProperties.class)
public class AnalyticsPool implements DisposableBean {

	private final ForkJoinPool pool;

	AnalyticsPool(AnalyticsProperties properties) {
		this.pool = new ForkJoinPool(properties.parallelism(), pool -> {
			ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
			thread.setName("analytics-" + thread.getPoolIndex());
			return thread;
		}, null, false);
	}

	/** Runs the work in the pool and answers what it answers; what it throws is thrown here as it was. */
	public <T> T run(Callable<T> work) {
		try {
			return pool.submit(work).get();
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the analytics pool worked", interrupted);
		}
		catch (ExecutionException failed) {
			Throwable cause = failed.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
	}

	/** How many threads the pool runs at most. */
	public int parallelism() {
		return pool.getParallelism();
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}
}
