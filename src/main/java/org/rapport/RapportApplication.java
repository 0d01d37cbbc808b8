package org.rapport;

import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

/**
 * Rapport, an open-source CRM with customer analytics built in.
 */
@SpringBootApplication
@EnableJpaAuditing(auditorAwareRef = "currentAuditor", dateTimeProviderRef = "recordTimes")
public class RapportApplication {

	public static void main(String[] args) {
		SpringApplication.run(RapportApplication.class, args);
	}

	/**
	 * The time every rule of every module reads, in UTC. It is declared here, outside the modules, so that each of
	 * them takes it by injection; tests put a clock of their own in its place.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** When business records were created and last changed, by the same clock as every other time. */
	@Bean
	DateTimeProvider recordTimes(Clock clock) {
		return () -> Optional.of(clock.instant());
	}
}
