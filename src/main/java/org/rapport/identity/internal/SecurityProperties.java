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

	/** Failed sign-ins for one account, or from one client address, before further attempts must wait. */
	private int maxFailedLogins = 5;

	/** The wait after one failure more than allowed; it doubles with each further failure. */
	private Duration firstDelay = Duration.ofSeconds(1);

	/** The longest wait between attempts, however many failed. */
	private Duration maxDelay = Duration.ofMinutes(1);

	/** Failures older than this are forgotten. */
	private Duration forgetFailuresAfter = Duration.ofMinutes(15);

	/**
	 * How long a node trusts what it last read of an API token and its user before it reads them again: a token
	 * revoked, or a user deactivated, on another node stops working on this one within this time (on the node where
	 * it happens, at once). Zero reads them for every request.
	 */
	private Duration tokenRecheck = Duration.ofSeconds(1);

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

	public Duration getFirstDelay() {
		return firstDelay;
	}

	public void setFirstDelay(Duration firstDelay) {
		this.firstDelay = firstDelay;
	}

	public Duration getMaxDelay() {
		return maxDelay;
	}

	public void setMaxDelay(Duration maxDelay) {
		this.maxDelay = maxDelay;
	}

	public Duration getForgetFailuresAfter() {
		return forgetFailuresAfter;
	}

	public Duration getTokenRecheck() {
		return tokenRecheck;
	}

	public void setTokenRecheck(Duration tokenRecheck) {
		this.tokenRecheck = tokenRecheck;
	}

	public void setForgetFailuresAfter(Duration forgetFailuresAfter) {
		this.forgetFailuresAfter = forgetFailuresAfter;
	}
}
