package org.rapport.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
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
import org.rapport.analytics.internal.AnalyticsJobs;
import org.rapport.analytics.internal.ChurnHistories;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
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
 * An analyst, in a real browser (headless Chromium), segments the accounts from the segments page: fills the form,
 * submits it, follows the run's progress until it links to the results, opens the saved segmentation and a cluster's
 * accounts, and finds the account's cluster on its page; each page passes axe-core in English and Chinese, on a
 * desktop and on a phone, and fits the phone's screen.
 * <p>
 * Where Chromium or its driver is missing the test is skipped with a warning, unless
 * {@code RAPPORT_REQUIRE_BROWSER=true} (CI) turns that into a failure. Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ TestData.class, CommerceFixtures.class, ChurnHistories.class })
// a database of its own, where the runs learn from these tests' accounts alone
@ContextConfiguration(initializers = OwnDatabase.class)
class SegmentsBrowserTests {

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
	AnalyticsJobs jobs;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@BeforeAll
	static void startBrowser() {
		chromium = Chromium.start("SegmentsBrowserTests", 1280, 900);
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
	void anAnalystRunsASegmentationFromThePageAndOpensAClustersAccounts() throws Exception {
		assumeTrue(driver != null, "no browser");
		var team = data.team();
		User seller = data.user(team, Role.SALES);
		User analyst = data.user(team, Role.ANALYST);
		Actor selling = data.actor(seller);
		Product big = fixtures.product("30", "EUR");
		Product small = fixtures.product("5", "EUR");
		AccountId spender = BuyingPatterns.frequentBigSpenders(fixtures, selling, "Browser spender", 5, 8, big).get(0);
		BuyingPatterns.rareSmallBuyers(fixtures, selling, "Browser rare", 5, small);
		String name = TestData.unique("Browser buyers");
		signIn(analyst);
		try {
			// the analyst fills the form and runs the segmentation
			open("/analytics/segments?lang=en");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("segments-run")));
			driver.findElement(By.id("name")).sendKeys(name);
			((JavascriptExecutor) driver).executeScript("document.getElementById('kMax').value = '4'");
			((JavascriptExecutor) driver).executeScript("document.getElementById('segments-run').click()");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("segments-pending")));
			jobs.sweep();
			// the progress, asked again every five seconds, links to the results once the run is over
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#segments-pending a.alert-link")));
			driver.findElement(By.cssSelector("#segments-pending a.alert-link")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(name))).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("segment-scatter")));
			String segmentation = driver.getCurrentUrl().replaceFirst("^.*/analytics/segments/", "").replaceFirst("[?#].*$", "");
			assertThat(driver.findElement(By.id("segment-profiles")).getText()).contains("Cluster 1", "Cluster 2");

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
					open("/analytics/segments");
					wait.until(ExpectedConditions.presenceOfElementLocated(By.id("segments-list")));
					check(view, "segments", phone);

					open("/analytics/segments/" + segmentation);
					wait.until(ExpectedConditions.presenceOfElementLocated(By.id("segment-scatter")));
					wait.until(browser -> Boolean.TRUE.equals(((JavascriptExecutor) browser)
						.executeScript("return typeof Chart !== 'undefined' && document.readyState === 'complete'")));
					check(view, "segmentation", phone);

					// the cluster of the big spenders lists them, each linking to its account
					driver.findElement(By.id("cluster-link-" + clusterOf(segmentation, spender))).click();
					wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cluster-accounts")));
					assertThat(driver.findElement(By.id("cluster-accounts")).getText()).contains("Browser spender")
						.doesNotContain("Browser rare");
					check(view, "cluster", phone);
				}
			}
			chromium.showAsWindow();
			open("/accounts/" + spender.value() + "?lang=en");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#segments-panel .segment-cluster")));
			assertThat(driver.findElement(By.id("segments-panel")).getText()).contains(name);
		}
		finally {
			chromium.showAsWindow();
		}
	}

	private int clusterOf(String segmentation, AccountId account) {
		return jdbc.queryForObject("select cluster from account_segment where segmentation_id = ? and account_id = ?",
				Integer.class, java.util.UUID.fromString(segmentation), account.value());
	}

	private void check(String view, String name, boolean phone) {
		chromium.screenshotWholePage("segments-" + view + "-" + name);
		chromium.assertPageIsHealthy();
		chromium.assertAccessible();
		if (phone) {
			chromium.assertFitsWidth(PHONE);
		}
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
