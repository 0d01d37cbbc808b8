package org.rapport.sales.opportunities.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.Chromium;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.StageKind;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.sales.opportunities.internal.OpportunityDraft;
import org.rapport.sales.opportunities.internal.OpportunityService;
import org.rapport.sales.opportunities.internal.Pipeline;
import org.rapport.sales.opportunities.internal.PipelineService;
import org.rapport.sales.opportunities.internal.Stage;
import org.rapport.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A seller drags opportunities across the kanban board in a real browser: to the next stage, and to a lost
 * stage, which asks for the reason first.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class OpportunityBoardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	Customers customers;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	PipelineService pipelines;

	Chromium chromium;

	@AfterEach
	void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void aSellerDragsAnOpportunityToTheNextStageAndAnotherToLostWithAReason() {
		chromium = Chromium.start("OpportunityBoardBrowserTests", 2000, 1000);
		WebDriver driver = chromium.driver();
		WebDriverWait wait = chromium.waiting(Duration.ofSeconds(20));

		User seller = data.user(data.team(), Role.SALES);
		AccountId account = customers.openAccount(data.actor(seller),
				new NewAccount(TestData.unique("Board Buyer"), AccountType.COMPANY, null, null, null, null, null));
		String tag = TestData.unique("Drag");
		String pipelineName = TestData.unique("Board pipeline");
		Pipeline pipeline = pipelines.create(pipelineName);
		Stage quote = pipelines.addStage(pipeline.getId(), "Quote", 50, StageKind.OPEN);
		pipeline = pipelines.get(pipeline.getId());
		Stage open = pipeline.firstOpenStage();
		Stage lost = pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.LOST).findFirst().orElseThrow();
		Opportunity first = deal(seller, account, pipeline, tag + " first");
		Opportunity second = deal(seller, account, pipeline, tag + " second");

		driver.get("http://localhost:" + port + "/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(seller.getUsername());
		driver.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));

		driver.get("http://localhost:" + port + "/opportunities/board?pipeline=" + pipeline.getId());
		WebElement firstCard = wait.until(ExpectedConditions.visibilityOfElementLocated(card(first)));
		assertThat(count(driver, open)).isEqualTo("2");
		chromium.assertPageIsHealthy();

		drag(driver, firstCard, column(driver, quote));
		wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-count='" + quote.getId() + "']"), "1"));
		assertThat(count(driver, open)).isEqualTo("1");
		assertThat(driver.findElement(By.cssSelector(".board-cards[data-stage='" + quote.getId() + "']"))
			.findElements(card(first))).hasSize(1);
		assertThat(opportunities.get(data.actor(seller), first.getId()).getStageId()).isEqualTo(quote.getId());
		chromium.screenshot("board-after-drag");

		drag(driver, driver.findElement(card(second)), column(driver, lost));
		WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lost-reason")));
		reason.sendKeys("Went with a competitor");
		driver.findElement(By.id("lost-confirm")).click();
		wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-count='" + lost.getId() + "']"), "1"));
		Opportunity lostDeal = opportunities.get(data.actor(seller), second.getId());
		assertThat(lostDeal.getStageKind()).isEqualTo(StageKind.LOST);
		assertThat(lostDeal.getLostReason()).isEqualTo("Went with a competitor");
		assertThat(driver.findElement(By.id("board-error")).isDisplayed()).isFalse();
		chromium.assertPageIsHealthy();
		chromium.screenshot("board-after-lost");
	}

	private static By card(Opportunity opportunity) {
		return By.cssSelector(".board-card[data-id='" + opportunity.getId() + "']");
	}

	private static WebElement column(WebDriver driver, Stage stage) {
		return driver.findElement(By.cssSelector(".board-cards[data-stage='" + stage.getId() + "']"));
	}

	private static String count(WebDriver driver, Stage stage) {
		return driver.findElement(By.cssSelector("[data-count='" + stage.getId() + "']")).getText();
	}

	/** Presses on the card, moves in small steps as a hand does (SortableJS needs the movement), drops. */
	private static void drag(WebDriver driver, WebElement card, WebElement target) {
		new Actions(driver).moveToElement(card)
			.clickAndHold()
			.moveByOffset(10, 10)
			.pause(Duration.ofMillis(100))
			.moveToElement(target)
			.pause(Duration.ofMillis(100))
			.moveByOffset(0, 5)
			.pause(Duration.ofMillis(100))
			.release()
			.perform();
	}

	private Opportunity deal(User seller, AccountId account, Pipeline pipeline, String name) {
		return opportunities.create(data.actor(seller), new OpportunityDraft(account.value(), name, pipeline.getId(),
				null, new Money(new BigDecimal("1000"), "EUR"), LocalDate.now().plusMonths(1), null, null, null, null,
				null, List.of()));
	}
}
