package org.rapport.support.internal;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import org.rapport.identity.Actor;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.UserSummary;
import org.rapport.shared.NotPermitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail to case. Reads the service mailbox's unread messages over IMAP: a message whose subject carries a case number
 * or that answers a message of a case's conversation joins that case as the customer's reply (a resolved case reopens;
 * a closed one stays closed and the message opens a new case); any other opens a case for the sender, matched to a
 * contact by address, else a new contact (see {@link CaseIntake}); its files are kept on the case. Auto-replies,
 * bounces, lists and the mailbox's own mail are recorded and left alone. Each message is recorded by its Message-ID in
 * the transaction that acts on it, and marked read after: a message read again after a crash is recognised and not
 * handled twice.
 */
@Service
public class CaseMailbox {

	private static final Logger log = LoggerFactory.getLogger(CaseMailbox.class);

	/** How many messages a poll reads and marks read at a time. */
	static final int BATCH = 200;

	/** The whole of each message, with its flags: parsed here once fetched. */
	private static final FetchProfile WHOLE_MESSAGES = new FetchProfile();

	static {
		WHOLE_MESSAGES.add(FetchProfile.Item.FLAGS);
		WHOLE_MESSAGES.add(org.eclipse.angus.mail.imap.IMAPFolder.FetchProfileItem.MESSAGE);
	}


	/** What became of a message. */
	enum Outcome {
		OPENED, REPLY, AUTOMATIC, OWN
	}

	private final Mailboxes mailboxes;
	private final CaseIntake intake;
	private final CaseAttachments attachments;
	private final Cases cases;
	private final CaseComments comments;
	private final CaseBook book;
	private final UserDirectory directory;
	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final TransactionTemplate transactions;

	private int batchSize = BATCH;

