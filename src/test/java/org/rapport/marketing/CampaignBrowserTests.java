package org.rapport.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.Chromium;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.marketing.internal.Campaign;
import org.rapport.marketing.internal.CampaignBook;
import org.rapport.marketing.internal.CampaignDetails;
import org.rapport.marketing.internal.CampaignStatus;
import org.rapport.marketing.internal.CampaignType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a phone, a marketer plans a sub-campaign under a campaign chosen in the picker, sees it linked to its parent,
 * sees the parent's figures roll it up, and starts the parent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class CampaignBrowserTests {

	static final int PHONE = 390;

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	CampaignBook campaigns;

	Chromium chromium;

	@AfterEach
	void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void onAPhoneAMarketerPlansASubCampaignAndSeesItRolledUpIntoItsParent() {
		chromium = Chromium.start("CampaignBrowserTests", PHONE, 844);
		// a window is at least 500 pixels wide: the phone's width is emulated
		chromium.showAsPhone(PHONE, 844);
		WebDriver driver = chromium.driver();
		WebDriverWait wait = chromium.waiting(Duration.ofSeconds(20));
		User marketer = data.user(data.team(), Role.SALES);
		String parentName = TestData.unique("Harbour Fair");
		Campaign parent = campaigns.create(data.actor(marketer), new CampaignDetails(parentName,
				CampaignType.TRADE_SHOW, CampaignStatus.PLANNED, LocalDate.now(), LocalDate.now().plusDays(3), "EUR",
				new BigDecimal("1000"), null, null, null, null, null, null));

		driver.get("http://localhost:" + port + "/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(marketer.getUsername());
		driver.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));

		driver.get("http://localhost:" + port + "/campaigns/new");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("name"))).sendKeys("Fair invitations");
		driver.findElement(By.id("budget")).sendKeys("250");
		driver.findElement(By.id("expectedRevenue")).sendKeys("900");
		driver.findElement(By.id("parent-search")).sendKeys(parentName);
		wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#parentId option[value='" + parent.getId() + "']")));
		wait.until(driver1 -> parent.getId().toString()
			.equals(driver1.findElement(By.id("parentId")).getAttribute("value")));
		chromium.assertPageIsHealthy();
		chromium.assertFitsWidth(PHONE);
		chromium.screenshot("campaign-01-form");
		driver.findElement(By.id("save")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("campaign-name")));
		assertThat(driver.findElement(By.id("campaign-name")).getText()).contains("Fair invitations");
		assertThat(driver.findElement(By.id("campaign-status")).getText()).isEqualTo("Planned");
		chromium.assertPageIsHealthy();
		chromium.assertFitsWidth(PHONE);
		chromium.screenshot("campaign-02-child");

		driver.findElement(By.id("parent-link")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rolled-budget"), "1,250.00"));
		assertThat(driver.findElement(By.id("rolled-expected-revenue")).getText()).contains("900.00");
		assertThat(driver.findElement(By.id("children")).getText()).contains("Fair invitations");
		driver.findElement(By.id("move-ACTIVE")).click();
		wait.until(ExpectedConditions.textToBe(By.id("campaign-status"), "Active"));
		chromium.assertPageIsHealthy();
		chromium.assertFitsWidth(PHONE);
		chromium.screenshot("campaign-03-parent");
	}
}
