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
 * A sales user imports contacts in a real browser: from the contact list to the upload, the mapping guessed from
 * Chinese headers, the preview with a bad row, the run and its result; then the same pages at phone width and in
 * Chinese. Screenshots go to {@code target/screenshots}.
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

		open("/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user.getUsername());
		driver.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));

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
