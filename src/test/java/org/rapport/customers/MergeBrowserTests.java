package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.Chromium;
import org.rapport.TestData;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * An administrator, in a real browser (headless Chromium), finds two duplicate accounts in the duplicates list,
 * merges them keeping the other one's phone (each choice named by its value, its field and its record), and finds
 * the survivor with both accounts' contacts and a line saying what was merged; the merged account is gone. Also at
 * phone width and in Chinese. The steps run in order and share one browser; a step whose predecessor failed is
 * skipped. Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MergeBrowserTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);
	private static final Dimension DESKTOP = new Dimension(1280, 900);
	private static final Dimension PHONE = new Dimension(390, 844);

	private static final Properties ENGLISH = bundles("messages.properties", "i18n/duplicates.properties");

	private static WebDriver driver;
	private static WebDriverWait wait;
	private static Chromium chromium;

	private static User admin;
	private static String name;
	private static AccountId survivor;
	private static AccountId merged;
	private static boolean signedIn;
	private static boolean done;

	@RegisterExtension
	static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (driver != null) {
				screenshot("failed-" + context.getRequiredTestMethod().getName());
				System.err.println("Browser was at " + driver.getCurrentUrl());
			}
		}
	};

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	Customers customers;

	@BeforeAll
	static void startBrowser() {
		chromium = Chromium.start("MergeBrowserTests", DESKTOP.width, DESKTOP.height);
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
	@Order(1)
	void anAdministratorSignsIn() {
		admin = data.user(data.team(), Role.ADMIN);
		Actor actor = data.actor(admin);
		name = "0000 " + TestData.unique("Vandelay");
		survivor = customers.openAccount(actor, new NewAccount(name, AccountType.COMPANY, null, null, null, null,
				null));
		merged = customers.openAccount(actor, new NewAccount(name.toUpperCase() + " Industries Ltd.".substring(11),
				AccountType.COMPANY, null, "+1 212 555 0142", null, null, null));
		customers.addContact(actor, new NewContact(survivor, "Art", "Vandelay", null, null, null, null));
		customers.addContact(actor, new NewContact(merged, "George", "Costanza", null, null, null, null));

		open("/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(admin.getUsername());
		driver.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
		signedIn = true;
	}

	@Test
	@Order(2)
	void findsTheDuplicatesAndMergesThemKeepingTheOthersPhone() {
		requireEarlierStep(signedIn, "signed in");
		open("/accounts/duplicates?size=200");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("duplicate-groups")));
		assertPageIsHealthy();
		screenshot("merge-01-duplicates");
		WebElement mergeLink = driver
			.findElement(By.cssSelector("a.merge-link[href*='/accounts/" + survivor + "/merge?with=" + merged + "']"));
		mergeLink.click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("merge-form")));
		assertThat(driver.findElement(By.id("survivor-link")).getText()).isEqualTo(name);
		assertThat(driver.findElement(By.id("keep-survivor-name")).isSelected()).isTrue();
		// the survivor has no phone: the other's is chosen already
		assertThat(driver.findElement(By.id("keep-merged-phone")).isSelected()).isTrue();
		// each choice is named by its value, the field and the record it comes from
		String mergedName = driver.findElement(By.id("merged-link")).getText();
		assertThat(driver.findElement(By.id("keep-merged-phone")).getAccessibleName()).isEqualTo("+1 212 555 0142 "
				+ MessageFormat.format(english("merge.valueOf.merged"), english("field.phone"), mergedName));
		assertThat(driver.findElement(By.id("keep-survivor-phone")).getAccessibleName())
			.isEqualTo("— " + MessageFormat.format(english("merge.valueOf.survivor"), english("field.phone"), name));
		assertPageIsHealthy();
		screenshot("merge-02-form");
		driver.findElement(By.id("merge")).click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("merge-log")));
		assertThat(path()).isEqualTo("/accounts/" + survivor);
		assertThat(driver.findElement(By.cssSelector(".alert-success")).getText())
			.isEqualTo(english("flash.merge.done"));
		assertThat(driver.findElement(By.id("merge-log")).getText()).contains(english("merge.log.title"));
		assertThat(driver.findElement(By.id("account-contacts")).getText()).contains("Art Vandelay")
			.contains("George Costanza");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("+1 212 555 0142");
		assertPageIsHealthy();
		screenshot("merge-03-survivor");

		open("/accounts/" + merged);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
		assertThat(driver.findElements(By.id("error-page"))).as("the merged account is gone").isNotEmpty();
		// the 404 is expected here; its console line must not count against the next page
		driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
		done = true;
	}

	@Test
	@Order(3)
	void theMergePagesWorkAtPhoneWidthAndInChinese() {
		requireEarlierStep(done, "merged");
		open("/accounts/" + survivor);
		wait.until(ExpectedConditions.elementToBeClickable(By.id("user-menu"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("lang-zh"))).click();
		wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
		driver.manage().window().setSize(PHONE);
		try {
			open("/accounts/" + survivor + "/merge");
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("merge-search")));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("合并客户");
			assertPageIsHealthy();
			screenshot("merge-04-pick-phone-zh");
			open("/accounts/duplicates");
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("duplicate-groups")));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("重复记录");
			assertPageIsHealthy();
			screenshot("merge-05-duplicates-phone-zh");
			open("/accounts/" + survivor);
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("merge-log")));
			assertThat(driver.findElement(By.id("merge-log")).getText()).contains("合并自");
			assertPageIsHealthy();
			screenshot("merge-06-survivor-phone-zh");
		}
		finally {
			driver.manage().window().setSize(DESKTOP);
			open("/accounts");
			wait.until(ExpectedConditions.elementToBeClickable(By.id("user-menu"))).click();
			wait.until(ExpectedConditions.elementToBeClickable(By.id("lang-en"))).click();
		}
	}

	private void open(String path) {
		driver.get("http://localhost:" + port + path);
	}

	private static String path() {
		return java.net.URI.create(driver.getCurrentUrl()).getPath();
	}

	private static void assertPageIsHealthy() {
		chromium.assertPageIsHealthy();
	}

	private static String english(String key) {
		String text = ENGLISH.getProperty(key);
		assertThat(text).as("message %s", key).isNotNull();
		return text;
	}

	private static void requireEarlierStep(boolean ok, String what) {
		assumeTrue(driver != null, "no browser");
		assumeTrue(ok, "an earlier step failed: not " + what);
	}

	private static void screenshot(String name) {
		chromium.screenshot(name);
	}

	private static Properties bundles(String... names) {
		Properties properties = new Properties();
		for (String file : names) {
			try (InputStream in = MergeBrowserTests.class.getClassLoader().getResourceAsStream(file)) {
				if (in == null) {
					throw new IllegalStateException("No " + file + " on the class path");
				}
				properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return properties;
	}
}
