package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.search.Indexing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The data platform end to end in a real browser: an administrator adds a custom field to contacts, imports a CSV
 * file whose column fills it, finds an imported contact through the search box in the navigation and sees the value
 * on its page, then merges two duplicate accounts. The steps run in order and share one browser.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataPlatformBrowserTests {

	private static Chromium chromium;
	private static WebDriver driver;
	private static WebDriverWait wait;

	private static String fieldKey;
	private static String lastName;
	private static boolean imported;

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	Customers customers;

	@Autowired
	Indexing indexing;

	@BeforeAll
	static void startBrowser() {
		chromium = Chromium.start("DataPlatformBrowserTests", 1280, 900);
		driver = chromium.driver();
		wait = chromium.waiting(Duration.ofSeconds(30));
	}

	@AfterAll
	static void quitBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	@Order(1)
	void anAdministratorAddsACustomFieldToContacts() {
		assumeTrue(driver != null, "no browser");
		User admin = data.user(data.team(), Role.ADMIN);
		open("/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(admin.getUsername());
		driver.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
		// an administrator's navigation, search box included, fits the width without sideways scrolling
		org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
		assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue())
			.isLessThanOrEqualTo(((Number) js.executeScript("return window.innerWidth")).longValue());

		wait.until(ExpectedConditions.elementToBeClickable(By.id("admin-menu"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='/admin/fields']"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#entity-tabs a[href*='entity=contact']"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("new-field"))).click();
		fieldKey = "hobby" + TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key"))).sendKeys(fieldKey);
		new Select(driver.findElement(By.id("type"))).selectByValue("TEXT");
		driver.findElement(By.id("labelEn")).sendKeys("Hobby " + fieldKey);
		driver.findElement(By.id("labelZh")).sendKeys("爱好");
		driver.findElement(By.id("save-field")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#fields-table tr[data-key='" + fieldKey + "']")));
		chromium.assertPageIsHealthy();
		chromium.screenshot("platform-1-field");
	}

	@Test
	@Order(2)
	void aCsvFileFillsTheFieldThroughTheImport() throws Exception {
		assumeTrue(fieldKey != null, "the field was not added");
		lastName = "Quillfeather" + TestData.unique("").replaceAll("[^0-9]", "");
		Path file = Files.createTempFile("contacts-", ".csv");
		Files.writeString(file, "First name,Last name,E-mail,cf." + fieldKey + "\n" + "Zhiyuan," + lastName + ","
				+ lastName.toLowerCase(Locale.ROOT) + "@example.cn,Calligraphy 书法\n", StandardCharsets.UTF_8);
		open("/contacts");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("import"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
		driver.findElement(By.id("file")).sendKeys(file.toString());
		driver.findElement(By.id("upload")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mapping-table")));
		assertThat(driver.findElement(By.cssSelector("#field-3 option[selected]")).getAttribute("value"))
			.isEqualTo("cf." + fieldKey);
		driver.findElement(By.id("to-preview")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-table")));
		assertThat(driver.findElement(By.id("preview-table")).getText()).contains("Calligraphy 书法");
		driver.findElement(By.id("start")).click();
		wait.until(ExpectedConditions.textToBe(By.id("job-state"), "Done"));
		assertThat(driver.findElement(By.id("count-created")).getText()).isEqualTo("1");
		chromium.assertPageIsHealthy();
		chromium.screenshot("platform-2-imported");
		imported = true;
	}

	@Test
	@Order(3)
	void theSearchBoxFindsTheImportedContactAndItsPageShowsTheValue() {
		assumeTrue(imported, "the import did not run");
		// imported records reach the index a moment after the job says Done, once their batch has committed
		indexing.settle();
		WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("global-search-q")));
		box.sendKeys(lastName);
		WebElement dropdown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-suggestions")));
		wait.until(ExpectedConditions.textToBePresentInElement(dropdown, "Zhiyuan " + lastName));
		chromium.screenshot("platform-3-search");
		dropdown.findElement(By.cssSelector("a[data-kind='contact']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Calligraphy 书法"));
		assertThat(driver.findElement(By.cssSelector("dt[data-custom-field='" + fieldKey + "']")).getText())
			.isEqualTo("Hobby " + fieldKey);
		chromium.assertPageIsHealthy();
		chromium.screenshot("platform-4-contact");
	}

	@Test
	@Order(4)
	void twoDuplicateAccountsAreMergedFromTheDuplicatesList() {
		assumeTrue(fieldKey != null, "not signed in");
		User owner = data.user(data.team(), Role.ADMIN);
		String name = "0000 " + TestData.unique("Globex");
		AccountId survivor = customers.openAccount(data.actor(owner),
				new NewAccount(name, AccountType.COMPANY, null, null, null, null, null));
		AccountId merged = customers.openAccount(data.actor(owner),
				new NewAccount(name + " Inc.", AccountType.COMPANY, null, "+1 415 555 0100", null, null, null));
		open("/accounts/duplicates?size=200");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("duplicate-groups")));
		driver.findElement(By.cssSelector("a.merge-link[href*='/accounts/" + survivor + "/merge?with=" + merged + "']"))
			.click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("merge-form")));
		chromium.screenshot("platform-5-merge");
		driver.findElement(By.id("merge")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("merge-log")));
		assertThat(java.net.URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/accounts/" + survivor);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("+1 415 555 0100");
		chromium.assertPageIsHealthy();
		chromium.screenshot("platform-6-merged");
	}

	private void open(String path) {
		driver.get("http://localhost:" + port + path);
	}
}
