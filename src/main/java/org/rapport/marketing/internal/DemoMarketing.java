package org.rapport.marketing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserSummary;
import org.rapport.identity.VisibilityScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A year of campaigns of every kind, with budgets, costs and expected revenue, among them a product launch with
 * sub-campaigns two levels deep and one sub-campaign run in another currency, so that the list, the hierarchy and
 * the rolled-up figures show something on first start.
 */
@Component
@Profile("demo")
@Order(6)
class DemoMarketing implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMarketing.class);

	private final CampaignBook book;
	private final Campaigns campaigns;
	private final UserDirectory directory;
	private final Clock clock;

	DemoMarketing(CampaignBook book, Campaigns campaigns, UserDirectory directory, Clock clock) {
		this.book = book;
		this.campaigns = campaigns;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (campaigns.count() > 0) {
			return;
		}
		List<UserSummary> users = directory.activeUsers();
		if (users.isEmpty()) {
			return;
		}
		Actor admin = new Actor(users.get(0).id(), "Demo", null, Set.of(Role.ADMIN), VisibilityScope.ALL, null, null);
		UserSummary chen = users.stream().filter(u -> "chen".equals(u.username())).findFirst().orElse(users.get(0));
		UserSummary other = users.get(users.size() > 1 ? 1 : 0);
		LocalDate today = LocalDate.now(clock);

		Campaign launch = plan(admin, other, "Product launch " + today.getYear(), CampaignType.OTHER,
				CampaignStatus.ACTIVE, today.minusMonths(4), today.plusMonths(2), "EUR", "120000", "64500", "480000",
				null, "Everything that announces this year's release: mailings, webinars and the spring trade show.");
		Campaign mailings = plan(admin, other, "Launch mailings", CampaignType.EMAIL, CampaignStatus.ACTIVE,
				today.minusMonths(4), today.plusMonths(1), "EUR", "15000", "9800", "90000", launch,
				"Three mailings to customers and prospects.");
		plan(admin, other, "Launch teaser mailing", CampaignType.EMAIL, CampaignStatus.COMPLETED,
				today.minusMonths(4), today.minusMonths(4).plusDays(14), "EUR", "3000", "2750", "20000", mailings, null);
		plan(admin, other, "Launch follow-up mailing", CampaignType.EMAIL, CampaignStatus.PLANNED,
				today.plusDays(10), today.plusDays(24), "EUR", "3500", null, "25000", mailings, null);
		plan(admin, other, "Launch webinar series", CampaignType.WEBINAR, CampaignStatus.ACTIVE, today.minusMonths(2),
				today.plusMonths(2), "EUR", "8000", "4100", "60000", launch, "Four live demos of the new release.");
		plan(admin, other, "Hanover trade fair stand", CampaignType.TRADE_SHOW, CampaignStatus.COMPLETED,
				today.minusMonths(3), today.minusMonths(3).plusDays(4), "EUR", "45000", "47200", "200000", launch,
				"Stand, travel and the evening reception.");
		plan(admin, chen, "上海新品发布会", CampaignType.EVENT, CampaignStatus.PLANNED, today.plusMonths(1),
				today.plusMonths(1).plusDays(1), "CNY", "150000", null, "800000", launch,
				"Launch event for customers in China, budgeted in yuan.");

		plan(admin, other, "Autumn newsletter", CampaignType.EMAIL, CampaignStatus.COMPLETED, today.minusMonths(11),
				today.minusMonths(11).plusDays(7), "EUR", "2000", "1850", "15000", null, null);
		plan(admin, other, "Search advertising Q1", CampaignType.ADVERTISING, CampaignStatus.COMPLETED,
				today.minusMonths(9), today.minusMonths(6), "USD", "30000", "28900", "120000", null,
				"Paid search in the United States and Canada.");
		plan(admin, chen, "客户答谢晚宴", CampaignType.EVENT, CampaignStatus.COMPLETED, today.minusMonths(8),
				today.minusMonths(8), "CNY", "60000", "57300", "150000", null, null);
		plan(admin, other, "Partner roadshow", CampaignType.EVENT, CampaignStatus.ABORTED, today.minusMonths(6),
				today.minusMonths(5), "EUR", "25000", "3200", "70000", null, "Called off after two partners withdrew.");
		plan(admin, other, "Customer referral programme", CampaignType.OTHER, CampaignStatus.ACTIVE,
				today.minusMonths(7), today.plusMonths(5), "EUR", "10000", "4300", "50000", null, null);
		plan(admin, chen, "Social media advertising", CampaignType.ADVERTISING, CampaignStatus.PLANNED,
				today.plusMonths(2), today.plusMonths(4), "CNY", "80000", null, "300000", null, null);
		log.info("Demo campaigns planned");
	}

	private Campaign plan(Actor admin, UserSummary owner, String name, CampaignType type, CampaignStatus status,
			LocalDate start, LocalDate end, String currency, String budget, String actualCost, String expectedRevenue,
			Campaign parent, String description) {
		return book.create(admin,
				new CampaignDetails(name, type, status, start, end, currency, new BigDecimal(budget),
						actualCost == null ? null : new BigDecimal(actualCost),
						expectedRevenue == null ? null : new BigDecimal(expectedRevenue), description,
						parent == null ? null : parent.getId(), owner.id(), owner.team()));
	}
}
