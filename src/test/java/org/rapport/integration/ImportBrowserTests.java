package org.rapport.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A sales user imports contacts in a real browser: from the contact list to the upload, the mapping guessed from
 * Chinese headers, the preview with a bad row, the run and its result; then the same pages at phone width and in
 * Chinese. And accounts whose values are not ours, mapped on the preview. Screenshots go to
 * {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class ImportBrowserTests {

	private static Chromium chromium;
	private static WebDriver driver;
	private static WebDriverWait wait;

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void startBrowser() {
		chromium = Chromium.start("ImportBrowserTests", 1280, 900);
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
	void uploadMappingPreviewRunAndResult() throws Exception {
		assumeTrue(driver != null, "no browser");
		User user = data.user(data.team(), Role.SALES);
		String tag = TestData.unique("browser");
		Path file = Files.createTempFile("contacts-", ".csv");
		Files.writeString(file, "\uFEFF名;姓;邮箱;职位\n伟;张;zhang-" + tag + "@example.cn;\"采购经理\"\n"
				+ "Anna;;anna-" + tag + "@example.com;Buyer\n", StandardCharsets.UTF_8);

		signIn(user);

		open("/contacts");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("import"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
		assertThat(driver.findElement(By.cssSelector("#entity option[selected]")).getAttribute("value"))
			.isEqualTo("contacts");
		chromium.assertPageIsHealthy();
		chromium.screenshot("import-1-upload");
		driver.findElement(By.id("file")).sendKeys(file.toString());
		driver.findElement(By.id("upload")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mapping-table")));
		assertThat(driver.findElement(By.cssSelector("#field-0 option[selected]")).getAttribute("value"))
			.isEqualTo("firstName");
		assertThat(driver.findElement(By.cssSelector("#field-2 option[selected]")).getAttribute("value"))
			.isEqualTo("email");
		chromium.assertPageIsHealthy();
		chromium.screenshot("import-2-mapping");
		driver.findElement(By.id("mode-UPDATE")).click();
		driver.findElement(By.id("to-preview")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-table")));
		assertThat(driver.findElement(By.id("preview-table")).getText()).contains("张", "采购经理");
		assertThat(driver.findElements(By.cssSelector("#preview-table .preview-error"))).hasSize(1);
		chromium.assertPageIsHealthy();
		chromium.screenshot("import-3-preview");
		driver.findElement(By.id("start")).click();

		wait.until(ExpectedConditions.textToBe(By.id("job-state"), "Done"));
		assertThat(driver.findElement(By.id("count-created")).getText()).isEqualTo("1");
		assertThat(driver.findElement(By.id("count-rejected")).getText()).isEqualTo("1");
		assertThat(driver.findElement(By.id("rejected-table")).getText()).contains("3", "Last name");
		assertThat(driver.findElements(By.id("undo"))).hasSize(1);
		chromium.assertPageIsHealthy();
		chromium.screenshot("import-4-result");
		String jobPath = java.net.URI.create(driver.getCurrentUrl()).getPath();

		wait.until(ExpectedConditions.elementToBeClickable(By.id("user-menu"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("lang-zh"))).click();
		wait.until(ExpectedConditions.textToBe(By.id("job-state"), "已完成"));
		chromium.assertPageIsHealthy();
		chromium.screenshot("import-5-result-zh");
		driver.manage().window().setSize(new Dimension(390, 844));
		try {
			open(jobPath);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("job-counts")));
			assertNoHorizontalScrolling();
			chromium.assertPageIsHealthy();
			chromium.screenshot("import-6-result-phone-zh");
			open("/imports");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recent-imports")));
			assertNoHorizontalScrolling();
			chromium.assertPageIsHealthy();
			chromium.screenshot("import-7-upload-phone-zh");
		}
		finally {
			driver.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	/**
	 * Accounts exported from another CRM: the preview says which values are not ours and leaves them out with a
	 * notice; the user maps one of them to ours for the whole import and leaves the other unmapped, and the result
	 * counts the row imported with a notice.
	 */
	@Test
	void aValueThatIsNotOursIsMappedOnThePreviewAndAnUnmappedOneCostsOnlyItsValue() throws Exception {
		assumeTrue(driver != null, "no browser");
		User user = data.user(data.team(), Role.SALES);
		String tag = TestData.unique("values");
		Path file = Files.createTempFile("accounts-", ".csv");
		Files.writeString(file, "Account Name,Industry,Type\n" + tag + " Wear,Apparel,Company\n" + tag
				+ " Tailor,Apparel,Customer - Direct\n" + tag + " Grocer,Food & Beverage,Company\n",
				StandardCharsets.UTF_8);

		signIn(user);
		open("/imports?entity=accounts");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
		driver.findElement(By.id("file")).sendKeys(file.toString());
		driver.findElement(By.id("upload")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("to-preview"))).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("value-map")));
		assertThat(driver.findElements(By.cssSelector("#preview-table .preview-notice"))).hasSize(3);
		assertThat(driver.findElement(By.id("values-industry")).getText()).contains("Apparel")
			.doesNotContain("Food & Beverage");
		chromium.assertPageIsHealthy();
		chromium.screenshot("values-1-preview");
		new Select(driver.findElement(By.id("target-0-0"))).selectByVisibleText("Retail");
		driver.findElement(By.id("save-values")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("values-notice")));
		assertThat(new Select(driver.findElement(By.id("target-0-0"))).getFirstSelectedOption().getText())
			.isEqualTo("Retail");
		assertThat(driver.findElements(By.cssSelector("#preview-table .preview-notice"))).hasSize(1);
		assertThat(driver.findElement(By.id("preview-table")).getText()).contains("RETAIL");
		chromium.showAsPhone(390, 844);
		try {
			assertThat(((Number) ((JavascriptExecutor) driver)
				.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).longValue())
				.as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
			chromium.screenshot("values-2-mapped-phone");
		}
		finally {
			chromium.showAsWindow();
		}
		driver.findElement(By.id("start")).click();

		wait.until(ExpectedConditions.textToBe(By.id("job-state"), "Done"));
		assertThat(driver.findElement(By.id("count-created")).getText()).isEqualTo("3");
		assertThat(driver.findElement(By.id("count-rejected")).getText()).isEqualTo("0");
		assertThat(driver.findElement(By.id("count-noticed")).getText()).isEqualTo("1");
		assertThat(driver.findElement(By.id("notices-table")).getText()).contains("3",
				"Type: 'Customer - Direct' is not one of ours; left out");
		chromium.assertPageIsHealthy();
		chromium.screenshot("values-3-result");
		assertThat(jdbc.queryForList("select industry from account where name like ? order by name", String.class,
				tag + " %")).containsExactly("FOOD_AND_BEVERAGE", "RETAIL", "RETAIL");
	}

	/** Signs the user in, in a session of their own. */
	private void signIn(User user) {
		open("/login");
		driver.manage().deleteAllCookies();
		open("/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user.getUsername());
		driver.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
	}

	private void open(String path) {
		driver.get("http://localhost:" + port + path);
	}

	private static void assertNoHorizontalScrolling() {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
		long width = ((Number) js.executeScript("return window.innerWidth")).longValue();
		assertThat(scroll).as("no sideways scrolling").isLessThanOrEqualTo(width);
	}
}
