package org.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.Chromium;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A sales user, in a real browser (headless Chromium), enters a qualified lead, converts it into a new account with
 * a contact, and finds both: the lead links to them, the account lists the contact and, in the sales panel, the
 * lead it came from. The steps run in order and share one browser; a step whose predecessor failed is skipped.
 * <p>
 * Where Chromium or its driver is missing the tests are skipped with a warning, unless
 * {@code RAPPORT_REQUIRE_BROWSER=true} (CI) turns that into a failure, as in {@link org.rapport.BrowserTests}.
 * Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeadConversionBrowserTests {

	/** Debian's packages; the system properties exist to try the skip and the failure where they are installed. */
	private static final Duration TIMEOUT = Duration.ofSeconds(20);
	private static final Dimension DESKTOP = new Dimension(1280, 900);

	private static final Properties ENGLISH = bundles("messages.properties", "i18n/sales-leads.properties");

	private static WebDriver driver;
	private static WebDriverWait wait;
	private static Chromium chromium;

	/** State the steps hand on to each other. */
	private static User user;
	private static String lastName;
	private static String company;
	private static String leadPath;
	private static String accountPath;
	private static boolean signedIn;

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

	@BeforeAll
	static void startBrowser() {
		chromium = Chromium.start("LeadConversionBrowserTests", DESKTOP.width, DESKTOP.height);
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
	void aSalesUserSignsIn() {
		user = data.user(data.team(), Role.SALES);
		lastName = TestData.unique("Convert");
		company = TestData.unique("Lead Browser Co");

		open("/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user.getUsername());
		driver.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
		driver.findElement(By.id("sign-in")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
		assertThat(driver.findElement(By.id("main-nav")).getText()).contains(english("nav.group.sales"));
		signedIn = true;
	}

	@Test
	@Order(2)
	void entersAQualifiedLeadThroughTheMenuAndTheForm() {
		requireEarlierStep(signedIn, "signed in");
		open("/");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-group-sales"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText(english("nav.leads")))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("new-lead"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lead-form")));
		assertThat(path()).isEqualTo("/leads/new");

		type(By.id("firstName"), "Quinn");
		type(By.id("lastName"), lastName);
		type(By.id("company"), company);
		type(By.id("title"), "Buyer");
		type(By.id("email"), lastName.toLowerCase(Locale.ROOT) + "@example.com");
		new Select(driver.findElement(By.id("status"))).selectByValue("QUALIFIED");
		new Select(driver.findElement(By.id("rating"))).selectByValue("HOT");
		new Select(driver.findElement(By.id("source"))).selectByValue("TRADE_SHOW");
		assertPageIsHealthy();
		driver.findElement(By.id("save")).click();

		WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lead-name")));
		assertThat(path()).matches("/leads/[0-9a-f-]{36}");
		assertThat(heading.getText()).contains("Quinn " + lastName).contains(english("leadStatus.QUALIFIED"));
		assertThat(successMessage()).isEqualTo(english("flash.lead.created"));
		assertPageIsHealthy();
		leadPath = path();
		screenshot("leads-01-qualified-lead");
	}

	@Test
	@Order(3)
	void convertsTheLeadIntoANewAccountWithAContact() {
		requireEarlierStep(leadPath != null, "entered the lead");
		open(leadPath);
		wait.until(ExpectedConditions.elementToBeClickable(By.id("convert"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("convert-form")));
		assertThat(path()).isEqualTo(leadPath + "/convert");
		assertThat(driver.findElement(By.id("into-new")).isSelected()).isTrue();
		assertThat(driver.findElement(By.id("accountName")).getDomProperty("value")).isEqualTo(company);
		assertPageIsHealthy();
		screenshot("leads-02-conversion");

		driver.findElement(By.id("convert-submit")).click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conversion")));
		assertThat(path()).isEqualTo(leadPath);
		assertThat(successMessage()).isEqualTo(english("flash.lead.converted"));
		assertThat(driver.findElement(By.id("lead-name")).getText()).contains(english("leadStatus.CONVERTED"));
		assertThat(driver.findElements(By.id("convert"))).as("no second conversion offered").isEmpty();
		assertThat(driver.findElement(By.id("converted-account")).getText()).isEqualTo(company);
		assertPageIsHealthy();
		screenshot("leads-03-converted");

		driver.findElement(By.id("converted-account")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-name"), company));
		accountPath = path();
		assertThat(accountPath).matches("/accounts/[0-9a-f-]{36}");
	}

	@Test
	@Order(4)
	void seesTheContactOnTheAccountAndTheLeadInItsPanel() {
		requireEarlierStep(accountPath != null, "converted the lead");
		open(accountPath);
		WebElement contacts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-contacts")));
		assertThat(contacts.getText()).contains("Quinn " + lastName).contains("Buyer");

		// The sales module's panel loads on its own once the page is shown.
		WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("converted-leads")));
		assertThat(panel.getText()).contains(english("lead.panel.title")).contains("Quinn " + lastName);
		assertPageIsHealthy();
		screenshot("leads-04-account-with-contact-and-lead");

		panel.findElement(By.linkText("Quinn " + lastName)).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conversion")));
		assertThat(path()).isEqualTo(leadPath);
		driver.findElement(By.id("converted-contact")).click();
		wait.until(ExpectedConditions.urlMatches("/contacts/[0-9a-f-]{36}$"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Quinn " + lastName);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains(company);
		assertPageIsHealthy();
	}

	@Test
	@Order(5)
	void findsTheConvertedLeadByFilteringTheListByStatus() {
		requireEarlierStep(leadPath != null, "entered the lead");
		open("/leads?q=" + lastName.toLowerCase(Locale.ROOT));
		WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leads-table")));
		assertThat(driver.findElements(By.cssSelector("#leads-table tbody tr"))).hasSize(1);

		new Select(driver.findElement(By.id("status"))).selectByValue("QUALIFIED");
		wait.until(ExpectedConditions.stalenessOf(table));
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#leads-table tbody tr"), 0));
		wait.until(browser -> browser.getCurrentUrl().contains("status=QUALIFIED"));

		table = driver.findElement(By.id("leads-table"));
		new Select(driver.findElement(By.id("status"))).selectByValue("CONVERTED");
		wait.until(ExpectedConditions.stalenessOf(table));
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#leads-table tbody tr"), 1));
		assertThat(driver.findElement(By.cssSelector("#leads-table tbody tr td a")).getText())
			.isEqualTo("Quinn " + lastName);
		assertPageIsHealthy();
	}

	// --- helpers -------------------------------------------------------------------------------------------

	private void open(String path) {
		driver.get("http://localhost:" + port + path);
	}

	private static String path() {
		return java.net.URI.create(driver.getCurrentUrl()).getPath();
	}

	private static void type(By field, String text) {
		WebElement element = driver.findElement(field);
		element.clear();
		element.sendKeys(text);
	}

	private static String successMessage() {
		return driver.findElement(By.cssSelector(".alert-success")).getText();
	}

	/** No error page, no missing message key, nothing the browser complained about (CSP, missing files, JS). */
	private static void assertPageIsHealthy() {
		chromium.assertPageIsHealthy();
	}

	private static String english(String key) {
		String text = ENGLISH.getProperty(key);
		assertThat(text).as("message %s", key).isNotNull();
		return text;
	}

	private static void requireEarlierStep(boolean done, String what) {
		assumeTrue(driver != null, "no browser");
		assumeTrue(done, "an earlier step failed: not " + what);
	}

	private static void screenshot(String name) {
		chromium.screenshot(name);
	}

	private static Properties bundles(String... names) {
		Properties properties = new Properties();
		for (String name : names) {
			try (InputStream in = LeadConversionBrowserTests.class.getClassLoader().getResourceAsStream(name)) {
				if (in == null) {
					throw new IllegalStateException("No " + name + " on the class path");
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