	CaseMailbox(Mailboxes mailboxes, CaseIntake intake, CaseAttachments attachments, Cases cases, CaseComments comments, CaseBook book,
			UserDirectory directory, JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactionManager) {
		this.mailboxes = mailboxes;
		this.intake = intake;
		this.attachments = attachments;
		this.cases = cases;
		this.comments = comments;
		this.book = book;
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Reads and marks read this many messages at a time rather than {@link #BATCH}; for tests. */
	void batchSize(int size) {
		this.batchSize = size;
	}

	/** The mailbox's settings as kept, or as they are before anybody set them. */
	public Mailbox settings() {
		return mailboxes.findById(Mailbox.ID).orElseGet(Mailbox::unset);
	}

	/** Keeps new settings; only an administrator changes them. */
	public Mailbox change(Actor actor, long expectedVersion, Mailbox.Settings settings) {
		requireAdmin(actor);
		return transactions.execute(status -> {
			Mailbox mailbox = mailboxes.findById(Mailbox.ID).orElseGet(Mailbox::unset);
			if (mailboxes.existsById(Mailbox.ID) && mailbox.getVersion() != expectedVersion) {
				throw new ObjectOptimisticLockingFailureException(Mailbox.class, Mailbox.ID);
			}
			if (settings.ownerId() != null && directory.find(new UserId(settings.ownerId()))
				.filter(UserSummary::active)
				.isEmpty()) {
				throw new org.rapport.shared.InvalidField("ownerId", "support.mailbox.owner",
						"Choose the agent who owns the cases the mailbox opens");
			}
			mailbox.change(settings, clock.instant());
			return mailboxes.saveAndFlush(mailbox);
		});
	}

	/**
	 * Signs in to the mailbox with the settings kept and opens its folder, without reading anything: answers the number
	 * of messages in it, or the server's refusal as a {@link MailboxUnreachable}.
	 */
	public int test(Actor actor) {
		requireAdmin(actor);
		Mailbox mailbox = settings();
		try (Store store = connect(mailbox)) {
			Folder folder = store.getFolder(mailbox.getFolder());
			folder.open(Folder.READ_ONLY);
			try {
				return folder.getMessageCount();
			}
			finally {
				folder.close(false);
			}
		}
		catch (MessagingException | RuntimeException failed) {
			throw new MailboxUnreachable(describe(failed));
		}
	}

	/**
	 * Reads the unread messages of an enabled mailbox and acts on each, a batch at a time until none is left
	 * (a backlog after downtime drains in one poll); answers how many it handled. A message that fails stays unread
	 * for the next poll.
	 */
	public int poll() {
		Mailbox mailbox = settings();
		if (!mailbox.isEnabled()) {
			return 0;
		}
		long started = System.nanoTime();
		int handled = 0;
		int failed = 0;
		String error = null;
		try (Store store = connect(mailbox)) {
			Folder folder = store.getFolder(mailbox.getFolder());
			folder.open(Folder.READ_WRITE);
			try {
				Set<Message> tried = new HashSet<>();
				while (true) {
					List<Message> batch = new ArrayList<>(batchSize);
					for (Message unread : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
						if (batch.size() == batchSize) {
							break;
						}
						if (tried.add(unread)) {
							batch.add(unread);
						}
					}
					if (batch.isEmpty()) {
						break;
					}
					// the whole messages in one command, then read here rather than header by header
					Message[] messages = batch.toArray(Message[]::new);
					folder.fetch(messages, WHOLE_MESSAGES);
					List<Message> done = new ArrayList<>(messages.length);
					for (Message message : messages) {
						try {
							handle(mailbox, Inbound.read((MimeMessage) message));
							done.add(message);
						}
						catch (MessagingException | IOException | RuntimeException refused) {
							// left unread: the next poll tries it again
							log.warn("E-mail to case: message {} not handled: {}", message.getMessageNumber(),
									refused.toString());
							error = describe(refused);
							failed++;
						}
					}
					// marked read once handled, in one command: a message read again after a crash before this is
					// recognised by its Message-ID
					if (!done.isEmpty()) {
						folder.setFlags(done.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
						handled += done.size();
					}
				}
			}
			finally {
				folder.close(false);
			}
		}
		catch (MessagingException | RuntimeException unreachable) {
			error = describe(unreachable);
			log.warn("E-mail to case: mailbox {}@{} not read: {}", mailbox.getUsername(), mailbox.getHost(), error);
		}
		if (handled > 0 || failed > 0) {
			log.info("E-mail to case: {} messages handled, {} left for the next poll, in {} ms", handled, failed,
					java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		}
		String lastError = error;
		transactions.executeWithoutResult(status -> mailboxes.findById(Mailbox.ID).ifPresent(kept -> {
			kept.polled(clock.instant(), lastError);
			mailboxes.save(kept);
		}));
		return handled;
	}

	/** Acts on one message in a transaction that records it; a message recorded already is left alone. */
	Outcome handle(Mailbox mailbox, Inbound inbound) {
		try {
			return transactions.execute(status -> {
				Integer seen = jdbc.queryForObject("select count(*) from case_inbound where message_id = ?",
						Integer.class, inbound.messageId());
				if (seen != null && seen > 0) {
					return null;
				}
				Instant now = clock.instant();
				UUID caseId = null;
				Outcome outcome;
				if (inbound.from() == null || inbound.from().equalsIgnoreCase(mailbox.getAddress())) {
					outcome = Outcome.OWN;
				}
				else if (inbound.automatic()) {
					outcome = Outcome.AUTOMATIC;
				}
				else {
					Optional<SupportCase> answered = answered(inbound).filter(found -> found.getStatus() != CaseStatus.CLOSED);
					if (answered.isPresent()) {
						caseId = answered.get().getId();
						book.customerReplied(caseId, inbound.from(), CaseIntake.text(Inbound.withoutQuote(inbound.text())),
								inbound.messageId(), now);
						outcome = Outcome.REPLY;
					}
					else {
						caseId = intake.open(inbound.from(), inbound.fromName(), inbound.subject(), inbound.text(),
								CaseChannel.EMAIL, now);
						outcome = Outcome.OPENED;
					}
				}
				if (caseId != null) {
					keepFiles(caseId, inbound);
				}
				jdbc.update("insert into case_inbound (message_id, case_id, outcome, received_at) values (?, ?, ?, ?)",
						inbound.messageId(), caseId, outcome.name(), java.sql.Timestamp.from(now));
				return outcome;
			});
		}
		catch (DataIntegrityViolationException handledElsewhere) {
			// another node recorded the same message first
			return null;
		}
	}

	/** Keeps the message's files on the case; a file the case does not take is left out, and the message handled. */
	private void keepFiles(UUID caseId, Inbound inbound) {
		for (jakarta.mail.Part part : inbound.attachments()) {
			try (java.io.InputStream content = part.getInputStream()) {
				String name = jakarta.mail.internet.MimeUtility.decodeText(part.getFileName());
				attachments.fromCustomer(caseId, name, content);
			}
			catch (org.rapport.shared.InvalidField refused) {
				log.info("E-mail to case: a file of message {} not kept: {}", inbound.messageId(),
						refused.getMessage());
			}
			catch (MessagingException | IOException unreadable) {
				log.warn("E-mail to case: a file of message {} not read: {}", inbound.messageId(),
						unreadable.toString());
			}
		}
	}

	/** The case a message answers: by the number in its subject, else by the messages it names. */
	private Optional<SupportCase> answered(Inbound inbound) {
		Matcher number = CaseReplies.NUMBER_IN_SUBJECT.matcher(inbound.subject());
		if (number.find()) {
			Optional<SupportCase> found = cases.findByNumber(number.group(1));
			if (found.isPresent()) {
				return found;
			}
		}
		if (inbound.answers().isEmpty()) {
			return Optional.empty();
		}
		List<UUID> ids = new ArrayList<>(comments.casesOfMessages(inbound.answers()));
		ids.addAll(jdbc.queryForList("select case_id from case_inbound where case_id is not null and message_id in ("
				+ String.join(", ", java.util.Collections.nCopies(inbound.answers().size(), "?")) + ")", UUID.class,
				inbound.answers().toArray()));
		return ids.stream().findFirst().flatMap(cases::findById);
	}

	private static Store connect(Mailbox mailbox) throws MessagingException {
		if (mailbox.getHost() == null) {
			throw new MessagingException("No IMAP server is set");
		}
		String protocol = mailbox.getSecurity() == Mailbox.Security.SSL ? "imaps" : "imap";
		Properties properties = new Properties();
		properties.put("mail.store.protocol", protocol);
		properties.put("mail." + protocol + ".connectiontimeout", "10000");
		properties.put("mail." + protocol + ".timeout", "20000");
		// reading a message leaves it unread: it is marked read once handled
		properties.put("mail." + protocol + ".peek", "true");
		if (mailbox.getSecurity() == Mailbox.Security.STARTTLS) {
			properties.put("mail.imap.starttls.enable", "true");
			properties.put("mail.imap.starttls.required", "true");
		}
		Store store = Session.getInstance(properties).getStore(protocol);
		store.connect(mailbox.getHost(), mailbox.getPort(), mailbox.getUsername(), mailbox.password());
		return store;
	}

	private static String describe(Exception failed) {
		String message = failed.getMessage();
		return message == null || message.isBlank() ? failed.getClass().getSimpleName() : message.strip();
	}

	private static void requireAdmin(Actor actor) {
		if (!actor.isAdmin()) {
			throw new NotPermitted("support.admin", "Only an administrator changes calendars and SLA policies");
		}
	}

	/** The mailbox could not be reached or refused to sign in; the message says why, as the server put it. */
	public static final class MailboxUnreachable extends org.rapport.shared.RuleBroken {

		MailboxUnreachable(String reason) {
			super("support.mailbox.unreachable", "The mailbox cannot be reached: {0}", reason);
		}
	}
}
