package org.rapport.analytics;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * An analyst, in a real browser (headless Chromium), runs each model of the workbench on a public data set from its
 * page, in English and Chinese, on a desktop and on a phone, and finds the figures and charts on a page that passes
 * axe-core and fits the phone's screen; the customer-value page too.
 * <p>
 * Where Chromium or its driver is missing the tests are skipped with a warning, unless
 * {@code RAPPORT_REQUIRE_BROWSER=true} (CI) turns that into a failure. Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ TestData.class, CommerceFixtures.class })
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
		signIn(analyst);
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
					String view = language + "-" + (phone ? PHONE : 1280);

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
				}
			}
		}
		finally {
			chromium.showAsWindow();
		}
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
