package org.rapport.notifications.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the e-mails Rapport sends ({@code rapport.mail.*}); the SMTP server is Spring's
 * {@code spring.mail.host}, {@code port}, {@code username}, {@code password} and
 * {@code properties.mail.smtp.starttls.enable}. Without {@code spring.mail.host} nothing is mailed: the e-mails wait
 * in the queue.
 *
 * @param from the sender's address
 * @param baseUrl the address of Rapport that links in e-mails start with
 * @param retryAfter how long a refused e-mail waits before the next attempt; each further one waits twice as long
 * @param maxAttempts how often an e-mail is tried before it counts as failed
 * @param sendEvery how often the queue is looked at
 */
@ConfigurationProperties("rapport.mail")
public record MailProperties(String from, String baseUrl, Duration retryAfter, Integer maxAttempts,
		Duration sendEvery) {

	public MailProperties {
		from = from == null || from.isBlank() ? "rapport@localhost" : from.strip();
		baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.strip().replaceAll("/+$", "");
		retryAfter = retryAfter == null || retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofMinutes(1)
				: retryAfter;
		maxAttempts = maxAttempts == null || maxAttempts < 1 ? 8 : maxAttempts;
		sendEvery = sendEvery == null || sendEvery.isNegative() || sendEvery.isZero() ? Duration.ofSeconds(15)
				: sendEvery;
	}
}
