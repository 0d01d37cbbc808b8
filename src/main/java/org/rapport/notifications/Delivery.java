package org.rapport.notifications;

/** How a user wants a kind of notice: in the notification centre, by e-mail, both, or not at all. */
public enum Delivery {
	IN_APP, EMAIL, BOTH, NONE;

	public boolean inApp() {
		return this == IN_APP || this == BOTH;
	}

	public boolean byEmail() {
		return this == EMAIL || this == BOTH;
	}
}
