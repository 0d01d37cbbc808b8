package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.activities.internal.ActivityDetails;
import org.rapport.activities.internal.ActivityStatus;
import org.rapport.activities.internal.Direction;
import org.rapport.activities.ActivityKind;
import org.rapport.shared.RecordRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.customers.AccountType;
import org.rapport.customers.AccountSource;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.Account;
import org.rapport.customers.internal.AccountDetails;
import org.rapport.customers.internal.AccountService;
import org.rapport.customers.internal.Contact;
import org.rapport.customers.internal.ContactDetails;
import org.rapport.customers.internal.ContactService;
import org.rapport.customization.FieldType;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.customization.internal.FieldDefinition.FieldText;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.sales.catalogue.internal.ProductDetails;
import org.rapport.sales.contracts.internal.Contract;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.sales.contracts.internal.ContractDetails;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadDetails;
import org.rapport.sales.leads.internal.LeadRating;
import org.rapport.sales.leads.internal.LeadService;
import org.rapport.sales.leads.internal.LeadStatus;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.sales.opportunities.internal.OpportunityDraft;
import org.rapport.sales.opportunities.internal.OpportunityService;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderDetails;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.search.Indexing;
import org.rapport.support.internal.BusinessCalendar;
import org.rapport.support.internal.CaseBook;
import org.rapport.support.internal.CaseChannel;
import org.rapport.support.internal.CasePriority;
import org.rapport.support.internal.ServiceLevels;
import org.rapport.support.internal.SlaPolicy;
import org.rapport.support.internal.SupportCase;
import org.rapport.marketing.internal.Campaign;
import org.rapport.marketing.internal.CampaignBook;
import org.rapport.marketing.internal.CampaignDetails;
import org.rapport.marketing.internal.CampaignStatus;
import org.rapport.marketing.internal.CampaignType;
import org.rapport.shared.Money;
import org.rapport.shared.PostalAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every page a user can reach passes axe-core's WCAG 2.1 A and AA rules without a critical or serious violation
 * (labels tied to their inputs, a name on every control, AA contrast), ties every label to a control, and fits a
 * phone's width without scrolling sideways, at desktop and at phone width, in English and in Chinese; so do the
 * navigation's menus when open. Accounts and leads have a custom field of every type, so that their forms, list
 * filters, columns and detail pages show one input and one value of each. One browser signs in once; the pages are
 * visited in each of the four ways and each view is saved to {@code target/screenshots/a11y-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class AccessibilityBrowserTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);
	private static final Dimension DESKTOP = new Dimension(1280, 900);
	private static final Dimension PHONE = new Dimension(390, 844);

	/** The labels whose {@code for} names no element that a label can name (a control, not a div or a hidden input). */
	private static final String LABELS_OF_NOTHING = """
			const labelable = ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'METER', 'OUTPUT', 'PROGRESS'];
			return Array.from(document.querySelectorAll('label[for]')).filter(label => {
			  const target = document.getElementById(label.htmlFor);
			  return !target || !labelable.includes(target.tagName)
			      || (target.tagName === 'INPUT' && target.type === 'hidden');
			}).map(label => label.outerHTML);
			""";

	private static Chromium chromium;
	private static WebDriver driver;
	private static WebDriverWait wait;

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	ContactService contacts;

	@Autowired
	LeadService leads;

	@Autowired
	ProductCatalogue products;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	OrderBook orders;

	@Autowired
	ContractBook contracts;

	@Autowired
	ActivityBook activities;

	@Autowired
	CustomFieldService fields;

	@Autowired
	Indexing indexing;

	@Autowired
	CaseBook cases;

	@Autowired
	CampaignBook campaigns;

	@Autowired
	ServiceLevels serviceLevels;

	@BeforeAll
	static void startBrowser() {
		chromium = Chromium.start("AccessibilityBrowserTests", 1280, 900);
		driver = chromium.driver();
		wait = chromium.waiting(TIMEOUT);
	}

	@AfterAll
	static void quitBrowser() {
		if (chromium != null) {
			chromium.close();
			chromium = null;
			driver = null;
		}
	}

	@Test
	void everyPageHasNoSeriousOrCriticalAccessibilityViolationAtAnyWidthInEitherLanguage() throws Exception {
		assumeTrue(driver != null, "no browser");
		TeamId team = data.team();
		User admin = data.user(team, Role.ADMIN);
		List<String> violations = new ArrayList<>();
		List<String> overflows = new ArrayList<>();
		try (FieldsOfEveryType custom = new FieldsOfEveryType("account", "lead")) {
			Map<String, String> pages = pagesWithRecordsOf(admin, team, custom);
			for (String language : List.of("en", "zh-CN")) {
				show(DESKTOP);
				open("/login?lang=" + language);
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
				for (Dimension size : List.of(DESKTOP, PHONE)) {
					show(size);
					String view = language + "-" + size.width;
					check("login", "/login", view, violations, overflows);
					check("web-form", "/public/leads", view, violations, overflows);
					check("case-web-form", "/public/cases", view, violations, overflows);
					check("case-web-form-thanks", "/public/cases/thanks", view, violations, overflows);
				}
			}
			show(DESKTOP);
			signIn(admin);
			pages.putAll(importPages());

			for (String language : List.of("en", "zh-CN")) {
				show(DESKTOP);
				open("/login?lang=" + language);
				for (Dimension size : List.of(DESKTOP, PHONE)) {
					show(size);
					String view = language + "-" + size.width;
					for (Map.Entry<String, String> page : pages.entrySet()) {
						check(page.getKey(), page.getValue(), view, violations, overflows);
					}
					checkOpenMenus(view, violations, overflows);
				}
			}
		}
		finally {
			show(DESKTOP);
		}
		SoftAssertions.assertSoftly(softly -> {
			softly.assertThat(violations).as("serious or critical accessibility violations").isEmpty();
			softly.assertThat(overflows).as("pages wider than a phone's screen").isEmpty();
		});
	}

	@Test
	void theForecastScrollsSidewaysOnAPhoneWithMonthAndSellerInSight() {
		assumeTrue(driver != null, "no browser");
		TeamId team = data.team();
		User manager = data.user(team, Role.MANAGER, Role.SALES);
		pagesWithRecordsOf(manager, team, null);
		signIn(manager);
		driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
		show(PHONE);
		try {
			open("/forecast");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#forecast-table tbody td")));
			JavascriptExecutor js = (JavascriptExecutor) driver;
			long viewport = PHONE.width;
			assertThat(chromium.overflowBeyond(PHONE.width)).as("the page itself does not scroll sideways").isNull();
			js.executeScript("const box = document.querySelector('#forecast-table').parentElement;"
					+ "box.scrollLeft = box.scrollWidth;");
			chromium.screenshot("forecast-phone-scrolled");
			for (String cell : List.of("th:nth-child(1)", "th:nth-child(2)", "th:last-child")) {
				Map<?, ?> box = (Map<?, ?>) js.executeScript("const r = document.querySelector("
						+ "'#forecast-table thead " + cell + "').getBoundingClientRect();"
						+ "return {left: r.left, right: r.right};");
				assertThat(((Number) box.get("left")).doubleValue()).as(cell + " left edge in sight")
					.isGreaterThanOrEqualTo(0);
				assertThat(((Number) box.get("right")).doubleValue()).as(cell + " right edge in sight")
					.isLessThanOrEqualTo(viewport);
			}
			chromium.assertPageIsHealthy();
		}
		finally {
			show(DESKTOP);
		}
	}

	/** Shows pages at this size: a phone's is emulated, since a window cannot be that narrow. */
	private static void show(Dimension size) {
		if (size.width < 500) {
			chromium.showAsPhone(size.width, size.height);
		}
		else {
			chromium.showAsWindow();
			driver.manage().window().setSize(size);
		}
	}

	/**
	 * Opens the page, saves what it shows and adds axe's serious and critical findings and the labels that name no
	 * control to the violations; where it is shown as a phone, a page wider than the screen to the overflows.
	 */
	private void check(String name, String path, String view, List<String> violations, List<String> overflows) {
		load(path);
		inspect(name, path, view, violations, overflows);
	}

	/**
	 * Checks the navigation's menus open, as {@link #check} checks a page: the sales menu on the accounts page and,
	 * for an administrator, the administration menu on the users page, each with the entry of its page marked; on a
	 * phone inside the folded menu, which opens first.
	 */
	private void checkOpenMenus(String view, List<String> violations, List<String> overflows) {
		Map<String, String> menus = Map.of("nav-group-sales", "/accounts", "admin-menu", "/admin/users");
		for (Map.Entry<String, String> menu : new java.util.TreeMap<>(menus).entrySet()) {
			load(menu.getValue());
			WebElement toggler = driver.findElement(By.cssSelector(".navbar-toggler"));
			if (toggler.isDisplayed()) {
				toggler.click();
				wait.until(browser -> browser.findElements(By.cssSelector("#main-nav.collapse.show")).size() == 1);
			}
			wait.until(ExpectedConditions.elementToBeClickable(By.id(menu.getKey()))).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector("[aria-labelledby='" + menu.getKey() + "'] a[aria-current='page']")));
			inspect("menu-" + menu.getKey(), menu.getValue(), view, violations, overflows);
		}
	}

	/** Opens the page and waits until it and the fragments it loads are there. */
	private void load(String path) {
		open(path);
		wait.until(browser -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return document.readyState")));
		// htmx fragments (account panels, home cards) load after the page: let them settle.
		wait.until(browser -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return document.querySelector('.htmx-request') === null")));
	}

	/** Saves what the page shows now and adds what is wrong with it, as {@link #check} describes. */
	private void inspect(String name, String path, String view, List<String> violations, List<String> overflows) {
		chromium.screenshot("a11y-" + view + "-" + name);
		JavascriptExecutor js = (JavascriptExecutor) driver;
		for (Object label : (List<?>) js.executeScript(LABELS_OF_NOTHING)) {
			violations.add("%s %s [label-for] a label names no control: %s".formatted(view, path,
					Chromium.abbreviate(String.valueOf(label))));
		}
		if (view.endsWith("-" + PHONE.width)) {
			String overflow = chromium.overflowBeyond(PHONE.width);
			if (overflow != null) {
				overflows.add(view + " " + path + ": " + overflow);
			}
		}
		for (String violation : chromium.accessibilityViolations()) {
			violations.add(view + " " + path + " " + violation);
		}
	}

	/**
	 * The pages of the signed-in user, keyed by a short name for the screenshots; with custom fields, the account
	 * and the lead have a value in each and the lists show them filtered and as columns.
	 */
	private Map<String, String> pagesWithRecordsOf(User admin, TeamId team, FieldsOfEveryType custom) {
		Actor actor = data.actor(admin);
		String tag = TestData.unique("A11y");
		Account account = accounts.create(actor, new AccountDetails(tag + " Trading", AccountType.COMPANY, null,
				"example.com", "+49 30 1234567", "info@example.com", PostalAddress.EMPTY, LifecycleStage.NEW, null,
				"A customer"), null, null, custom == null ? null : custom.values("account"));
		Account twin = accounts.create(actor, new AccountDetails(tag + " Trading", AccountType.COMPANY, null,
				"example.com", null, null, PostalAddress.EMPTY, LifecycleStage.NEW, null, null), null, null);
		Contact contact = contacts.create(actor, new ContactDetails("Ada", tag, "Buyer", "ada@example.com",
				"+49 40 123456", PostalAddress.EMPTY, false), account.getId(), null, null);
		Lead lead = leads.create(actor, new LeadDetails("Grace", tag, tag + " Labs", "CTO", "grace@example.com",
				null, AccountSource.WEBSITE, LeadRating.HOT, "Met at a fair"), LeadStatus.CONTACTED, null, null, null,
				custom == null ? null : custom.values("lead"));
		Product product = products.create(actor, new ProductDetails(tag, "Seat " + tag, "A seat for a year",
				Money.of("240", "EUR"), "Licences", true));
		Opportunity opportunity = opportunities.create(actor, new OpportunityDraft(account.getId(), "Deal " + tag,
				null, null, Money.of("1000", "EUR"), LocalDate.now().plusMonths(1), null, "Call back", null, null,
				null, List.of(new Opportunity.LineRequest(product.getId(), BigDecimal.TEN, new BigDecimal("240"),
						BigDecimal.ZERO))));
		SalesOrder order = orders.create(actor, new OrderDetails(account.getId(), LocalDate.now(), "EUR", "First",
				List.of(new OrderDetails.LineDetails(product.getId(), BigDecimal.ONE, new BigDecimal("240")))));
		Contract contract = contracts.create(actor, new ContractDetails(account.getId(), null, LocalDate.now(),
				LocalDate.now().plusYears(1), new BigDecimal("2400"), "EUR", true, 30, "Support"));
		RecordRef about = new RecordRef("account", account.getId());
		// at nine today, so that the week's calendar shows both entries in sight whatever the time of the run
		Instant atNine = LocalDate.now(actor.zone()).atTime(9, 0).atZone(actor.zone()).toInstant();
		var task = activities.create(actor, new ActivityDetails(
				ActivityKind.TASK, "Send the offer " + tag, about, null, null, atNine, null,
				null, false, null, List.of(), null, null, null, null, null, null, null, null), Map.of());
		var meeting = activities.create(actor, new ActivityDetails(
				ActivityKind.MEETING, "Kick-off " + tag, about, null, null, null, atNine,
				atNine.plusSeconds(3600), false, "Room 1", List.of(new RecordRef("user",
						admin.getId())), null, null, null, null, null, null, null, null), Map.of());
		// a call made, in a colour of its own and crossed out
		activities.create(actor, new ActivityDetails(
				ActivityKind.CALL, "Call " + tag, about, ActivityStatus.DONE, null, null, atNine.plusSeconds(7200), null,
				false, null, List.of(), Direction.OUTBOUND, 15, null, null, null, null, null, null), Map.of());
		activities.create(actor, new ActivityDetails(
				ActivityKind.NOTE, "Visit " + tag, about, null, null, null, null, null, false,
				null, List.of(), null, null, null, null, null, "<p>Met <b>Ada</b></p>", null, null), Map.of());
		// the search page shows these records as hits
		indexing.settle();

		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("home", "/");
		pages.put("accounts", "/accounts");
		if (custom != null) {
			pages.put("accounts-custom", "/accounts?q=" + tag + "&" + custom.listQuery("account"));
		}
		pages.put("account", "/accounts/" + account.getId());
		pages.put("account-new", "/accounts/new");
		pages.put("account-edit", "/accounts/" + account.getId() + "/edit");
		pages.put("account-delete", "/accounts/" + account.getId() + "/delete");
		pages.put("account-duplicates", "/accounts/duplicates");
		pages.put("account-merge", "/accounts/" + account.getId() + "/merge?with=" + twin.getId());
		pages.put("contacts", "/contacts");
		pages.put("contact", "/contacts/" + contact.getId());
		pages.put("contact-new", "/contacts/new");
		pages.put("contact-edit", "/contacts/" + contact.getId() + "/edit");
		pages.put("contact-duplicates", "/contacts/duplicates");
		pages.put("leads", "/leads");
		if (custom != null) {
			pages.put("leads-custom", "/leads?q=" + tag + "&" + custom.listQuery("lead"));
		}
		pages.put("lead", "/leads/" + lead.getId());
		pages.put("lead-new", "/leads/new");
		pages.put("lead-edit", "/leads/" + lead.getId() + "/edit");
		pages.put("lead-convert", "/leads/" + lead.getId() + "/convert");
		pages.put("lead-duplicates", "/leads/duplicates");
		pages.put("opportunities", "/opportunities");
		pages.put("opportunity", "/opportunities/" + opportunity.getId());
		pages.put("opportunity-new", "/opportunities/new");
		pages.put("opportunity-edit", "/opportunities/" + opportunity.getId() + "/edit");
		pages.put("board", "/opportunities/board");
		pages.put("forecast", "/forecast");
		pages.put("products", "/products");
		pages.put("product", "/products/" + product.getId());
		pages.put("product-new", "/products/new");
		pages.put("product-edit", "/products/" + product.getId() + "/edit");
		pages.put("orders", "/orders");
		pages.put("order", "/orders/" + order.getId());
		pages.put("order-new", "/orders/new");
		pages.put("order-edit", "/orders/" + order.getId() + "/edit");
		pages.put("contracts", "/contracts");
		pages.put("contract", "/contracts/" + contract.getId());
		pages.put("contract-new", "/contracts/new");
		pages.put("contract-edit", "/contracts/" + contract.getId() + "/edit");
		if (actor.isAdmin()) {
			pages.putAll(supportPages(actor, team, tag, account, contact, contract));
		}
		pages.putAll(campaignPages(actor, tag));
		pages.put("activities", "/activities");
		pages.put("activity", "/activities/" + meeting.getId());
		pages.put("activity-new", "/activities/new?kind=CALL&about=account:" + account.getId());
		pages.put("activity-new-meeting", "/activities/new?kind=MEETING");
		pages.put("activity-edit", "/activities/" + task.getId() + "/edit");
		pages.put("my-work", "/my-work");
		pages.put("calendar", "/calendar");
		pages.put("calendar-feed", "/calendar/feed");
		pages.put("notifications", "/notifications");
		pages.put("notification-settings", "/notifications/settings");
		pages.put("search", "/search?q=" + tag);
		pages.put("profile", "/profile");
		pages.put("tokens", "/profile/tokens");
		pages.put("users", "/admin/users");
		pages.put("user-new", "/admin/users/new");
		pages.put("user-edit", "/admin/users/" + admin.getId() + "/edit");
		pages.put("teams", "/admin/teams");
		pages.put("pipelines", "/admin/pipelines");
		pages.put("fields", "/admin/fields");
		pages.put("field-new", "/admin/fields/new");
		if (custom != null) {
			pages.put("fields-lead", "/admin/fields?entity=lead");
			pages.put("field-edit", "/admin/fields/" + custom.id("account", FieldType.MULTI_PICK_LIST) + "/edit");
		}
		pages.put("search-admin", "/admin/search");
		pages.put("imports", "/imports");
		pages.put("not-found", "/accounts/" + UUID.randomUUID());
		return pages;
	}

	/**
	 * The case pages with a case that a policy holds, with a public and an internal comment, and another case waiting
	 * in the queue; and the administration of calendars and policies.
	 */
	private Map<String, String> supportPages(Actor actor, TeamId team, String tag, Account account, Contact contact,
			Contract contract) {
		BusinessCalendar calendar = serviceLevels.createCalendar(actor, tag + " hours", "Europe/Berlin",
				"MON 09:00-17:00, TUE 09:00-17:00, WED 09:00-17:00, THU 09:00-17:00, FRI 09:00-17:00", "2026-12-25");
		SlaPolicy policy = serviceLevels.createPolicy(actor, new SlaPolicy.Terms(tag + " standard", 1000, null, null,
				calendar.getId(), 60, 480, 80, false, false, team.value(), true));
		SupportCase taken = cases.create(actor, new SupportCase.Details(account.getId(), contact.getId(),
				contract.getId(), "Cannot print " + tag, "The printer says no", CasePriority.HIGH, CaseChannel.PHONE,
				"Hardware"), Map.of(), team.value(), true);
		cases.comment(actor, taken.getId(), false, "Checked the logs");
		cases.comment(actor, taken.getId(), true, "We are on it");
		cases.create(actor, new SupportCase.Details(account.getId(), null, null, "Waiting " + tag, null,
				CasePriority.URGENT, CaseChannel.EMAIL, null), Map.of(), team.value(), false);
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("cases", "/cases");
		pages.put("case", "/cases/" + taken.getId());
		pages.put("case-new", "/cases/new?account=" + account.getId());
		pages.put("case-edit", "/cases/" + taken.getId() + "/edit");
		pages.put("case-queue", "/cases/queue?team=" + team);
		pages.put("sla-calendars", "/admin/support/calendars");
		pages.put("sla-calendar-edit", "/admin/support/calendars/" + calendar.getId() + "/edit");
		pages.put("sla-policies", "/admin/support/policies");
		pages.put("sla-policy-edit", "/admin/support/policies/" + policy.getId() + "/edit");
		pages.put("service-mailbox", "/admin/support/mailbox");
		return pages;
	}

	/** The campaign list, a campaign with a sub-campaign in another currency, and the campaign form. */
	private Map<String, String> campaignPages(Actor actor, String tag) {
		Campaign launch = campaigns.create(actor, new CampaignDetails("Launch " + tag, CampaignType.TRADE_SHOW,
				CampaignStatus.ACTIVE, LocalDate.now(), LocalDate.now().plusMonths(1), "EUR", new BigDecimal("5000"),
				new BigDecimal("1200"), new BigDecimal("20000"), "Stand and travel", null, null, null));
		campaigns.create(actor, new CampaignDetails("Launch event " + tag, CampaignType.EVENT, CampaignStatus.PLANNED,
				LocalDate.now(), LocalDate.now().plusDays(1), "CNY", new BigDecimal("9000"), null, null, null,
				launch.getId(), null, null));
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("campaigns", "/campaigns");
		pages.put("campaign", "/campaigns/" + launch.getId());
		pages.put("campaign-new", "/campaigns/new?parent=" + launch.getId());
		pages.put("campaign-edit", "/campaigns/" + launch.getId() + "/edit");
		return pages;
	}

	/**
	 * Uploads a file to reach the import's mapping page, another to reach the preview and a third to run; and a file of
	 * deals written in dollars, whose mapping page and preview show the currency of amounts that name none.
	 */
	private Map<String, String> importPages() throws Exception {
		Path file = Files.createTempFile("a11y-", ".csv");
		Files.writeString(file, "Name;Website\n" + TestData.unique("Imported") + ";example.com\n;missing.example\n",
				StandardCharsets.UTF_8);
		Path deals = Files.createTempFile("a11y-deals-", ".csv");
		Files.writeString(deals,
				"Opportunity Name,Account Name,Amount,Close Date\nDeal,Nobody,\"$18,500\",2026-03-31\n",
				StandardCharsets.UTF_8);
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("import-mapping", upload(file));
		pages.put("import-mapping-amounts", upload("opportunities", deals));
		driver.findElement(By.id("to-preview")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-table")));
		pages.put("import-preview-amounts", path());
		String preview = upload(file);
		driver.findElement(By.id("to-preview")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-table")));
		pages.put("import-preview", path());
		upload(file);
		driver.findElement(By.id("to-preview")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("start"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("job-counts")));
		wait.until(browser -> browser.findElements(By.id("undo")).size() == 1);
		pages.put("import-job", path());
		assertThat(preview).isNotNull();
		return pages;
	}

	private String upload(Path file) {
		return upload("accounts", file);
	}

	private String upload(String entity, Path file) {
		open("/imports?entity=" + entity);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
		driver.findElement(By.id("file")).sendKeys(file.toString());
		driver.findElement(By.id("upload")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mapping-table")));
		return path();
	}

	private void signIn(User user) {
		open("/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user.getUsername());
		driver.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
	}

	private void open(String path) {
		driver.get("http://localhost:" + port + path);
	}

	private static String path() {
		java.net.URI uri = java.net.URI.create(driver.getCurrentUrl());
		return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
	}

	/**
	 * A custom field of every type on each of the given kinds of record, with a value of each for a record. The
	 * keys are new for every run and the fields are retired at the end, so that other tests never meet them.
	 */
	private final class FieldsOfEveryType implements AutoCloseable {

		private final String suffix = TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		private final Map<String, Map<FieldType, UUID>> defined = new HashMap<>();

		FieldsOfEveryType(String... entities) {
			try {
				for (String entity : entities) {
					Map<FieldType, UUID> ids = new LinkedHashMap<>();
					defined.put(entity, ids);
					for (FieldType type : FieldType.values()) {
						ids.put(type, fields.define(entity, key(type), type, text(entity, type)).getId());
					}
				}
			}
			catch (RuntimeException e) {
				close();
				throw e;
			}
		}

		UUID id(String entity, FieldType type) {
			return defined.get(entity).get(type);
		}

		/** A value of every field, as a form would send it. */
		Map<String, Object> values(String entity) {
			Map<String, Object> values = new HashMap<>();
			for (FieldType type : defined.get(entity).keySet()) {
				values.put(key(type), switch (type) {
					case TEXT -> "North";
					case LONG_TEXT -> "Renews every spring.\nCall in March.";
					case NUMBER -> "250";
					case DECIMAL -> "12.5";
					case CURRENCY -> "1200.50";
					case DATE -> "2027-03-31";
					case DATE_TIME -> "2027-03-31T09:30:00Z";
					case CHECKBOX -> "true";
					case PICK_LIST -> "Gold";
					case MULTI_PICK_LIST -> List.of("Hardware", "Services");
					case URL -> "https://example.com/portal";
					case EMAIL -> "billing@example.com";
					case PHONE -> "+49 30 7654321";
				});
			}
			return values;
		}

		/** A list's parameters that filter on the pick-list and show every field as a column. */
		String listQuery(String entity) {
			return "cf." + key(FieldType.PICK_LIST) + "=Gold&cf." + key(FieldType.NUMBER) + ".from=100&cols="
					+ defined.get(entity).keySet().stream().map(type -> "cf." + key(type))
						.collect(Collectors.joining(","));
		}

		private String key(FieldType type) {
			return type.name().toLowerCase(Locale.ROOT) + "_" + suffix;
		}

		/** Labels and help in both languages; a lead's text is required, so that a required mark shows too. */
		private FieldText text(String entity, FieldType type) {
			boolean required = type == FieldType.TEXT && entity.equals("lead");
			return switch (type) {
				case TEXT -> new FieldText("Region", "区域", null, null, required, null, null, null);
				case LONG_TEXT -> new FieldText("Notes", "备注", "What the team should know", "团队须知", false, null,
						null, null);
				case NUMBER -> new FieldText("Seats", "席位", "Licensed seats", "许可席位", false, null, null, null);
				case DECIMAL -> new FieldText("Discount rate", "折扣率", null, null, false, null, null, null);
				case CURRENCY -> new FieldText("Budget", "预算", null, null, false, null, null, "EUR");
				case DATE -> new FieldText("Renewal", "续约日", "When the contract renews", "合同续约日期", false, null,
						null, null);
				case DATE_TIME -> new FieldText("Last visit", "上次拜访", null, null, false, null, null, null);
				case CHECKBOX -> new FieldText("Key account", "重点客户", "Served by a named manager", "由专人负责", false,
						null, null, null);
				case PICK_LIST -> new FieldText("Tier", "等级", null, null, false, null,
						List.of("Gold", "Silver", "Bronze"), null);
				case MULTI_PICK_LIST -> new FieldText("Interests", "兴趣", "What they buy from us", "采购内容", false,
						null, List.of("Hardware", "Software", "Services"), null);
				case URL -> new FieldText("Portal", "门户", null, null, false, null, null, null);
				case EMAIL -> new FieldText("Billing e-mail", "账单邮箱", null, null, false, null, null, null);
				case PHONE -> new FieldText("Hotline", "热线", null, null, false, null, null, null);
			};
		}

		@Override
		public void close() {
			defined.values().forEach(ids -> ids.values().forEach(fields::retire));
		}
	}
}
