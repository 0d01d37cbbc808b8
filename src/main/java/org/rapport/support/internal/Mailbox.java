package org.rapport.support.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.rapport.shared.ContactPoints;
import org.rapport.shared.InvalidField;

/**
 * The service mailbox that e-mail to case reads over IMAP: where it is (host, port, how the connection is secured,
 * the folder), how to sign in (a user and a password or an app password), its own address (replies from cases go
 * out with it as Reply-To, and mail from it is never read back as a customer's), and who the cases it opens belong
 * to: an agent and a queue, and what a sender whom no contact matches becomes: a new contact or a lead.
 */
@Entity
@Table(name = "support_mailbox")
public class Mailbox {

	/** The one row. */
	static final int ID = 1;

	/** How the IMAP connection is secured. */
	public enum Security {
		/** TLS from the start, usually port 993. */
		SSL,
		/** Plain at first, then TLS (STARTTLS), usually port 143. */
		STARTTLS,
		/** No encryption: for a server on the same machine or in tests only. */
		NONE
	}

	/** What e-mail to case makes of a sender whom no contact matches. */
	public enum UnknownSenders {
		/** A new contact, at an account of their company's domain (or of their own, for a free-mail address). */
		CONTACT,
		/** A lead, owned by the mailbox's agent in its queue; a lead with their address already gets the case. */
		LEAD
	}

	@Id
	private int id;

	@Version
	private long version;

	@Column(nullable = false)
	private boolean enabled;

	private String host;

	@Column(nullable = false)
	private int port;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Security security;

	private String username;

	private String password;

	@Column(nullable = false)
	private String folder;

	private String address;

	@Column(name = "owner_id")
	private UUID ownerId;

	@Column(name = "queue_team_id")
	private UUID queueTeamId;

	@Enumerated(EnumType.STRING)
	@Column(name = "unknown_senders", nullable = false)
	private UnknownSenders unknownSenders;

	@Column(name = "last_polled_at")
	private Instant lastPolledAt;

	@Column(name = "last_error")
	private String lastError;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected Mailbox() {
	}

	/** The mailbox before an administrator sets it: off, IMAP over TLS on port 993, the inbox. */
	static Mailbox unset() {
		Mailbox mailbox = new Mailbox();
		mailbox.id = ID;
		mailbox.port = 993;
		mailbox.security = Security.SSL;
		mailbox.folder = "INBOX";
		mailbox.unknownSenders = UnknownSenders.CONTACT;
		return mailbox;
	}

	/**
	 * New settings, each checked; a password left blank keeps the one kept. An enabled mailbox needs a host, a user,
	 * its address and an owner.
	 */
	void change(Settings settings, Instant at) {
		String trimmedHost = blankToNull(settings.host());
		if (settings.port() < 1 || settings.port() > 65535) {
			throw new InvalidField("port", "support.mailbox.port", "A port is a number from 1 to 65535");
		}
		if (settings.security() == null) {
			throw new InvalidField("security", "validation.required", "Choose how the connection is secured");
		}
		String trimmedFolder = blankToNull(settings.folder());
		String trimmedAddress = blankToNull(settings.address());
		if (trimmedAddress != null && !ContactPoints.isEmail(trimmedAddress)) {
			throw new InvalidField("address", ContactPoints.EMAIL_MESSAGE, "Not an e-mail address");
		}
		if (settings.enabled()) {
			if (trimmedHost == null) {
				throw new InvalidField("host", "support.mailbox.host", "Give the IMAP server's host name");
			}
			if (blankToNull(settings.username()) == null) {
				throw new InvalidField("username", "support.mailbox.username", "Give the user that signs in");
			}
			if (trimmedAddress == null) {
				throw new InvalidField("address", "support.mailbox.address", "Give the mailbox's own e-mail address");
			}
			if (settings.ownerId() == null) {
				throw new InvalidField("ownerId", "support.mailbox.owner",
						"Choose the agent who owns the cases the mailbox opens");
			}
		}
		this.enabled = settings.enabled();
		this.host = trimmedHost;
		this.port = settings.port();
		this.security = settings.security();
		this.username = blankToNull(settings.username());
		if (settings.password() != null && !settings.password().isEmpty()) {
			this.password = settings.password();
		}
		this.folder = trimmedFolder == null ? "INBOX" : trimmedFolder;
		this.address = trimmedAddress;
		this.ownerId = settings.ownerId();
		this.queueTeamId = settings.queueTeamId();
		this.unknownSenders = settings.unknownSenders() == null ? UnknownSenders.CONTACT : settings.unknownSenders();
		this.updatedAt = at;
	}

	void polled(Instant at, String error) {
		this.lastPolledAt = at;
		this.lastError = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public long getVersion() {
		return version;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public String getHost() {
		return host;
	}

	public int getPort() {
		return port;
	}

	public Security getSecurity() {
		return security;
	}

	public String getUsername() {
		return username;
	}

	/** Whether a password is kept; the password itself is never shown. */
	public boolean hasPassword() {
		return password != null;
	}

	String password() {
		return password;
	}

	public String getFolder() {
		return folder;
	}

	public String getAddress() {
		return address;
	}

	public UUID getOwnerId() {
		return ownerId;
	}

	public UUID getQueueTeamId() {
		return queueTeamId;
	}

	public UnknownSenders getUnknownSenders() {
		return unknownSenders == null ? UnknownSenders.CONTACT : unknownSenders;
	}

	public Instant getLastPolledAt() {
		return lastPolledAt;
	}

	public String getLastError() {
		return lastError;
	}

	/** What an administrator sets; a blank password keeps the one kept, no choice for unknown senders a contact. */
	public record Settings(boolean enabled, String host, int port, Security security, String username,
			String password, String folder, String address, UUID ownerId, UUID queueTeamId,
			UnknownSenders unknownSenders) {

		/** Settings that make a sender whom no contact matches a new contact. */
		public Settings(boolean enabled, String host, int port, Security security, String username, String password,
				String folder, String address, UUID ownerId, UUID queueTeamId) {
			this(enabled, host, port, security, username, password, folder, address, ownerId, queueTeamId,
					UnknownSenders.CONTACT);
		}
	}
}
