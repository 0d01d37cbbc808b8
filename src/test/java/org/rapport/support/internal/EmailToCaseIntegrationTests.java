package org.rapport.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.ContactId;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.customers.NewContact;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.customers.AccountSource;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadConversion;
import org.rapport.sales.leads.internal.LeadDetails;
import org.rapport.sales.leads.internal.LeadService;
import org.rapport.sales.leads.internal.LeadStatus;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * E-mail to case through a real IMAP server (GreenMail): a customer's message opens a case for their contact, the
 * agent's public answer goes out with the case number and threading headers, the customer's reply joins the case and
 * takes it out of waiting, an unknown sender gets a contact at their company's account (or, as the mailbox may say,
 * a lead, whose cases move to the account and contact the lead becomes), auto-replies and the
 * mailbox's own mail open nothing, and a message read twice is handled once.
 */
@RapportTest
@Import(TestClock.Setup.class)
class EmailToCaseIntegrationTests {

	static final String DESK = "desk@service.example";

	@Autowired
	TestData data;

	@Autowired
	CaseMailbox mailbox;

	@Autowired
	CaseBook cases;

	@Autowired
	CaseAttachments attachments;

	@Autowired
	Customers customers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LeadService leads;

	@Autowired
	PublicCases publicCases;

	@Autowired
	Cases caseRows;

	GreenMail imap;
	GreenMailUser desk;
	int port;
	Actor admin;
	Actor agent;
	TeamId team;

