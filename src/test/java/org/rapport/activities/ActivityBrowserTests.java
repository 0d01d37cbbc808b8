package org.rapport.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.Chromium;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.activities.internal.ActivityDetails;
import org.rapport.shared.RecordRef;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A sales user, in a real browser (headless Chromium), logs a call and adds a task from an account's timeline, finds
 * the task in "My work" through the bar and completes it with one click; the bell counts a teammate's mention of
 * them without a reload, and its notice leads to the note. The steps run in order and share one
 * browser; a step whose predecessor failed is skipped.
 * <p>
 * Where Chromium or its driver is missing the tests are skipped with a warning, unless
 * {@code RAPPORT_REQUIRE_BROWSER=true} (CI) turns that into a failure, as in {@link org.rapport.BrowserTests}.
 * Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ TestData.class, CommerceFixtures.class })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActivityBrowserTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static WebDriver driver;
	private static WebDriverWait wait;
	private static Chromium chromium;

	private static User user;
	private static org.rapport.identity.TeamId team;
	private static AccountId account;
	private static String accountName;
	private static String taskSubject;
	private static boolean signedIn;
	private static boolean taskAdded;

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
	ActivityBook activities;

	@BeforeAll
	static void startBrowser() {
		chromium = Chromium.start("ActivityBrowserTests", 1280, 900);
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
		team = data.team();
		user = data.user(team, Role.SALES);
		accountName = TestData.unique("Timeline Browser");
		account = fixtures.account(data.actor(user), accountName);
		open("/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user.getUsername());
		driver.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
		signedIn = true;
	}

	@Test
	@Order(2)
	void logsACallFromTheAccountsTimeline() {
		assumeTrue(driver != null && signedIn, "an earlier step failed");
		open("/accounts/" + account.value());
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("quick-CALL")));
		chromium.settle(TIMEOUT);
		click(driver.findElement(By.id("quick-CALL")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quick-entry #durationMinutes")));
		chromium.settle(TIMEOUT);
		type(By.cssSelector("#quick-entry #subject"), "Asked for a discount");
		type(By.cssSelector("#quick-entry #durationMinutes"), "9");
		click(driver.findElement(By.id("quick-save")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline-entries"),
				"Asked for a discount"));
		chromium.screenshot("activities-call-logged");
		chromium.assertPageIsHealthy();
	}

	@Test
	@Order(3)
	void addsATaskDueInTwoHoursFromTheTimeline() {
		assumeTrue(driver != null && signedIn, "an earlier step failed");
		taskSubject = TestData.unique("Send the offer");
		chromium.settle(TIMEOUT);
		click(driver.findElement(By.id("quick-TASK")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quick-entry #dueAt")));
		chromium.settle(TIMEOUT);
		type(By.cssSelector("#quick-entry #subject"), taskSubject);
		// the browser's datetime-local input takes the user's wall-clock time (the test users live in UTC)
		String due = LocalDateTime.now(ZoneId.of("UTC")).plusHours(2).truncatedTo(ChronoUnit.MINUTES)
			.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
				driver.findElement(By.cssSelector("#quick-entry #dueAt")), due.substring(0, 16));
		click(driver.findElement(By.id("quick-save")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline-entries"), taskSubject));
		taskAdded = true;
	}

	@Test
	@Order(4)
	void completesTheTaskInMyWorkWithOneClick() {
		assumeTrue(driver != null && taskAdded, "an earlier step failed");
		open("/");
		click(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#main-nav a[href='/my-work']"))));
		wait.until(ExpectedConditions.urlContains("/my-work"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-work"), taskSubject));
		chromium.settle(TIMEOUT);
		WebElement item = driver.findElements(By.cssSelector("#my-work .work-item")).stream()
			.filter(element -> element.getText().contains(taskSubject))
			.findFirst()
			.orElseThrow();
		click(item.findElement(By.cssSelector(".work-complete")));
		wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("my-work"),
				taskSubject)));
		assertThat(driver.findElement(By.id("my-work")).getText()).doesNotContain(taskSubject);
		chromium.screenshot("activities-my-work-completed");
		chromium.assertPageIsHealthy();
	}

	@Test
	@Order(5)
	void theBellCountsAMentionByATeammateWithoutAReloadAndLeadsToTheNote() {
		assumeTrue(driver != null && signedIn, "an earlier step failed");
		open("/my-work");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notification-bell")));
		assertThat(driver.findElements(By.id("notification-count"))).isEmpty();
		User teammate = data.user(team, Role.SALES);
		String subject = TestData.unique("Pricing question");
		activities.create(data.actor(teammate), new ActivityDetails(ActivityKind.NOTE, subject,
				new RecordRef("account", account.value()), null, null, null, null, null, false, null,
				java.util.List.of(), null, null, null, null, null, "<p>@" + user.getUsername() + " can you answer?</p>",
				null, null), java.util.Map.of());
		// the bell asks again every 30 seconds
		new WebDriverWait(driver, Duration.ofSeconds(45))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notification-count"), "1"));
		chromium.screenshot("activities-bell-rings");
		chromium.settle(TIMEOUT);
		click(driver.findElement(By.id("notification-bell")));
		WebElement notice = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
				"#notifications .notification-text")));
		assertThat(notice.getText()).contains(subject);
		click(notice);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activity-subject"), subject));
		chromium.assertPageIsHealthy();
	}

	@Test
	@Order(6)
	void createsAMeetingByClickingASlotOnTheCalendarAndDragsItToAnotherDay() {
		assumeTrue(driver != null && signedIn, "an earlier step failed");
		open("/calendar?view=timeGridWeek");
		WebElement slot = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector(".fc-timegrid-slot-lane[data-time='10:00:00']")));
		// the week's first day but today (where an earlier step's task may stand at 10:00): a click on its 10:00 slot
		// chooses that half hour
		WebElement column = driver.findElements(By.cssSelector(".fc-timegrid-col[data-date]:not(.fc-day-today)"))
			.get(0);
		String day = column.getAttribute("data-date");
		int x = column.getRect().getX() + column.getRect().getWidth() / 2 - slot.getRect().getX();
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", slot);
		new org.openqa.selenium.interactions.Actions(driver).moveToElement(slot, x - slot.getRect().getWidth() / 2, 0)
			.click()
			.perform();
		wait.until(ExpectedConditions.urlContains("/activities/new"));
		assertThat(driver.getCurrentUrl()).contains("startsAt=" + day + "T10:00");
		String subject = TestData.unique("Kick-off");
		type(By.id("subject"), subject);
		type(By.id("about-search"), accountName.substring(0, 12));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#about option[value^='account:']")));
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("about")))
			.selectByValue("account:" + account.value());
		click(driver.findElement(By.id("save")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activity-subject"), subject));

		open("/calendar?view=timeGridWeek");
		WebElement event = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//*[contains(@class,'fc-event')][.//*[contains(text(),'" + subject + "')]]")));
		// another day but today
		WebElement nextDay = driver.findElements(By.cssSelector(".fc-timegrid-col[data-date]:not(.fc-day-today)"))
			.stream()
			.filter(other -> !day.equals(other.getAttribute("data-date")))
			.findFirst()
			.orElseThrow();
		String targetDay = nextDay.getAttribute("data-date");
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", event);
		new org.openqa.selenium.interactions.Actions(driver).clickAndHold(event)
			.moveByOffset(5, 5)
			.moveByOffset(nextDay.getRect().getX() - event.getRect().getX() - 5, 0)
			.pause(Duration.ofMillis(300))
			.release()
			.perform();
		wait.until(driver -> activities.list(data.actor(user), new org.rapport.activities.internal.ActivityFilter(
				ActivityKind.MEETING, null, user.userId().value(), null, null, null),
				org.springframework.data.domain.Sort.unsorted(), org.rapport.customization.CustomFieldQuery.none(), 0, 10)
			.items().stream()
			.anyMatch(meeting -> meeting.getSubject().equals(subject)
					&& meeting.getStartsAt().toString().startsWith(targetDay + "T10:00")));
		chromium.screenshot("activities-calendar-moved");
		chromium.assertPageIsHealthy();
	}

	@Test
	@Order(7)
	void plansAMeetingEveryMondayAndWednesdayInTheFormAndCancelsOneOccurrence() {
		assumeTrue(driver != null && signedIn, "an earlier step failed");
		open("/activities/new?kind=MEETING&about=account:" + account.value());
		String subject = TestData.unique("Weekly sync");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subject")));
		chromium.settle(TIMEOUT);
		type(By.id("subject"), subject);
		LocalDateTime monday = LocalDateTime.now(ZoneId.of("UTC")).with(java.time.temporal.TemporalAdjusters.next(
				java.time.DayOfWeek.MONDAY)).withHour(9).truncatedTo(ChronoUnit.HOURS);
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]; arguments[2].value = arguments[3]",
				driver.findElement(By.id("startsAt")), monday.toString().substring(0, 16),
				driver.findElement(By.id("endsAt")), monday.plusMinutes(30).toString().substring(0, 16));
		// only the fields the chosen repetition uses show
		assertThat(driver.findElement(By.id("repeat-day-MONDAY")).isDisplayed()).isFalse();
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("repeat"))).selectByValue("WEEKLY");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("repeat-day-MONDAY")));
		assertThat(driver.findElement(By.id("repeatMonthDay")).isDisplayed()).isFalse();
		click(driver.findElement(By.id("repeat-day-MONDAY")));
		click(driver.findElement(By.id("repeat-day-WEDNESDAY")));
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("repeatEnd"))).selectByValue("AFTER");
		type(By.id("repeatCount"), "4");
		chromium.screenshot("activities-series-form");
		click(driver.findElement(By.id("save")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("repeat-text"),
				"Every week on Monday, Wednesday, 4 times"));
		assertThat(driver.findElements(By.cssSelector("#upcoming li"))).hasSize(4);

		click(driver.findElements(By.cssSelector("#upcoming a")).get(1));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("occurrence-actions")));
		assertThat(driver.findElement(By.id("occurrence-start")).getText()).contains(
				String.valueOf(monday.plusDays(2).getDayOfMonth()));
		click(driver.findElement(By.id("cancel-occurrence")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("series-link")));
		click(driver.findElement(By.cssSelector("#series-link a")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upcoming")));
		assertThat(driver.findElement(By.id("upcoming")).getText()).contains("Cancelled");
		chromium.screenshot("activities-series-page");
		chromium.assertPageIsHealthy();
	}

	private void open(String path) {
		driver.get("http://localhost:" + port + path);
	}

	private static void click(WebElement element) {
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()",
				element);
	}

	private static void type(By field, String text) {
		WebElement element = driver.findElement(field);
		element.clear();
		element.sendKeys(text);
	}
}
