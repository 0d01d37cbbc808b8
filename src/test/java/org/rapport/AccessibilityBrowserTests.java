package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
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
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.sales.internal.Contract;
import org.rapport.sales.internal.ContractBook;
import org.rapport.sales.internal.ContractDetails;
import org.rapport.sales.internal.Lead;
import org.rapport.sales.internal.LeadDetails;
import org.rapport.sales.internal.LeadRating;
import org.rapport.sales.internal.LeadService;
import org.rapport.sales.internal.LeadStatus;
import org.rapport.sales.internal.Opportunity;
import org.rapport.sales.internal.OpportunityDraft;
import org.rapport.sales.internal.OpportunityService;
import org.rapport.sales.internal.OrderBook;
import org.rapport.sales.internal.OrderDetails;
import org.rapport.sales.internal.Product;
import org.rapport.sales.internal.ProductCatalogue;
import org.rapport.sales.internal.ProductDetails;
import org.rapport.sales.internal.SalesOrder;
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
 * (labels tied to their inputs, a name on every control, AA contrast), at desktop and at phone width, in English
 * and in Chinese. One browser signs in once; the pages are visited in each of the four ways and each view is
 * saved to {@code target/screenshots/a11y-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class AccessibilityBrowserTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);
	private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
	private static final Set<String> FAILING_IMPACTS = Set.of("critical", "serious");

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
		Map<String, String> pages = pagesWithRecordsOf(admin, team);

		List<String> violations = new ArrayList<>();
		for (String language : List.of("en", "zh-CN")) {
			open("/login?lang=" + language);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
			for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
				driver.manage().window().setSize(size);
				String view = language + "-" + size.width;
				check("login", "/login", view, violations);
				check("web-form", "/public/leads", view, violations);
			}
		}
		driver.manage().window().setSize(new Dimension(1280, 900));
		signIn(admin);
		pages.putAll(importPages());

		for (String language : List.of("en", "zh-CN")) {
			open("/login?lang=" + language);
			for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
				driver.manage().window().setSize(size);
				String view = language + "-" + size.width;
				for (Map.Entry<String, String> page : pages.entrySet()) {
					check(page.getKey(), page.getValue(), view, violations);
				}
			}
		}
		driver.manage().window().setSize(new Dimension(1280, 900));
		assertThat(violations).as("serious or critical accessibility violations").isEmpty();
	}

	@Test
	void theForecastScrollsSidewaysOnAPhoneWithMonthAndSellerInSight() {
		assumeTrue(driver != null, "no browser");
		TeamId team = data.team();
		User manager = data.user(team, Role.MANAGER, Role.SALES);
		pagesWithRecordsOf(manager, team);
		signIn(manager);
		driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
		driver.manage().window().setSize(new Dimension(390, 844));
		try {
			open("/forecast");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#forecast-table tbody td")));
			JavascriptExecutor js = (JavascriptExecutor) driver;
			long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
			assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue())
				.as("the page itself does not scroll sideways").isLessThanOrEqualTo(viewport);
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
			driver.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	/** Opens the page, saves what it shows and adds axe's serious and critical findings to the list. */
	private void check(String name, String path, String view, List<String> violations) {
		open(path);
		wait.until(browser -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return document.readyState")));
		// htmx fragments (account panels, home cards) load after the page: let them settle.
		wait.until(browser -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return document.querySelector('.htmx-request') === null")));
		chromium.screenshot("a11y-" + view + "-" + name);
		Results results = axe().analyze(driver);
		if (results.isErrored()) {
			violations.add(view + " " + path + ": axe failed: " + results.getErrorMessage());
			return;
		}
		for (Rule rule : results.getViolations()) {
			if (!FAILING_IMPACTS.contains(rule.getImpact())) {
				continue;
			}
			for (CheckedNode node : rule.getNodes()) {
				violations.add("%s %s [%s, %s] %s: %s %s".formatted(view, path, rule.getId(), rule.getImpact(),
						rule.getHelp(), node.getTarget(), abbreviate(node.getHtml())));
			}
		}
	}

	/**
	 * axe over the WCAG 2.1 A and AA rules, run in the page itself (Rapport has no frames, so axe need not open
	 * the blank window it uses to merge the results of frames) and returning the details of violations only.
	 */
	private static AxeBuilder axe() {
		AxeRunOnlyOptions only = new AxeRunOnlyOptions();
		only.setType("tag");
		only.setValues(TAGS);
		AxeRunOptions options = new AxeRunOptions();
		options.setRunOnly(only);
		options.setResultTypes(List.of("violations"));
		options.setIFrames(false);
		return new AxeBuilder().withOptions(options).setLegacyMode(true);
	}

	/** The pages of the signed-in user, keyed by a short name for the screenshots. */
	private Map<String, String> pagesWithRecordsOf(User admin, TeamId team) {
		Actor actor = data.actor(admin);
		String tag = TestData.unique("A11y");
		Account account = accounts.create(actor, new AccountDetails(tag + " Trading", AccountType.COMPANY, null,
				"example.com", "+49 30 1234567", "info@example.com", PostalAddress.EMPTY, LifecycleStage.NEW, null,
				"A customer"), null, null);
		Account twin = accounts.create(actor, new AccountDetails(tag + " Trading", AccountType.COMPANY, null,
				"example.com", null, null, PostalAddress.EMPTY, LifecycleStage.NEW, null, null), null, null);
		Contact contact = contacts.create(actor, new ContactDetails("Ada", tag, "Buyer", "ada@example.com",
				"+49 40 123456", PostalAddress.EMPTY, false), account.getId(), null, null);
		Lead lead = leads.create(actor, new LeadDetails("Grace", tag, tag + " Labs", "CTO", "grace@example.com",
				null, AccountSource.WEBSITE, LeadRating.HOT, "Met at a fair"), LeadStatus.CONTACTED, null, null, null);
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

		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("home", "/");
		pages.put("accounts", "/accounts");
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
		pages.put("search-admin", "/admin/search");
		pages.put("imports", "/imports");
		pages.put("not-found", "/accounts/" + UUID.randomUUID());
		return pages;
	}

	/** Uploads a file to reach the import's mapping page, another to reach the preview and a third to run. */
	private Map<String, String> importPages() throws Exception {
		Path file = Files.createTempFile("a11y-", ".csv");
		Files.writeString(file, "Name;Website\n" + TestData.unique("Imported") + ";example.com\n;missing.example\n",
				StandardCharsets.UTF_8);
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("import-mapping", upload(file));
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
		open("/imports?entity=accounts");
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

	private static String abbreviate(String html) {
		return html == null || html.length() <= 160 ? html : html.substring(0, 160) + "…";
	}
}
