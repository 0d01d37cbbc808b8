package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.customers.AccountType;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.AccountDetails;
import org.rapport.customers.internal.AccountService;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.shared.PostalAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a sales user does in a real browser (headless Chromium): signs in, opens the accounts through the sales
 * menu, creates an account after fixing a field error, edits it, finds it through the list filter, switches the
 * interface to Chinese and uses the pages, menus included, at phone width. The steps run in order and share one
 * browser; a step whose predecessor failed is skipped.
 * <p>
 * Where Chromium or its driver is missing the tests are skipped with a warning, unless
 * {@code RAPPORT_REQUIRE_BROWSER=true} (CI) turns that into a failure. Screenshots go to
 * {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTests {

	/** Debian's packages; the system properties exist to try the skip and the failure where they are installed. */
	private static final Duration TIMEOUT = Duration.ofSeconds(20);
	private static final Dimension DESKTOP = new Dimension(1280, 900);
	private static final Dimension PHONE = new Dimension(390, 844);
	/** The list of the sales menu of the bar. */
	private static final String SALES_MENU = "[aria-labelledby='nav-group-sales']";

	private static final Properties ENGLISH = bundle("messages.properties");
	private static final Properties CHINESE = bundle("messages_zh_CN.properties");

	private static WebDriver driver;
	private static WebDriverWait wait;
	private static Chromium chromium;

	/** State the steps hand on to each other. */
	private static User user;
	private static String baseName;
	private static String accountName;
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

	@Autowired
	AccountService accounts;

	@BeforeAll
	static void startBrowser() {
		chromium = Chromium.start("BrowserTests", DESKTOP.width, DESKTOP.height);
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
	void aSalesUserSignsInWithTheLoginForm() {
		user = data.user(data.team(), Role.SALES);
		baseName = TestData.unique("Browser");
		// A second account of the same user, which the list filter has to leave out.
		accounts.create(data.actor(user), new AccountDetails(TestData.unique("Elsewhere"), AccountType.COMPANY, null,
				null, null, null, PostalAddress.EMPTY, LifecycleStage.NEW, null, null), null, null);

		open("/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user.getUsername());
		driver.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
		driver.findElement(By.id("sign-in")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
		assertThat(path()).isEqualTo("/");
		assertThat(driver.findElement(By.id("user-menu")).getAttribute("title")).contains(user.getUsername());
		assertPageIsHealthy();

		// The sales pages are a menu of the bar, closed until the user opens it.
		WebElement sales = driver.findElement(By.id("nav-group-sales"));
		assertThat(sales.getText()).isEqualTo(english("nav.group.sales"));
		WebElement accountsEntry = driver.findElement(By.cssSelector(SALES_MENU + " a[href='/accounts']"));
		assertThat(accountsEntry.isDisplayed()).as("menu closed").isFalse();
		sales.click();
		wait.until(ExpectedConditions.visibilityOf(accountsEntry));
		assertThat(sales.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(accountsEntry.getText()).isEqualTo(english("nav.accounts"));
		assertThat(driver.findElements(By.id("admin-menu"))).as("no administration menu for sales").isEmpty();
		accountsEntry.click();
		wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/accounts"));
		assertThat(driver.findElement(By.cssSelector(SALES_MENU + " a[href='/accounts']"))
			.getAttribute("aria-current")).isEqualTo("page");
		assertThat(driver.findElement(By.id("nav-group-sales")).getAttribute("class")).contains("active");
		signedIn = true;
	}

	@Test
	@Order(2)
	void createsAnAccountAfterTheFormPointsOutTheInvalidFields() {
		requireEarlierStep(signedIn, "signed in");
		open("/accounts");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("new-account"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-form")));
		assertThat(path()).isEqualTo("/accounts/new");

		// First try: no name and a website that is no web address.
		type(By.id("website"), "not a web address");
		driver.findElement(By.id("save")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#website.is-invalid")));
		assertThat(driver.findElement(By.id("name")).getAttribute("class")).contains("is-invalid");
		assertThat(feedbackOf("name")).isNotBlank();
		assertThat(feedbackOf("website")).isEqualTo(english("validation.website"));
		assertThat(driver.findElement(By.id("website")).getDomProperty("value")).isEqualTo("not a web address");
		assertPageIsHealthy();
		screenshot("01-account-form-errors");

		// Second try: fixed.
		accountName = baseName + " Trading";
		type(By.id("name"), accountName);
		type(By.id("website"), "trading.example.com");
		type(By.id("email"), "sales@" + baseName.toLowerCase(Locale.ROOT) + ".example.com");
		new Select(driver.findElement(By.id("lifecycleStage"))).selectByValue(LifecycleStage.NEW.name());
		driver.findElement(By.id("save")).click();

		WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-name")));
		assertThat(path()).matches("/accounts/[0-9a-f-]{36}");
		assertThat(heading.getText()).contains(accountName);
		assertThat(successMessage()).isEqualTo(english("flash.account.created"));
		assertThat(driver.findElement(By.linkText("trading.example.com")).getAttribute("href"))
			.isEqualTo("https://trading.example.com/");
		assertPageIsHealthy();
		accountPath = path();
		screenshot("02-account-created");
	}

	@Test
	@Order(3)
	void editsTheAccount() {
		requireEarlierStep(accountPath != null, "created the account");
		open(accountPath);
		wait.until(ExpectedConditions.elementToBeClickable(By.id("edit"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-form")));
		assertThat(path()).isEqualTo(accountPath + "/edit");
		assertThat(driver.findElement(By.id("name")).getDomProperty("value")).isEqualTo(accountName);

		accountName = baseName + " Trading Ltd";
		type(By.id("name"), accountName);
		type(By.id("phone"), "+49 30 1234567");
		new Select(driver.findElement(By.id("industry"))).selectByValue("RETAIL");
		driver.findElement(By.id("save")).click();

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-name"), accountName));
		assertThat(path()).isEqualTo(accountPath);
		assertThat(successMessage()).isEqualTo(english("flash.account.updated"));
		assertThat(driver.findElement(By.linkText("+49 30 1234567")).getAttribute("href")).startsWith("tel:");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains(english("industry.RETAIL"));
		assertPageIsHealthy();
	}

	@Test
	@Order(4)
	void findsTheAccountByTypingInTheListFilter() {
		requireEarlierStep(accountPath != null, "created the account");
		open("/accounts");
		WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("accounts-table")));
		assertThat(rowCount()).as("both accounts of the user before filtering").isGreaterThanOrEqualTo(2);

		driver.findElement(By.id("q")).sendKeys(baseName.toLowerCase(Locale.ROOT));

		// htmx swaps #results after the 300 ms delay: the old table goes away and a filtered one comes.
		wait.until(ExpectedConditions.stalenessOf(table));
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#accounts-table tbody tr"), 1));
		assertThat(driver.findElement(By.cssSelector("#accounts-table tbody tr td a")).getText())
			.isEqualTo(accountName);
		assertThat(path()).as("the page is still the list, not a full reload").isEqualTo("/accounts");
		wait.until(browser -> browser.getCurrentUrl().contains("q="));
		assertThat(driver.findElement(By.id("q")).getDomProperty("value")).isEqualTo(baseName.toLowerCase(Locale.ROOT));
		assertPageIsHealthy();
		screenshot("03-accounts-filtered");

		// The pushed URL is a real page too: reloading it shows the same filtered list.
		driver.navigate().refresh();
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#accounts-table tbody tr"), 1));
		driver.findElement(By.linkText(accountName)).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-name"), accountName));
		assertThat(path()).isEqualTo(accountPath);
	}

	@Test
	@Order(5)
	void switchesTheInterfaceToChinese() {
		requireEarlierStep(accountPath != null, "created the account");
		open("/accounts");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("user-menu"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("lang-zh"))).click();

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav-group-sales"),
				CHINESE.getProperty("nav.group.sales")));
		assertThat(path()).as("the switch returns to the page it came from").isEqualTo("/accounts");
		assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("客户");
		assertThat(driver.findElement(By.id("new-account")).getText()).isEqualTo("新建客户");
		assertThat(driver.findElement(By.id("q")).getAttribute("placeholder")).isEqualTo("按名称或电子邮件搜索");
		assertSpeaksChinese();
		screenshot("04-accounts-in-chinese");

		// The other pages of the journey speak Chinese too.
		open(accountPath);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("edit"), "编辑"));
		assertSpeaksChinese();
		driver.findElement(By.id("edit")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save"), "保存"));
		assertSpeaksChinese();
		type(By.id("website"), "no web address");
		driver.findElement(By.id("save")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#website.is-invalid")));
		assertThat(feedbackOf("website")).isEqualTo(CHINESE.getProperty("validation.website"))
			.isNotEqualTo(english("validation.website"));
		assertSpeaksChinese();
		open("/");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
		assertSpeaksChinese();
	}

	@Test
	@Order(6)
	void worksAtPhoneWidth() {
		requireEarlierStep(accountPath != null, "created the account");
		driver.manage().window().setSize(PHONE);
		try {
			open("/accounts");
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("accounts-table")));
			assertThat(viewportWidth()).isLessThanOrEqualTo(PHONE.width);

			// The navigation folds behind the toggler.
			WebElement toggler = driver.findElement(By.cssSelector(".navbar-toggler"));
			assertThat(toggler.isDisplayed()).as("navbar toggler shown").isTrue();
			assertThat(driver.findElement(By.id("main-nav")).isDisplayed()).as("menu folded").isFalse();
			assertNoHorizontalScrolling();
			screenshot("05-phone-accounts");

			// The filter and the table still work.
			WebElement table = driver.findElement(By.id("accounts-table"));
			driver.findElement(By.id("q")).sendKeys(baseName.toLowerCase(Locale.ROOT));
			wait.until(ExpectedConditions.stalenessOf(table));
			wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#accounts-table tbody tr"), 1));
			WebElement link = driver.findElement(By.linkText(accountName));
			assertThat(link.isDisplayed()).isTrue();
			assertThat(driver.findElement(By.cssSelector("#accounts-table tbody tr .badge")).isDisplayed()).isTrue();
			assertNoHorizontalScrolling();

			// The search box stays in sight while the menu is folded.
			assertThat(driver.findElement(By.id("global-search-q")).isDisplayed()).as("search box shown").isTrue();

			// The folded menu opens, its sales menu opens inside it, and its language switch works: back to English.
			toggler.click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("main-nav")));
			wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-group-sales"))).click();
			WebElement contactsEntry = wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(SALES_MENU + " a[href='/contacts']")));
			assertThat((long) contactsEntry.getRect().getX() + contactsEntry.getRect().getWidth())
				.as("the sales menu inside the screen").isLessThanOrEqualTo(viewportWidth());
			assertThat(driver.findElement(By.cssSelector(SALES_MENU)).getCssValue("position"))
				.as("the sales menu opens in place").isEqualTo("static");
			assertNoHorizontalScrolling();
			screenshot("05b-phone-sales-menu");
			wait.until(ExpectedConditions.elementToBeClickable(By.id("user-menu"))).click();
			wait.until(ExpectedConditions.elementToBeClickable(By.id("lang-en"))).click();
			wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(english("accounts.title"));
			assertThat(driver.findElement(By.id("main-nav")).isDisplayed()).as("menu folded after reload").isFalse();
			assertPageIsHealthy();

			// The detail page: heading and buttons inside the screen.
			wait.until(ExpectedConditions.elementToBeClickable(By.linkText(accountName))).click();
			WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-name")));
			assertThat(heading.getText()).contains(accountName);
			for (String id : List.of("edit", "delete")) {
				WebElement button = driver.findElement(By.id(id));
				assertThat(button.isDisplayed()).as(id).isTrue();
				assertThat((long) button.getRect().getX() + button.getRect().getWidth()).as(id + " inside the screen")
					.isLessThanOrEqualTo(viewportWidth());
			}
			assertNoHorizontalScrolling();
			assertPageIsHealthy();
			screenshot("06-phone-account");

			// The form too.
			driver.findElement(By.id("edit")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-form")));
			assertNoHorizontalScrolling();
			assertThat(driver.findElement(By.id("save")).isDisplayed()).isTrue();
		}
		finally {
			driver.manage().window().setSize(DESKTOP);
		}
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

	private static String feedbackOf(String fieldId) {
		return driver.findElement(By.cssSelector("#" + fieldId + " ~ .invalid-feedback")).getText();
	}

	private static String successMessage() {
		return driver.findElement(By.cssSelector(".alert-success")).getText();
	}

	private static int rowCount() {
		return driver.findElements(By.cssSelector("#accounts-table tbody tr")).size();
	}

	private static long viewportWidth() {
		return ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth")).longValue();
	}

	private static void assertNoHorizontalScrolling() {
		Number scrollWidth = (Number) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth");
		assertThat(scrollWidth.longValue()).as("page width at %s (no sideways scrolling)", path())
			.isLessThanOrEqualTo(viewportWidth());
	}

	/** No error page, no missing message key, nothing the browser complained about (CSP, missing files, JS). */
	private static void assertPageIsHealthy() {
		chromium.assertPageIsHealthy();
	}

	/**
	 * The page is healthy and shows none of the English interface texts (those of more than one word, which
	 * cannot be a name or a code) where Chinese has its own.
	 */
	private static void assertSpeaksChinese() {
		assertPageIsHealthy();
		assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		String text = driver.findElement(By.tagName("body")).getText();
		List<String> untranslated = new ArrayList<>();
		for (String key : ENGLISH.stringPropertyNames()) {
			String english = ENGLISH.getProperty(key);
			if (english.contains(" ") && !english.contains("{") && !english.equals(CHINESE.getProperty(key))
					&& text.contains(english)) {
				untranslated.add(key + "=" + english);
			}
		}
		assertThat(untranslated).as("English texts on the Chinese page %s", path()).isEmpty();
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

	private static Properties bundle(String name) {
		Properties properties = new Properties();
		try (InputStream in = BrowserTests.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("No " + name + " on the class path");
			}
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}
}
