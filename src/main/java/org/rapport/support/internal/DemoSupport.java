package org.rapport.support.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.rapport.customers.AccountSummary;
import org.rapport.customers.ContactSummary;
import org.rapport.customers.Customers;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.UserSummary;
import org.rapport.identity.VisibilityScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A service desk with four months of history on the demo accounts: two business calendars (Berlin, and Shanghai with a
 * lunch break), three SLA policies, and a few hundred cases in every state. Older cases are mostly resolved and
 * closed, recent ones are open, some wait in their team's queue, some wait on the customer, and e-mail cases carry the
 * customer's replies, so that the queue, the SLA states and the account panels show real figures on first start.
 */
@Component
@Profile("demo")
@Order(5)
class DemoSupport implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSupport.class);

	/** How many cases the demo opens. */
	static final int CASES = 280;

	private static final String[] SUBJECTS = { "Cannot sign in after the password reset", "Invoice shows the wrong VAT",
			"Export to CSV times out", "Badge scanner does not pair", "Need a copy of the signed contract",
			"Two users see each other's dashboards", "Onboarding workshop: new date needed",
			"Report totals differ from the orders", "E-mail notifications arrive late", "Licence count is wrong",
			"Import stops at row 5,000", "Mobile app crashes on start", "Request for an API token",
			"Training material in Chinese", "Renewal quote requested", "Data deletion request" };

	private static final String[] SUBJECTS_ZH = { "登录后页面空白", "发票抬头需要修改", "报表导出失败", "需要中文培训资料",
			"扫码枪无法连接", "续约报价申请" };

	private static final String[] CATEGORIES = { "Access", "Billing", "Bug", "How-to", "Hardware", "Contract" };

	private final CaseBook cases;
	private final Cases rows;
	private final ServiceLevels levels;
	private final Customers customers;
	private final UserDirectory directory;
	private final JdbcTemplate jdbc;
	private final Clock clock;

	DemoSupport(CaseBook cases, Cases rows, ServiceLevels levels, Customers customers, UserDirectory directory,
			JdbcTemplate jdbc, Clock clock) {
		this.cases = cases;
		this.rows = rows;
		this.levels = levels;
		this.customers = customers;
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (rows.count() > 0 || !levels.calendars().isEmpty()) {
			return;
		}
		List<UserSummary> users = directory.activeUsers();
		if (users.isEmpty()) {
			return;
		}
		Actor admin = new Actor(users.get(0).id(), "Demo", null, Set.of(Role.ADMIN), VisibilityScope.ALL, null, null);
		List<AccountSummary> accounts = customers.accountsNamed(admin, "", 300);
		if (accounts.isEmpty()) {
			return;
		}
		BusinessCalendar berlin = levels.createCalendar(admin, "Europe (Berlin)", "Europe/Berlin",
				"MON 09:00-17:00, TUE 09:00-17:00, WED 09:00-17:00, THU 09:00-17:00, FRI 09:00-17:00",
				"2026-04-03 2026-04-06 2026-05-01 2026-05-14 2026-05-25 2026-10-03 2026-12-24 2026-12-25 2026-12-26 "
						+ "2026-12-31 2027-01-01 2027-03-26 2027-03-29");
		BusinessCalendar shanghai = levels.createCalendar(admin, "China (Shanghai)", "Asia/Shanghai",
				"MON 09:00-12:00 13:00-18:00, TUE 09:00-12:00 13:00-18:00, WED 09:00-12:00 13:00-18:00, "
						+ "THU 09:00-12:00 13:00-18:00, FRI 09:00-12:00 13:00-18:00",
				"2026-10-01 2026-10-02 2026-10-05 2026-10-06 2026-10-07 2027-01-01 2027-02-08 2027-02-09 2027-02-10 "
						+ "2027-02-11 2027-02-12");
		levels.createPolicy(admin, new SlaPolicy.Terms("Urgent", 1, CasePriority.URGENT, null, berlin.getId(), 30, 240,
				75, false, false, null, true));
		levels.createPolicy(admin, new SlaPolicy.Terms("High priority (Asia desk)", 2, CasePriority.HIGH, null,
				shanghai.getId(), 120, 960, 80, false, false, null, true));
		levels.createPolicy(admin, new SlaPolicy.Terms("Gold contracts", 3, null, null, "Gold", berlin.getId(), 120,
				1440, 80, true, false, null, true));
		levels.createPolicy(admin, new SlaPolicy.Terms("Standard", 4, null, null, berlin.getId(), 240, 2400, 80, true,
				false, null, true));

		Map<UserId, UserSummary> byId = new HashMap<>();
		users.forEach(user -> byId.put(user.id(), user));
		Optional<UserSummary> desk = users.stream().filter(user -> "chen".equals(user.username())).findFirst();
		Random random = new Random(17);
		Instant now = clock.instant();
		int opened = 0;
		for (int i = 0; i < CASES; i++) {
			AccountSummary account = accounts.get(random.nextInt(accounts.size()));
			UserSummary owner = byId.get(account.owner());
			if (owner == null) {
				continue;
			}
			// the West team's cases mostly go to its support agent
			UserSummary agent = desk.filter(chen -> chen.team() != null && chen.team().equals(owner.team())
					&& random.nextInt(10) < 7).orElse(owner);
			Actor acting = new Actor(agent.id(), agent.displayName(), agent.team(), Set.of(Role.SUPPORT),
					VisibilityScope.ALL, ZoneId.of("UTC"), null);
			history(acting, account, random, now, i);
			opened++;
		}
		log.info("Demo support: {} cases, 2 business calendars and 3 SLA policies", opened);
	}

	/** One case from its opening, days or months ago, through the answers and moves its age allows. */
	private void history(Actor agent, AccountSummary account, Random random, Instant now, int index) {
		double r = random.nextDouble();
		// more recent cases than old ones, opened in working hours
		Duration age = Duration.ofMinutes((long) (r * r * 120 * 24 * 60) + 20);
		Instant at = workingTime(now.minus(age), random);
		if (at.isAfter(now.minus(Duration.ofMinutes(15)))) {
			at = now.minus(Duration.ofMinutes(15 + random.nextInt(60)));
		}
		CasePriority priority = priority(random);
		CaseChannel channel = CaseChannel.values()[random.nextInt(CaseChannel.values().length)];
		ContactSummary contact = customers.contactsOf(agent, account.id(), 1).stream().findFirst().orElse(null);
		boolean chinese = random.nextInt(8) == 0;
		String subject = chinese ? SUBJECTS_ZH[random.nextInt(SUBJECTS_ZH.length)]
				: SUBJECTS[random.nextInt(SUBJECTS.length)];
		boolean recent = age.compareTo(Duration.ofDays(2)) < 0;
		boolean queued = recent && random.nextInt(3) == 0;
		SupportCase found = cases.create(agent,
				new SupportCase.Details(account.id().value(), contact == null ? null : contact.id().value(), null,
						subject, "Reported by " + (contact == null ? "the customer" : contact.fullName()) + ".",
						priority, channel, CATEGORIES[random.nextInt(CATEGORIES.length)]),
				Map.of(), null, !queued, at);
		jdbc.update("update support_case set created_at = ?, updated_at = ? where id = ?",
				java.sql.Timestamp.from(at), java.sql.Timestamp.from(at), found.getId());
		if (queued) {
			return;
		}
		String email = contact == null || contact.email() == null ? "customer@example.com" : contact.email();
		// the first answer: within minutes for most, after the target for some
		Instant answered = at.plus(Duration.ofMinutes(10 + (long) (Math.pow(random.nextDouble(), 3) * 3 * 24 * 60)));
		if (!answered.isBefore(now)) {
			return;
		}
		found = after(cases.comment(agent, found, true, chinese ? "您好，我们已收到您的问题，正在处理。"
				: "Thank you, we are looking into it and come back to you shortly.", answered), found);
		Instant next = answered.plus(Duration.ofMinutes(30 + random.nextInt(600)));
		if (!next.isBefore(now)) {
			return;
		}
		if (channel == CaseChannel.EMAIL || random.nextInt(4) == 0) {
			found = cases.move(found, CaseStatus.WAITING_ON_CUSTOMER, null, next);
			Instant reply = next.plus(Duration.ofMinutes(60 + random.nextInt(3 * 24 * 60)));
			if (!reply.isBefore(now) || random.nextInt(6) == 0) {
				return;
			}
			cases.customerReplied(found.getId(), email, chinese ? "谢谢，附上截图，问题依旧。"
					: "Thanks. Attached is a screenshot; it still happens after the update.",
					"<demo-" + index + "@customer.example>", reply);
			found = rows.findById(found.getId()).orElseThrow();
			next = reply.plus(Duration.ofMinutes(30 + random.nextInt(24 * 60)));
			if (!next.isBefore(now)) {
				return;
			}
		}
		if (random.nextInt(12) == 0) {
			cases.move(found, CaseStatus.ESCALATED, null, next);
			return;
		}
		Instant resolved = next.plus(Duration.ofMinutes((long) (random.nextDouble() * 4 * 24 * 60)));
		if (!resolved.isBefore(now) || random.nextInt(7) == 0) {
			return;
		}
		found = cases.move(found, CaseStatus.RESOLVED, chinese ? "已远程协助解决。"
				: "Fixed with the customer on a call; the cause is noted in the knowledge base.", resolved);
		Instant closed = resolved.plus(Duration.ofDays(2));
		if (closed.isBefore(now) && random.nextInt(5) > 0) {
			found = cases.move(found, CaseStatus.CLOSED, null, closed);
			Instant reopened = closed.plus(Duration.ofDays(1));
			if (reopened.isBefore(now) && random.nextInt(30) == 0) {
				cases.move(found, CaseStatus.REOPENED, null, reopened);
			}
		}
	}

	private SupportCase after(CaseComment comment, SupportCase found) {
		return rows.findById(comment.getCaseId()).orElse(found);
	}

	private static CasePriority priority(Random random) {
		int p = random.nextInt(10);
		return p < 2 ? CasePriority.LOW : p < 7 ? CasePriority.NORMAL : p < 9 ? CasePriority.HIGH : CasePriority.URGENT;
	}

	/** The instant moved into the working day of Berlin: weekends to Monday, nights to a morning hour. */
	private static Instant workingTime(Instant at, Random random) {
		ZonedDateTime local = at.atZone(ZoneId.of("Europe/Berlin"));
		if (local.getDayOfWeek() == DayOfWeek.SATURDAY) {
			local = local.plusDays(2);
		}
		else if (local.getDayOfWeek() == DayOfWeek.SUNDAY) {
			local = local.plusDays(1);
		}
		if (local.getHour() < 8 || local.getHour() > 17) {
			local = local.withHour(8 + random.nextInt(9)).withMinute(random.nextInt(60));
		}
		return local.toInstant();
	}
}
