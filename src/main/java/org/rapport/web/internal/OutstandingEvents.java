package org.rapport.web.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Hands the events whose listeners never finished to them again: after a crash (the listener's node went down with
 * the event in flight) or a listener's failure, an event such as an import batch's would otherwise never reach the
 * search index. It runs once the application is ready and then periodically, for publications older than
 * {@code rapport.events.resubmit-after}, so that an event that a live node is processing right now is left to it.
 * The registry claims each publication before handing it on (its status moves to resubmitted in one conditional
 * update), so that when two nodes look at once only one of them processes it.
 */
@Component
class OutstandingEvents implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OutstandingEvents.class);

	private final IncompleteEventPublications incomplete;
	private final Duration after;
	private final Duration every;
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "outstanding-events");
		thread.setDaemon(true);
		return thread;
	});

	OutstandingEvents(IncompleteEventPublications incomplete,
			@Value("${rapport.events.resubmit-after:1m}") Duration after,
			@Value("${rapport.events.resubmit-every:1m}") Duration every) {
		this.incomplete = incomplete;
		this.after = after;
		this.every = every;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		timer.execute(this::resubmit);
		if (!every.isZero()) {
			timer.scheduleWithFixedDelay(this::resubmit, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/** Resubmits the publications older than the configured age that are still incomplete. */
	void resubmit() {
		try {
			incomplete.resubmitIncompletePublicationsOlderThan(after);
		}
		catch (RuntimeException e) {
			// the database may be away for a moment; the next round tries again
			log.warn("Could not resubmit outstanding events: {}", e.getMessage());
		}
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}
}
