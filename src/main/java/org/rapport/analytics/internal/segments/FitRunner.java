package org.rapport.analytics.internal.segments;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fork-join pool of its own for model fits. Smile spreads its work over parallel streams, which run in the pool of
 * the thread that starts them: started here, a long fit takes none of the common pool that request threads and other
 * parallel streams share. One runner serves all of a node's analytics jobs; close it when the application stops.
 */
public final class FitRunner implements AutoCloseable {

	private static final AtomicInteger POOLS = new AtomicInteger();

	private final ForkJoinPool pool;

	/** A runner whose pool uses up to this many threads. */
	public FitRunner(int parallelism) {
		if (parallelism < 1) {
			throw new IllegalArgumentException("A pool of at least one thread, not " + parallelism);
		}
		String prefix = "analytics-fit-" + POOLS.incrementAndGet() + "-";
		this.pool = new ForkJoinPool(parallelism, pool -> {
			ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
			thread.setName(prefix + thread.getPoolIndex());
			return thread;
		}, null, false);
	}

	/** A runner with a thread per available processor. */
	public static FitRunner perProcessor() {
		return new FitRunner(Runtime.getRuntime().availableProcessors());
	}

	/**
	 * What the fit returns, computed in this runner's pool; the calling thread waits. A refusal or failure of the fit
	 * comes out as it was thrown.
	 */
	public <T> T run(Callable<T> fit) {
		// the fit's own exception is kept here: ForkJoinTask would hand over a copy made by reflection
		ForkJoinTask<Outcome<T>> task = pool.submit(() -> {
			try {
				return new Outcome<>(fit.call(), null);
			}
			catch (Exception | Error e) {
				return new Outcome<>(null, e);
			}
		});
		Outcome<T> outcome;
		try {
			outcome = task.get();
		}
		catch (InterruptedException e) {
			task.cancel(true);
			Thread.currentThread().interrupt();
			throw new CancellationException("Interrupted while waiting for the fit");
		}
		catch (ExecutionException e) {
			throw new IllegalStateException(e.getCause());
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

	/** The most threads that fits use at once. */
	public int parallelism() {
		return pool.getParallelism();
	}

	/** Stops taking fits; those under way finish. */
	@Override
	public void close() {
		pool.shutdown();
	}
}
