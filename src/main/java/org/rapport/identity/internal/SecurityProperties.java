package org.rapport.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings: the first administrator and the throttle on failed sign-ins.
 */
@ConfigurationProperties("rapport.security")
public class SecurityProperties {

	/** Password of the first administrator, used only when the database has no users. */
	private String adminPassword = "";

	/** An API token given to the first administrator, for scripts that set Rapport up. */
	private String adminToken = "";

	/** Failed sign-ins in a row after which a user is locked out for a while. */
	private int maxFailedLogins = 5;

	/** How long a user stays locked out. */
	private Duration lockout = Duration.ofMinutes(15);

	public String getAdminPassword() {
		return adminPassword;
	}

	public void setAdminPassword(String adminPassword) {
		this.adminPassword = adminPassword;
	}

	public String getAdminToken() {
		return adminToken;
	}

	public void setAdminToken(String adminToken) {
		this.adminToken = adminToken;
	}

	public int getMaxFailedLogins() {
		return maxFailedLogins;
	}

	public void setMaxFailedLogins(int maxFailedLogins) {
		this.maxFailedLogins = maxFailedLogins;
	}

	public Duration getLockout() {
		return lockout;
	}

	public void setLockout(Duration lockout) {
		this.lockout = lockout;
	}
}
