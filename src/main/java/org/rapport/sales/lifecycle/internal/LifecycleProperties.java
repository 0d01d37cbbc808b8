package org.rapport.sales.lifecycle.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long an account stays New after its first purchase ({@code rapport.lifecycle.new-period}) and how long
 * without a purchase or a running contract makes it Lost ({@code rapport.lifecycle.lost-after}).
 */
@ConfigurationProperties("rapport.lifecycle")
public class LifecycleProperties {

	private Duration newPeriod = Duration.ofDays(90);

	private Duration lostAfter = Duration.ofDays(365);

	public Duration getNewPeriod() {
		return newPeriod;
	}

	public void setNewPeriod(Duration newPeriod) {
		this.newPeriod = newPeriod;
	}

	public Duration getLostAfter() {
		return lostAfter;
	}

	public void setLostAfter(Duration lostAfter) {
		this.lostAfter = lostAfter;
	}

	LifecycleRules rules() {
		return new LifecycleRules(newPeriod, lostAfter);
	}
}
