package org.rapport.support.web;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.rapport.support.internal.Mailbox;

/**
 * The service mailbox as its form takes it. The password is never filled in; left blank, the kept one stays.
 */
record MailboxInput(Boolean enabled, String host, @NotNull Integer port, Mailbox.Security security, String username,
		String password, String folder, String address, UUID ownerId, UUID queueTeamId,
		Mailbox.UnknownSenders unknownSenders, Long version) {

	static MailboxInput of(Mailbox mailbox) {
		return new MailboxInput(mailbox.isEnabled(), mailbox.getHost(), mailbox.getPort(), mailbox.getSecurity(),
				mailbox.getUsername(), null, mailbox.getFolder(), mailbox.getAddress(), mailbox.getOwnerId(),
				mailbox.getQueueTeamId(), mailbox.getUnknownSenders(), mailbox.getVersion());
	}

	Mailbox.Settings toSettings() {
		return new Mailbox.Settings(enabled != null && enabled, host, port, security, username, password, folder,
				address, ownerId, queueTeamId, unknownSenders);
	}

	/** Its text, as a log would show it, leaves the password out. */
	@Override
	public String toString() {
		return "MailboxInput[enabled=" + enabled + ", host=" + host + ", port=" + port + ", username=" + username + "]";
	}
}
