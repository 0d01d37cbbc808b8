package org.rapport.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.Chromium;
import org.rapport.OwnDatabase;
import org.rapport.TestData;
import org.rapport.analytics.internal.AccountChurn;
import org.rapport.analytics.internal.AnalyticsJobs;
import org.rapport.analytics.internal.ChurnHistories;
import org.rapport.analytics.internal.ProductRecommendations;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * An analyst, in a real browser (headless Chromium), runs each model of the workbench on a public data set from its
 * page, in English and Chinese, on a desktop and on a phone, and finds the figures and charts on a page that passes
 * axe-core and fits the phone's screen; the customer-value page too, the recommendations' page with an account's
 * recommended products and a product's bought-together products, and the churn run's comparison and the valuable
 * customers at risk.
 * <p>
 * Where Chromium or its driver is missing the tests are skipped with a warning, unless
 * {@code RAPPORT_REQUIRE_BROWSER=true} (CI) turns that into a failure. Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ TestData.class, CommerceFixtures.class, ChurnHistories.class })
// a database of its own, where the runs learn from these tests' accounts alone
@ContextConfiguration(initializers = OwnDatabase.class)
class WorkbenchBrowserTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final int PHONE = 390;

	private static WebDriver driver;
	private static WebDriverWait wait;
	private static Chromium chromium;

	@RegisterExtension
	static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (driver != null) {
				chromium.screenshot("failed-" + context.getRequiredTestMethod().getName());
				System.err.println("Browser was at " + driver.getCurrentUrl());
			}
		}
	};

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	ProductRecommendations recommendations;

	@Autowired
	ChurnHistories histories;

	@Autowired
	AccountChurn churn;

	@Autowired
	AnalyticsJobs jobs;

	@BeforeAll
	static void startBrowser() {
		chromium = Chromium.start("WorkbenchBrowserTests", 1280, 900);
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
	void anAnalystRunsTheModelsOnFilesInBothLanguagesOnADesktopAndAPhone() throws Exception {
		assumeTrue(driver != null, "no browser");
		User analyst = data.user(data.team(), Role.ANALYST);
		Path cdnow = Files.createTempFile("cdnow-", ".csv");
		Files.writeString(cdnow, PublicData.cdnowCsv());
		Path mall = PublicData.FOLDER.resolve("Mall_Customers.csv").toAbsolutePath().normalize();
		Path telco = PublicData.FOLDER.resolve("telco-customer-churn.csv").toAbsolutePath().normalize();
		Path recommendationsTrain = Files.createTempFile("train-", ".csv");
		Files.writeString(recommendationsTrain, "user,item\na,p1\na,p2\nb,p1\nb,p2\nc,p1\nc,p3\nd,p2\nd,p3\n");
		Path recommendationsTest = Files.createTempFile("test-", ".csv");
		Files.writeString(recommendationsTest, "user,item\na,p3\nb,p3\nc,p2\nd,p1\n");
		AccountId boughtA = recommendedAccount(analyst);
		signIn(analyst);
		inEveryView((view, phone) -> {
			open("/analytics/workbench/clv");
			fill(Map.of("customerColumn", "customer", "dateColumn", "date", "amountColumn", "amount",
					"dateFormat", "yyyyMMdd", "calibrationEnd", "1997-09-30"));
			run("file", cdnow, "clv-run", "clv-result", view, "workbench-clv", phone);

			open("/analytics/workbench/segments");
			fill(Map.of("features", "AnnualIncome,SpendingScore", "k", "5"));
			run("file", mall, "segments-run", "segments-result", view, "workbench-segments", phone);

			open("/analytics/workbench/churn");
			fill(Map.of("target", "Churn", "positive", "Yes", "idColumn", "customerID", "folds", "3"));
			((JavascriptExecutor) driver).executeScript("['tree', 'forest', 'gbt'].forEach(a => "
					+ "document.getElementById('algorithm-' + a).checked = false)");
			run("file", telco, "churn-run", "churn-result", view, "workbench-churn", phone);

			open("/analytics/workbench/recommendations");
			driver.findElement(By.id("test")).sendKeys(recommendationsTest.toAbsolutePath().toString());
			run("train", recommendationsTrain, "recommendations-run", "recommendations-result", view,
					"workbench-recommendations", phone);

			open("/analytics/value");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("value-run")));
			check(view, "customer-value", phone);

			open("/analytics/recommendations");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recommendations-quality")));
			check(view, "recommendations", phone);
			open("/accounts/" + boughtA.value());
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recommendations-list")));
			chromium.settle(TIMEOUT);
			check(view, "account-recommendations", phone);
			open("/products/" + productBoughtByIt.getId());
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bought-together")));
			chromium.settle(TIMEOUT);
			check(view, "bought-together", phone);
		});
	}

	@Test
	void anAnalystComparesTheAlgorithmsAndListsTheCustomersAtRisk() {
		assumeTrue(driver != null, "no browser");
		TeamId team = data.team();
		User analyst = data.user(team, Role.ANALYST);
		Actor seller = data.actor(data.user(team, Role.SALES));
		Product product = fixtures.product("80", "EUR");
		for (int i = 0; i < 6; i++) {
			histories.lost(seller, product, "Faded", 210 + 7 * i, 50 + 5 * i);
			histories.steady(seller, product, "Regular", 4 + i, 45);
		}
		histories.fading(seller, product, "Fading", ChurnHistories.today().plusDays(180), 215);
		churn.runNow(data.actor(analyst), AccountChurn.ChurnSettings.DEFAULT);
		jobs.sweep();

		signIn(analyst);
		inEveryView((view, phone) -> {
			open("/analytics/churn");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("churn-comparison")));
			wait.until(browser -> Boolean.TRUE.equals(((JavascriptExecutor) browser)
				.executeScript("return typeof Chart !== 'undefined' && document.readyState === 'complete'")));
			assertThat(driver.findElements(By.cssSelector("#churn-comparison tbody tr"))).hasSize(4);
			check(view, "churn", phone);

			open("/analytics/churn/at-risk");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("churn-at-risk")));
			assertThat(driver.findElements(By.cssSelector("#churn-at-risk tbody a"))).isNotEmpty();
			check(view, "churn-at-risk", phone);
		});
	}

	/** The product the account of {@link #recommendedAccount} bought. */
	private Product productBoughtByIt;

	/**
	 * An account of the analyst's team that bought A, where others bought A then B and C: the recommendations, run
	 * here, give it B and C, and A's page lists them as bought together.
	 */
	private AccountId recommendedAccount(User analyst) {
		Actor seller = data.actor(data.user(analyst.team(), Role.SALES));
		Product a = fixtures.product("10", "EUR");
		Product b = fixtures.product("20", "EUR");
		Product c = fixtures.product("30", "EUR");
		LocalDate today = LocalDate.now();
		for (int i = 0; i < 3; i++) {
			AccountId both = fixtures.account(seller, "A then B");
			fixtures.confirmedOrder(seller, both, today.minusDays(50), a);
			fixtures.confirmedOrder(seller, both, today.minusDays(20), b, c);
		}
		AccountId boughtA = fixtures.account(seller, "Bought A");
		fixtures.confirmedOrder(seller, boughtA, today.minusDays(5), a);
		recommendations.runNow(data.actor(analyst));
		jobs.sweep();
		productBoughtByIt = a;
		return boughtA;
	}

	private void run(String input, Path file, String button, String result, String view, String name, boolean phone) {
		driver.findElement(By.id(input)).sendKeys(file.toAbsolutePath().toString());
		((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).click()", button);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id(result)));
		// the charts draw once their script has loaded
		wait.until(browser -> Boolean.TRUE.equals(((JavascriptExecutor) browser)
			.executeScript("return typeof Chart !== 'undefined' && document.readyState === 'complete'")));
		check(view, name, phone);
	}

	/** Visits the pages in English and Chinese, on a desktop and on a phone, named as {@code en-1280}. */
	private void inEveryView(java.util.function.BiConsumer<String, Boolean> visit) {
		try {
			for (String language : List.of("en", "zh-CN")) {
				open("/login?lang=" + language);
				for (boolean phone : List.of(false, true)) {
					if (phone) {
						chromium.showAsPhone(PHONE, 844);
					}
					else {
						chromium.showAsWindow();
					}
					visit.accept(language + "-" + (phone ? PHONE : 1280), phone);
				}
			}
		}
		finally {
			chromium.showAsWindow();
		}
	}

	private void check(String view, String name, boolean phone) {
		chromium.screenshotWholePage("workbench-" + view + "-" + name);
		chromium.assertPageIsHealthy();
		chromium.assertAccessible();
		if (phone) {
			chromium.assertFitsWidth(PHONE);
		}
	}

	private static void fill(Map<String, String> values) {
		values.forEach((id, value) -> ((JavascriptExecutor) driver)
			.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value));
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
}
