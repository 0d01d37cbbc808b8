package org.rapport.sales.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.rapport.customers.AccountSummary;
import org.rapport.customers.Customers;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserSummary;
import org.rapport.identity.VisibilityScope;
import org.rapport.sales.BuiltInNames;
import org.rapport.sales.StageKind;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.Products;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.sales.contracts.internal.ContractDetails;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadDetails;
import org.rapport.sales.leads.internal.LeadRating;
import org.rapport.sales.leads.internal.LeadStatus;
import org.rapport.sales.leads.internal.Leads;
import org.rapport.sales.lifecycle.internal.CustomerLifecycle;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.sales.opportunities.internal.OpportunityRows;
import org.rapport.sales.opportunities.internal.Pipeline;
import org.rapport.sales.opportunities.internal.PipelineService;
import org.rapport.sales.opportunities.internal.Stage;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderDetails;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.sales.orders.internal.WonOpportunityOrders;
import org.rapport.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's product catalogue, a few hundred opportunities on the demo accounts, spread over the stages of the
 * default pipeline and the coming months, and the accounts' orders and contracts.
 */
@Component
@Profile("demo")
@Order(3)
class DemoSales implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSales.class);

	private static final String[][] CATALOGUE = { { "RAP-CRM-STD", "Rapport Standard seat (year)", BuiltInNames.LICENCES, "240" },
			{ "RAP-CRM-PRO", "Rapport Professional seat (year)", BuiltInNames.LICENCES, "480" },
			{ "RAP-ANL-ADD", "Analytics add-on (year)", BuiltInNames.LICENCES, "1200" },
			{ "SRV-ONB-5D", "Onboarding workshop, 5 days", BuiltInNames.SERVICES, "6000" },
			{ "SRV-MIG-STD", "Data migration", BuiltInNames.SERVICES, "3500" },
			{ "SRV-TRN-1D", "Training day", BuiltInNames.SERVICES, "1400" },
			{ "SUP-PREM", "Premium support (year)", BuiltInNames.SUPPORT, "5000" },
			{ "HW-SCAN-01", "Badge scanner", BuiltInNames.HARDWARE, "320" },
			{ "RAP-MKT-ADD", "Marketing automation add-on (year)", BuiltInNames.LICENCES, "900" },
			{ "RAP-SVC-ADD", "Service desk add-on (year)", BuiltInNames.LICENCES, "800" },
			{ "RAP-API-ADD", "API and integrations pack (year)", BuiltInNames.LICENCES, "600" },
			{ "SRV-CFG-2D", "Configuration workshop, 2 days", BuiltInNames.SERVICES, "2600" },
			{ "SRV-INT-STD", "Integration project", BuiltInNames.SERVICES, "7500" },
			{ "SRV-RPT-1D", "Reporting workshop", BuiltInNames.SERVICES, "1300" },
			{ "SUP-STD", "Standard support (year)", BuiltInNames.SUPPORT, "1500" },
			{ "SUP-SLA-24", "24/7 support SLA (year)", BuiltInNames.SUPPORT, "9000" },
			{ "HW-PRN-01", "Label printer", BuiltInNames.HARDWARE, "450" },
			{ "HW-TAB-01", "Field sales tablet", BuiltInNames.HARDWARE, "700" },
			{ "HW-KIOSK", "Event check-in kiosk", BuiltInNames.HARDWARE, "2200" },
			{ "SRV-HYP-1D", "Hypercare day", BuiltInNames.SERVICES, "1600" } };

	/**
	 * What kinds of customer buy, as places in the catalogue: small teams take Standard seats, training, standard
	 * support and badge scanners; growing ones Professional seats, onboarding, premium support and configuration;
	 * data-minded ones the analytics add-on, a data migration, reporting and the API pack; service teams the service
	 * desk, the 24/7 SLA, integration and hypercare; event and field teams the marketing add-on, kiosks, tablets and
	 * label printers. Each account has one taste, which most of its order lines follow, so that the recommendations
	 * and the products bought together have something to find.
	 */
	private static final int[][] TASTES = { { 0, 5, 14, 7 }, { 1, 3, 6, 11 }, { 2, 4, 13, 10 }, { 9, 15, 12, 19 },
			{ 8, 18, 17, 16 } };

	/** The share (per cent) of order lines that follow the account's taste; the others take any product. */
	private static final int TASTE_SHARE = 85;

	private static final String[] DEAL_KINDS = { "Annual licence", "Expansion", "Renewal", "Pilot", "Onboarding",
			"Upgrade to Professional", "Analytics add-on", "Support contract" };

	private static final String[][] PROSPECTS = { { "Hannah", "Weber", "Nordlicht Logistik GmbH", "Head of Sales" },
			{ "Lucas", "Moreau", "Atelier Verre SARL", "Managing Director" },
			{ "Olivia", "Bennett", "Harbour & Finch Ltd", "Operations Manager" },
			{ "Mateo", "García", "Soluciones Andinas SA", "CIO" }, { "Wang", "Fang", "杭州云帆科技有限公司", "销售总监" },
			{ "Zhang", "Wei", "深圳恒达电子有限公司", "采购经理" }, { "Emma", "Jansen", "Dijkstra Bouw BV", "Office Manager" },
			{ "Noah", "Fischer", "Alpen Energie AG", "Head of IT" }, { "Sophia", "Rossi", "Cantina Lago Srl", "Owner" },
			{ "Liam", "O'Connor", "Shannon Analytics", "Data Lead" }, { "Mia", "Kowalski", "Wisła Foods Sp. z o.o.", "CFO" },
			{ "Li", "Na", "成都天府医疗器械有限公司", "总经理" } };

	private final Products products;
	private final Leads leads;
	private final OpportunityRows opportunities;
	private final PipelineService pipelines;
	private final Customers customers;
	private final UserDirectory directory;
	private final TransactionTemplate transactions;
	private final CustomerLifecycle lifecycle;
	private final OrderBook orders;
	private final ContractBook contracts;
	private final WonOpportunityOrders wonOrders;
	private final Clock clock;

	DemoSales(Products products, Leads leads, OpportunityRows opportunities, PipelineService pipelines, Customers customers,
			UserDirectory directory, TransactionTemplate transactions, CustomerLifecycle lifecycle, OrderBook orders,
			ContractBook contracts, WonOpportunityOrders wonOrders, Clock clock) {
		this.clock = clock;
		this.orders = orders;
		this.contracts = contracts;
		this.wonOrders = wonOrders;
		this.products = products;
		this.leads = leads;
		this.opportunities = opportunities;
		this.pipelines = pipelines;
		this.customers = customers;
		this.directory = directory;
		this.transactions = transactions;
		this.lifecycle = lifecycle;
	}

	/**
	 * Orders and contracts on a share of the demo accounts, made through the order book and the contract book as the
	 * pages make them, so that their numbers, totals and statuses follow the same rules: two years of orders of loyal,
	 * lapsed and occasional customers (see {@link #purchaseDays}), confirmed, fulfilled, cancelled or, when recent,
	 * drafts, and contracts that run, end within weeks or have expired.
	 * Answers how many orders and contracts it made.
	 */
	private int[] commerce(List<UserSummary> sellers, UserSummary first, List<Product> catalogue, LocalDate today,
			Random random) {
		int orderCount = 0;
		int contractCount = 0;
		int drafts = 0;
		// the tastes draw from a random of their own, so that the days and fates of the orders stay as they were
		Random tastes = new Random(20261207L);
		for (AccountSummary account : customers.accountsNamed(systemActor(first), "", 300)) {
			UserSummary owner = sellers.stream().filter(s -> s.id().equals(account.owner())).findFirst().orElse(first);
			Actor seller = systemActor(owner);
			int[] taste = TASTES[tastes.nextInt(TASTES.length)];
			for (LocalDate day : purchaseDays(today, random)) {
				List<OrderDetails.LineDetails> lines = new ArrayList<>();
				int lineCount = 1 + random.nextInt(3);
				for (int l = 0; l < lineCount; l++) {
					int any = random.nextInt(catalogue.size());
					int chosen = tastes.nextInt(100) < TASTE_SHARE ? taste[tastes.nextInt(taste.length)] : any;
					lines.add(new OrderDetails.LineDetails(catalogue.get(chosen).getId(),
							BigDecimal.valueOf(1 + random.nextInt(10)), null));
				}
				SalesOrder order = orders.create(seller, new OrderDetails(account.id().value(), day, null, null,
						lines));
				int fate = random.nextInt(10);
				if ((fate == 0 || drafts == 0) && day.isAfter(today.minusDays(30))) {
					// a recent draft, still being put together (at least one, whatever the dice say)
					drafts++;
				}
				else if (fate == 1) {
					orders.cancel(seller, order.getId(), order.getVersion());
				}
				else if (fate < 5 || day.isAfter(today.minusDays(14))) {
					orders.confirm(seller, order.getId(), order.getVersion());
				}
				else {
					SalesOrder confirmed = orders.confirm(seller, order.getId(), order.getVersion());
					orders.fulfil(seller, confirmed.getId(), confirmed.getVersion());
				}
				orderCount++;
			}
			if (random.nextInt(4) == 0) {
				LocalDate end = switch (random.nextInt(3)) {
					case 0 -> today.plusDays(3 + random.nextInt(25)); // ending soon
					case 1 -> today.minusDays(5 + random.nextInt(200)); // expired
					default -> today.plusDays(60 + random.nextInt(270)); // running
				};
				LocalDate start = end.minusYears(1).plusDays(1);
				contracts.create(seller, new ContractDetails(account.id().value(), null, start, end,
						BigDecimal.valueOf(1000L * (2 + random.nextInt(30))), "EUR", random.nextBoolean(), 30,
						"Service agreement", null, DEMO_SERVICE_LEVELS[contractCount % DEMO_SERVICE_LEVELS.length]));
				contractCount++;
			}
		}
		return new int[] { orderCount, contractCount };
	}

	/** The service levels the demo contracts promise in turn; every third promises none. */
	private static final String[] DEMO_SERVICE_LEVELS = { "Gold", "Standard", null };

	/**
	 * The days an account bought on over the past two years, as customers of four kinds buy: a third never bought;
	 * loyal ones every few weeks since they started; lapsed ones as often at first, then ever less often, until they
	 * stopped seven to twenty months ago (those that stopped over a year ago become lost, on the day a year after
	 * their last order, which the churn model learns from); occasional ones once to three times.
	 */
	private static List<LocalDate> purchaseDays(LocalDate today, Random random) {
		List<LocalDate> days = new ArrayList<>();
		int kind = random.nextInt(10);
		if (kind < 3) {
			return days;
		}
		if (kind < 8) {
			boolean lapsed = kind >= 6;
			LocalDate until = lapsed ? today.minusDays(200 + random.nextInt(400)) : today;
			// a lapsed customer bought for four months to over a year before it stopped, within the two years
			long room = 730 - java.time.temporal.ChronoUnit.DAYS.between(until, today);
			LocalDate day = lapsed ? until.minusDays(Math.min(room, 120 + random.nextInt(400)))
					: today.minusDays(60 + random.nextInt(670));
			int every = 45 + random.nextInt(75);
			while (!day.isAfter(until)) {
				days.add(day);
				// the gaps vary around the customer's own rhythm, and widen as a lapsing customer fades
				day = day.plusDays(Math.max(3, every / 2 + random.nextInt(every)));
				if (lapsed) {
					every = every * 5 / 4;
				}
			}
			return days;
		}
		for (int i = 1 + random.nextInt(3); i > 0; i--) {
			days.add(today.minusDays(random.nextInt(730)));
		}
		days.sort(null);
		return days;
	}

	private static Actor systemActor(UserSummary user) {
		return new Actor(user.id(), "Demo", user.team(), Set.of(Role.ADMIN), VisibilityScope.ALL, null, null);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (products.count() > 0 || opportunities.count() > 0) {
			return;
		}
		List<UserSummary> sellers = directory.activeUsers().stream().filter(u -> u.team() != null).toList();
		if (sellers.isEmpty()) {
			return;
		}
		UserSummary first = sellers.get(0);
		Actor system = systemActor(first);
		transactions.executeWithoutResult(status -> {
			List<Product> catalogue = new ArrayList<>();
			for (String[] row : CATALOGUE) {
				catalogue.add(products.save(new Product(row[0], row[1], null, Money.of(row[3], "EUR"), row[2], true,
						first.id(), first.team())));
			}
			Pipeline pipeline = pipelines.defaultPipeline();
			List<Stage> stages = pipeline.getStages();
			Random random = new Random(7);
			LocalDate today = LocalDate.now(clock);
			int count = 0;
			List<Opportunity> won = new ArrayList<>();
			for (AccountSummary account : customers.accountsNamed(system, "", 300)) {
				int deals = random.nextInt(3);
				for (int d = 0; d < deals; d++) {
					Stage stage = stages.get(random.nextInt(stages.size()));
					UserSummary owner = sellers.stream().filter(s -> s.id().equals(account.owner())).findFirst()
						.orElse(first);
					Opportunity o = new Opportunity(account.id(), DEAL_KINDS[random.nextInt(DEAL_KINDS.length)] + " "
							+ account.name(), pipeline.firstOpenStage(), Money.of(String.valueOf(1000 * (1 + random.nextInt(60))), "EUR"),
							today.plusDays(random.nextInt(180) - 30), owner.id(), owner.team(), clock.instant());
					if (random.nextBoolean()) {
						Product product = catalogue.get(random.nextInt(catalogue.size()));
						o.replaceLines(List.of(new Opportunity.LineRequest(product.getId(),
								BigDecimal.valueOf(1 + random.nextInt(20)), product.getUnitPrice().amount(),
								BigDecimal.valueOf(random.nextInt(3) * 5))));
					}
					opportunities.save(o);
					if (!stage.getId().equals(o.getStageId())) {
						o.moveTo(stage, stage.getKind() == StageKind.LOST ? "Chose a competitor" : null,
								clock.instant(), owner.id().value());
					}
					if (stage.getKind() == StageKind.WON) {
						won.add(o);
					}
					count++;
				}
			}
			// a won deal's order, as the win in the pipeline makes it
			opportunities.flush();
			won.forEach(o -> wonOrders.order(o.win()));
			int[] made = commerce(sellers, first, catalogue, today, random);
			LeadStatus[] statuses = { LeadStatus.NEW, LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED };
			for (int i = 0; i < PROSPECTS.length; i++) {
				String[] p = PROSPECTS[i];
				UserSummary owner = sellers.get(i % sellers.size());
				String mail = (p[0] + "." + p[1]).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z.]", "")
						+ "@example.com";
				Lead lead = Lead.capture(new LeadDetails(p[0], p[1], p[2], p[3], mail, null,
						org.rapport.customers.AccountSource.values()[i % 9], LeadRating.values()[i % 3], null),
						owner.id(), owner.team());
				LeadStatus wanted = statuses[i % statuses.length];
				if (wanted != LeadStatus.NEW) {
					lead.markContacted();
				}
				if (wanted == LeadStatus.QUALIFIED) {
					lead.qualify();
				}
				leads.save(lead);
			}
			log.info("Demo data: {} products, {} opportunities, {} leads, {} orders and {} contracts", catalogue.size(),
					count, PROSPECTS.length, made[0] + won.size(), made[1]);
		});
		// the demo deals were entered as they stand, not won step by step: let the rules place each account
		log.info("Demo data: {} accounts moved to the lifecycle stage their purchases give",
				lifecycle.followAll(LocalDate.now(clock)));
	}
}
