package org.rapport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The application's clock in tests, in UTC. It follows the system clock until a test sets it or moves it on; from
 * then on it stands still but for the moves the test makes.
 * <p>
 * {@code @Import(TestClock.Setup.class)} puts it in place of the application's clock. Spring keeps that context
 * for every test class that imports the same, so after each test the clock follows the system clock again
 * ({@link Reset}): a test sets the time it needs at its start. Without Spring, a test makes one that stands at a
 * given instant.
 */
public final class TestClock extends Clock {

	/** Where the clock stands, or null while it follows the system clock. */
	private volatile Instant standing;

	/** A clock that follows the system clock until it is set or moved. */
	public TestClock() {
	}

	/** A clock that stands at the instant until it is moved. */
	public TestClock(Instant at) {
		this.standing = at;
	}

	/** Stops the clock where it reads now. */
	public TestClock stop() {
		return setTo(instant());
	}

	/** Stops the clock at the instant. */
	public TestClock setTo(Instant at) {
		standing = at;
		return this;
	}

	/** Moves the clock on (back, with a negative duration) and stops it there. */
	public synchronized TestClock advance(Duration duration) {
		standing = instant().plus(duration);
		return this;
	}

	/** Lets the clock follow the system clock again. */
	public void reset() {
		standing = null;
	}

	/** The day the clock reads, in UTC. */
	public LocalDate today() {
		return LocalDate.ofInstant(instant(), ZoneOffset.UTC);
	}

	@Override
	public Instant instant() {
		Instant at = standing;
		return at == null ? Instant.now() : at;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return ZoneOffset.UTC.equals(zone) ? this : new InZone(this, zone);
	}

	/** The same clock read in another zone. */
	private static final class InZone extends Clock {

		private final TestClock clock;
		private final ZoneId zone;

		InZone(TestClock clock, ZoneId zone) {
			this.clock = clock;
			this.zone = zone;
		}

		@Override
		public Instant instant() {
			return clock.instant();
		}

		@Override
		public ZoneId getZone() {
			return zone;
		}

		@Override
		public Clock withZone(ZoneId other) {
			return clock.withZone(other);
		}
	}

	/**
	 * Puts a {@link TestClock} in place of the application's clock. Work that runs by itself keeps real time: the
	 * import leases and the web-form rate go by the system clock anyway, and the event publication registry, which
	 * would otherwise take the application's clock, is given the system clock here. It dates each publication and
	 * judges which ones are old enough to be handed to their listeners again; on a clock set back or ahead, the
	 * resubmitter of this or of any other context sharing the database would take events that are still in flight
	 * for abandoned ones, or never take abandoned ones.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Setup {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

		@Bean
		static BeanFactoryPostProcessor eventPublicationsOnRealTime() {
			return beanFactory -> {
				for (String name : beanFactory.getBeanNamesForType(DefaultEventPublicationRegistry.class, true,
						false)) {
					((AbstractBeanDefinition) beanFactory.getBeanDefinition(name))
						.setInstanceSupplier(() -> new DefaultEventPublicationRegistry(
								beanFactory.getBean(EventPublicationRepository.class), Clock.systemUTC()));
				}
			};
		}
	}

	/** After each test, lets the context's test clock, if it has one, follow the system clock again. */
	public static final class Reset implements TestExecutionListener {

		@Override
		public void afterTestMethod(TestContext testContext) {
			if (testContext.hasApplicationContext()) {
				testContext.getApplicationContext().getBeanProvider(TestClock.class).ifAvailable(TestClock::reset);
			}
		}
	}
}
