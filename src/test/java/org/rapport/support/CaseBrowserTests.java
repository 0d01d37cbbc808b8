package org.rapport.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.Chromium;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.support.internal.BusinessCalendar;
import org.rapport.support.internal.CaseBook;
import org.rapport.support.internal.CaseChannel;
import org.rapport.support.internal.CasePriority;
import org.rapport.support.internal.ServiceLevels;
import org.rapport.support.internal.SlaPolicy;
import org.rapport.support.internal.SupportCase;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.openqa.selenium.support.ui.Select;
import org.rapport.sales.contracts.internal.Contract;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.sales.contracts.internal.ContractDetails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * An agent opens the queue of their team, takes the case waiting there, answers the customer publicly from the case
 * page and sees the first-response target turn from on track to met.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class CaseBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	CaseBook cases;

	@Autowired
	ServiceLevels levels;

	@Autowired
	Customers customers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ContractBook contracts;

	Chromium chromium;

	@AfterEach
	void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void anAgentTakesACaseFromTheQueueAnswersItAndMeetsTheFirstResponse() {
		chromium = Chromium.start("CaseBrowserTests", 1280, 900);
		WebDriver driver = chromium.driver();
		WebDriverWait wait = chromium.waiting(Duration.ofSeconds(20));

		// a service around the clock, so that the first response is on track whenever the test runs
		jdbc.update("delete from sla_policy");
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		BusinessCalendar always = levels.createCalendar(admin, TestData.unique("Always"), "UTC",
				"MON 00:00-24:00, TUE 00:00-24:00, WED 00:00-24:00, THU 00:00-24:00, FRI 00:00-24:00, "
						+ "SAT 00:00-24:00, SUN 00:00-24:00", "");
		levels.createPolicy(admin, new SlaPolicy.Terms(TestData.unique("Always"), 1, null, null, always.getId(), 240,
				2400, 80, false, true, null, true));
		TeamId team = data.team();
		User agent = data.user(team, Role.SUPPORT);
		Actor dispatcher = data.actor(data.user(team, Role.SUPPORT));
		AccountId account = customers.openAccount(dispatcher, new NewAccount(TestData.unique("Harbour Clinic"),
				AccountType.COMPANY, null, null, null, null, null));
		SupportCase waiting = cases.create(dispatcher, new SupportCase.Details(account.value(), null, null,
				"The booking page shows an error", "Since this morning", CasePriority.HIGH, CaseChannel.EMAIL, null),
				Map.of(), team.value(), false);

		driver.get("http://localhost:" + port + "/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(agent.getUsername());
		driver.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));

		driver.get("http://localhost:" + port + "/cases/queue");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("take-" + waiting.getNumber())));
		chromium.assertPageIsHealthy();
		chromium.screenshot("case-01-queue");
		driver.findElement(By.id("take-" + waiting.getNumber())).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#my-cases [data-case='" + waiting.getNumber() + "']")));
		assertThat(driver.findElements(By.id("take-" + waiting.getNumber()))).isEmpty();

		driver.findElement(By.cssSelector("#my-cases [data-case='" + waiting.getNumber() + "'] a")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sla-response")));
		assertThat(driver.findElement(By.cssSelector("#sla-response [data-state]")).getAttribute("data-state"))
			.isEqualTo("ON_TRACK");
		assertThat(driver.findElement(By.id("sla-response-left")).getText()).contains("left");
		assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("New");
		chromium.assertPageIsHealthy();
		chromium.screenshot("case-02-taken");

		driver.findElement(By.id("comment-body")).sendKeys("We are looking into the booking page now.");
		driver.findElement(By.id("comment-public")).click();
		driver.findElement(By.id("add-comment")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("comment-list"),
				"We are looking into the booking page now."));
		assertThat(driver.findElement(By.cssSelector("#sla-response [data-state]")).getAttribute("data-state"))
			.isEqualTo("MET");
		assertThat(driver.findElement(By.id("sla-response")).getText()).contains("Met");
		assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("In progress");
		assertThat(driver.findElement(By.cssSelector("#comment-list [data-public='true']")).getText())
			.contains("Public");
		chromium.assertPageIsHealthy();
		chromium.screenshot("case-03-answered");
	}

	@Test
	void onAPhoneTheCaseFormOffersTheContractsOfTheAccountChosenInThePicker() {
		chromium = Chromium.start("CaseBrowserTests", 390, 844);
		WebDriver driver = chromium.driver();
		WebDriverWait wait = chromium.waiting(Duration.ofSeconds(20));
		TeamId team = data.team();
		User agent = data.user(team, Role.SUPPORT);
		String name = TestData.unique("Lighthouse Clinic");
		AccountId account = customers.openAccount(data.actor(agent), new NewAccount(name, AccountType.COMPANY, null,
				null, null, null, null));
		LocalDate today = contracts.today();
		Contract gold = contracts.create(data.actor(agent), new ContractDetails(account.value(), null,
				today.minusDays(10), today.plusYears(1), new BigDecimal("900"), "EUR", false, 30, null, null, "Gold"));

		driver.get("http://localhost:" + port + "/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(agent.getUsername());
		driver.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));

		driver.get("http://localhost:" + port + "/cases/new");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-search"))).sendKeys(name);
		wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#accountId option[value='" + account.value() + "']")));
		new Select(driver.findElement(By.id("accountId"))).selectByValue(account.value().toString());
		wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#contractId option[value='" + gold.getId() + "']")));
		assertThat(driver.findElement(By.cssSelector("#contractId option[value='" + gold.getId() + "']")).getText())
			.contains(gold.getNumber(), "Gold");
		chromium.assertPageIsHealthy();
		chromium.screenshot("case-04-contract-picker-phone");
	}
}
