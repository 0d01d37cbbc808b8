package org.rapport.analytics.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
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
		// the work's own exception is kept: ForkJoinTask would hand over a copy made by reflection
		ForkJoinTask<Outcome<T>> task = pool.submit(() -> {
			try {
				return new Outcome<>(work.call(), null);
			}
			catch (Exception | Error failed) {
				return new Outcome<>(null, failed);
			}
		});
		Outcome<T> outcome;
		try {
			outcome = task.get();
		}
		catch (InterruptedException interrupted) {
			task.cancel(true);
			Thread.currentThread().interrupt();
			throw new CancellationException("Interrupted while waiting for the analytics pool");
		}
		catch (ExecutionException failed) {
			throw new IllegalStateException(failed.getCause());
		}
		if (outcome.failure() instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (outcome.failure() instanceof Error error) {
			throw error;
		}
		if (outcome.failure() != null) {
			throw new IllegalStateException(outcome.failure());
		}
		return outcome.value();
	}

	private record Outcome<T>(T value, Throwable failure) {
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