	@BeforeEach
	void setUp() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		imap = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
		imap.start();
		desk = imap.setUser(DESK, "desk", "secret");
		jdbc.update("delete from sla_policy");
		admin = data.actor(data.user(null, Role.ADMIN));
		team = data.team();
		agent = data.actor(data.user(team, Role.SUPPORT));
		long version = mailbox.settings().getVersion();
		mailbox.change(admin, version, new Mailbox.Settings(true, "127.0.0.1", port, Mailbox.Security.NONE, "desk",
				"secret", "INBOX", DESK, agent.id().value(), team.value()));
	}

	@AfterEach
	void tearDown() {
		imap.stop();
		mailbox.change(admin, mailbox.settings().getVersion(), new Mailbox.Settings(false, null, 993,
				Mailbox.Security.SSL, null, null, "INBOX", null, null, null));
	}

	@Test
	void aCustomersMessageOpensACaseAndTheirReplyToTheAnswerJoinsIt() throws Exception {
		AccountId account = customers.openAccount(agent, new NewAccount(TestData.unique("Clinic"),
				AccountType.COMPANY, null, null, null, null, null));
		String address = TestData.unique("ada").toLowerCase() + "@clinic.example";
		ContactId contact = customers.addContact(agent, new NewContact(account, "Ada", "Byron", null, address, null,
				null));

		MimeMessage first = message(address, "Ada Byron", "The scanner does not pair", "It blinks red.",
				"<first@clinic.example>", null, Map.of());
		jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart();
		jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
		text.setText("It blinks red.");
		jakarta.mail.internet.MimeBodyPart log = new jakarta.mail.internet.MimeBodyPart();
		log.setText("pairing failed: timeout");
		log.setFileName("pairing.log");
		log.setDisposition(jakarta.mail.Part.ATTACHMENT);
		parts.addBodyPart(text);
		parts.addBodyPart(log);
		first.setContent(parts);
		first.saveChanges();
		deliver(first);
		assertThat(mailbox.poll()).isEqualTo(1);
		SupportCase opened = only(account);
		assertThat(opened.getContactId()).isEqualTo(contact.value());
		assertThat(opened.getChannel()).isEqualTo(CaseChannel.EMAIL);
		assertThat(opened.isTaken()).isFalse();
		assertThat(opened.getTeamId()).isEqualTo(team.value());
		assertThat(opened.getDescription()).isEqualTo("It blinks red.");
		assertThat(attachments.of(admin, opened.getId())).singleElement().satisfies(file -> {
			assertThat(file.getFileName()).isEqualTo("pairing.log");
			assertThat(file.isFromCustomer()).isTrue();
		});
		assertThat(mailbox.poll()).as("read messages are not read again").isZero();

		// the agent answers and waits on the customer; the answer is threaded under the customer's message
		cases.comment(agent, opened.getId(), true, "Please hold the button for ten seconds.");
		SupportCase answered = cases.get(agent, opened.getId());
		cases.move(agent, opened.getId(), answered.getVersion(), CaseStatus.WAITING_ON_CUSTOMER, null);
		Map<String, Object> sent = jdbc.queryForMap("select recipient, subject, message_id, in_reply_to, "
				+ "mail_references, reply_to from mail_message where recipient = ?", address);
		assertThat(sent.get("subject")).isEqualTo("Re: [" + opened.getNumber() + "] The scanner does not pair");
		assertThat(sent.get("in_reply_to")).isEqualTo("<first@clinic.example>");
		assertThat(sent.get("mail_references")).isEqualTo("<first@clinic.example>");
		assertThat(sent.get("reply_to")).isEqualTo(DESK);
		String ours = (String) sent.get("message_id");
		assertThat(ours).startsWith("<").endsWith("@service.example>");

		// the reply names our message only in its headers; its subject lost the number
		deliver(message(address, "Ada Byron", "Re: scanner",
				"Done, it works now.\n\nOn Monday, Desk <" + DESK + "> wrote:\n> Please hold the button for ten seconds.",
				"<second@clinic.example>", ours, Map.of()));
		assertThat(mailbox.poll()).isEqualTo(1);
		SupportCase replied = cases.get(agent, opened.getId());
		assertThat(replied.getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(cases.commentsOf(agent, opened.getId())).extracting(CaseComment::getBody)
			.containsExactly("Please hold the button for ten seconds.", "Done, it works now.");

		// a reply by the number in the subject joins the case too
		deliver(message(address, "Ada Byron", "[" + opened.getNumber() + "] one more thing", "Thanks!",
				"<third@clinic.example>", null, Map.of()));
		mailbox.poll();
		assertThat(cases.commentsOf(agent, opened.getId())).hasSize(3);
		assertThat(cases.list(agent, new CaseFilter(account.value(), null, null, null, null, null, null),
				CaseBook.SORTS.defaultSort(), org.rapport.customization.CustomFieldQuery.none(), 0, 10).items())
			.hasSize(1);
	}

	@Test
	void anUnknownSenderGetsAContactAtTheirCompanysAccountAndMachinesOpenNothing() throws Exception {
		String domain = TestData.unique("acme").toLowerCase() + ".example";
		deliver(message("grace@" + domain, "Grace Hopper", "Invoice question", "Which VAT rate?", "<g1@" + domain + ">",
				null, Map.of()));
		deliver(message("grace@" + domain, "Grace Hopper", "Out of office", "I am away.", "<g2@" + domain + ">",
				null, Map.of("Auto-Submitted", "auto-replied")));
		deliver(message("news@" + domain, null, "Newsletter", "News.", "<g3@" + domain + ">", null,
				Map.of("Precedence", "bulk")));
		deliver(message(DESK, null, "Loop", "Our own.", "<g4@" + domain + ">", null, Map.of()));
		assertThat(mailbox.poll()).isEqualTo(4);

		List<String> outcomes = jdbc.queryForList("select outcome from case_inbound where message_id like ? "
				+ "order by message_id", String.class, "%@" + domain + ">");
		assertThat(outcomes).containsExactly("OPENED", "AUTOMATIC", "AUTOMATIC", "OWN");
		AccountId account = customers.accountsNamed(admin, domain, 5).get(0).id();
		SupportCase opened = only(account);
		assertThat(customers.contactsOf(admin, account, 5)).singleElement()
			.satisfies(contact -> assertThat(contact.email()).isEqualTo("grace@" + domain));
		assertThat(opened.getSubject()).isEqualTo("Invoice question");

		// the same message again (read before a crash, never marked read) is recognised
		deliver(message("grace@" + domain, "Grace Hopper", "Invoice question", "Which VAT rate?", "<g1@" + domain + ">",
				null, Map.of()));
		mailbox.poll();
		assertThat(cases.list(admin, new CaseFilter(account.value(), null, null, null, null, null, null),
				CaseBook.SORTS.defaultSort(), org.rapport.customization.CustomFieldQuery.none(), 0, 10).items())
			.hasSize(1);
	}

	@Test
	void withTheLeadSettingAnUnknownSendersCasesGoToTheirLeadAndMoveToTheAccountTheLeadBecomes() throws Exception {
		mailbox.change(admin, mailbox.settings().getVersion(), new Mailbox.Settings(true, "127.0.0.1", port,
				Mailbox.Security.NONE, "desk", "secret", "INBOX", DESK, agent.id().value(), team.value(),
				Mailbox.UnknownSenders.LEAD));
		String domain = TestData.unique("kernel").toLowerCase() + ".example";
		String address = "linus@" + domain;
		deliver(message(address, "Linus Torvalds", "Build breaks", "make fails.", "<l1@" + domain + ">", null,
				Map.of()));
		assertThat(mailbox.poll()).isEqualTo(1);

		SupportCase opened = cases.get(admin, caseOf("<l1@" + domain + ">"));
		assertThat(opened.getAccountId()).isNull();
		assertThat(opened.getContactId()).isNull();
		assertThat(opened.getLeadId()).isNotNull();
		assertThat(opened.getTeamId()).isEqualTo(team.value());
		assertThat(opened.isTaken()).isFalse();
		Lead lead = leads.get(admin, opened.getLeadId());
		assertThat(lead.getFirstName()).isEqualTo("Linus");
		assertThat(lead.getLastName()).isEqualTo("Torvalds");
		assertThat(lead.getEmail()).isEqualTo(address);
		assertThat(lead.getCompany()).isEqualTo(domain);
		assertThat(lead.getSource()).isEqualTo(AccountSource.EMAIL);
		assertThat(lead.owner()).isEqualTo(agent.id());
		assertThat(lead.team()).isEqualTo(team);
		assertThat(customers.accountsNamed(admin, domain, 5)).as("no account for a lead").isEmpty();

		// a second message from the same address, in other letters, opens a case on the same lead
		deliver(message(address.toUpperCase(java.util.Locale.ROOT), "Linus Torvalds", "Another thing",
				"Also the docs.", "<l2@" + domain + ">", null, Map.of()));
		assertThat(mailbox.poll()).isEqualTo(1);
		SupportCase second = cases.get(admin, caseOf("<l2@" + domain + ">"));
		assertThat(second.getId()).isNotEqualTo(opened.getId());
		assertThat(second.getLeadId()).isEqualTo(opened.getLeadId());

		// the agent's public answer goes to the lead's address
		cases.comment(agent, opened.getId(), true, "Which compiler?");
		assertThat(jdbc.queryForObject("select count(*) from mail_message where recipient = ?", Integer.class,
				address)).isEqualTo(1);

		// the cases' openings are on their timelines, on no account's yet
		for (UUID id : List.of(opened.getId(), second.getId())) {
			assertThat(openingsWithAccount(id, null)).isEqualTo(1);
		}

		// the lead is converted: its cases move to the new account and contact
		Lead qualified = leads.update(admin, lead.getId(), lead.getVersion(), new LeadDetails(lead.getFirstName(),
				lead.getLastName(), lead.getCompany(), null, lead.getEmail(), null, lead.getSource(), null, null),
				LeadStatus.QUALIFIED, null, null, null);
		Lead converted = leads.convert(admin, qualified.getId(), qualified.getVersion(),
				new LeadConversion(null, null, null));
		for (UUID id : List.of(opened.getId(), second.getId())) {
			SupportCase moved = cases.get(admin, id);
			assertThat(moved.getAccountId()).isEqualTo(converted.getConvertedAccountId());
			assertThat(moved.getContactId()).isEqualTo(converted.getConvertedContactId());
			assertThat(moved.getLeadId()).isNull();
			assertThat(openingsWithAccount(id, converted.getConvertedAccountId()))
				.as("the opening rolls up to the account now").isEqualTo(1);
		}
		// the contact the lead became is known now: the next message opens a case for them
		deliver(message(address, "Linus Torvalds", "Third", "Thanks.", "<l3@" + domain + ">", null, Map.of()));
		mailbox.poll();
		assertThat(cases.get(admin, caseOf("<l3@" + domain + ">")).getContactId())
			.isEqualTo(converted.getConvertedContactId());
	}

	/**
	 * How many openings of the case its timeline has under the account ({@code null}: under none), once there is one:
	 * the timeline writes it after the case's commit.
	 */
	private int openingsWithAccount(UUID caseId, UUID account) {
		String sql = "select count(*) from timeline_change where about_type = 'case' and about_id = ? "
				+ "and kind = 'CASE_OPENED' and " + (account == null ? "account_id is null" : "account_id = ?");
		Object[] arguments = account == null ? new Object[] { caseId } : new Object[] { caseId, account };
		int found = 0;
		for (int attempt = 0; attempt < 100 && found == 0; attempt++) {
			found = jdbc.queryForObject(sql, Integer.class, arguments);
			if (found == 0) {
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}
		return found;
	}

	@Test
	void thePublicFormKeepsOpeningCasesForContactsWhateverTheMailboxSays() {
		mailbox.change(admin, mailbox.settings().getVersion(), new Mailbox.Settings(true, "127.0.0.1", port,
				Mailbox.Security.NONE, "desk", "secret", "INBOX", DESK, agent.id().value(), team.value(),
				Mailbox.UnknownSenders.LEAD));
		String domain = TestData.unique("web").toLowerCase() + ".example";
		String number = publicCases.open("ada@" + domain, "Ada Byron", "Form question", "How?");
		SupportCase opened = caseRows.findByNumber(number).orElseThrow();
		assertThat(opened.getLeadId()).isNull();
		assertThat(opened.getAccountId()).isNotNull();
		assertThat(opened.getContactId()).isNotNull();
	}

	private UUID caseOf(String messageId) {
		return jdbc.queryForObject("select case_id from case_inbound where message_id = ?", UUID.class, messageId);
	}

	@Test
	void theConnectionTestSignsInAndOnlyAnAdministratorChangesTheMailbox() throws Exception {
		deliver(message("someone@example.org", null, "Hello", "Hi", "<h1@example.org>", null, Map.of()));
		assertThat(mailbox.test(admin)).isEqualTo(1);
		assertThatThrownBy(() -> mailbox.test(agent)).isInstanceOf(NotPermitted.class);
		assertThatThrownBy(() -> mailbox.change(admin, mailbox.settings().getVersion(), new Mailbox.Settings(true,
				null, 143, Mailbox.Security.NONE, "desk", null, "INBOX", DESK, agent.id().value(), null)))
			.isInstanceOfSatisfying(InvalidField.class, invalid -> assertThat(invalid.field()).isEqualTo("host"));
		imap.stop();
		assertThatThrownBy(() -> mailbox.test(admin)).isInstanceOf(CaseMailbox.MailboxUnreachable.class);
		imap.start();
	}

	@Test
	void aBacklogDrainsInOnePollBatchByBatchAndEachMessageIsMarkedReadOnceHandled() throws Exception {
		String domain = TestData.unique("backlog").toLowerCase() + ".example";
		for (int i = 1; i <= 5; i++) {
			deliver(message("buyer" + i + "@" + domain, null, "Question " + i, "Where is order " + i + "?",
					"<b" + i + "@" + domain + ">", null, Map.of()));
		}
		mailbox.batchSize(2);
		try {
			assertThat(mailbox.poll()).isEqualTo(5);
		}
		finally {
			mailbox.batchSize(CaseMailbox.BATCH);
		}

		assertThat(jdbc.queryForObject("select count(*) from case_inbound where message_id like ? and outcome = 'OPENED'",
				Integer.class, "%@" + domain + ">")).isEqualTo(5);
		assertThat(imap.getManagers().getImapHostManager().getInbox(desk).getMessages())
			.allSatisfy(stored -> assertThat(stored.isSet(jakarta.mail.Flags.Flag.SEEN)).isTrue());
		assertThat(mailbox.poll()).isZero();
	}

	private SupportCase only(AccountId account) {
		List<SupportCase> found = cases.list(admin, new CaseFilter(account.value(), null, null, null, null, null, null),
				CaseBook.SORTS.defaultSort(), org.rapport.customization.CustomFieldQuery.none(), 0, 10).items();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private void deliver(MimeMessage message) {
		desk.deliver(message);
	}

	private static MimeMessage message(String from, String name, String subject, String text, String messageId,
			String inReplyTo, Map<String, String> headers) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
			@Override
			protected void updateMessageID() throws jakarta.mail.MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		message.setFrom(new InternetAddress(from, name));
		message.setRecipients(MimeMessage.RecipientType.TO, DESK);
		message.setSubject(subject);
		message.setText(text);
		if (inReplyTo != null) {
			message.setHeader("In-Reply-To", inReplyTo);
			message.setHeader("References", inReplyTo);
		}
		headers.forEach((header, value) -> {
			try {
				message.setHeader(header, value);
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		});
		message.saveChanges();
		return message;
	}
}
