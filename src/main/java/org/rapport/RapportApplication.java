package org.rapport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

/**
 * Rapport, an open-source CRM with customer analytics built in.
 */
@SpringBootApplication
@EnableJpaAuditing(auditorAwareRef = "currentAuditor")
public class RapportApplication {

	public static void main(String[] args) {
		SpringApplication.run(RapportApplication.class, args);
	}
}
