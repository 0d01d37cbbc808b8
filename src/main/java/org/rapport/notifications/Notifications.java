package org.rapport.notifications;

/**
 * Tells users what concerns them; other modules call it for their notices.
 */
public interface Notifications {

	/**
	 * Tells the recipient, as they chose for the kind: in the notification centre, by e-mail, both or not at all;
	 * the e-mail leaves after the caller's transaction commits, and only then. A notice to oneself is dropped.
	 */
	void notify(Notice notice);

	/**
	 * Tells each notice's recipient as {@link #notify} does, the lot written together: for work that tells many users
	 * at once, such as a sweep of escalations.
	 */
	void notifyAll(java.util.List<Notice> notices);

	/**
	 * Sends an e-mail after the caller's transaction commits, and only then, at most once; one the SMTP server
	 * refuses before taking it is tried again later.
	 */
	void mail(OutgoingMail mail);
}
