package org.rapport.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.Chromium;
import org.rapport.TestData;
import org.rapport.customers.AccountType;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.Account;
import org.rapport.customers.internal.AccountDetails;
import org.rapport.customers.internal.AccountService;
import org.rapport.customers.internal.ContactDetails;
import org.rapport.customers.internal.ContactService;
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
 * A seller types the beginning of a name, with a typo further on, into the search box of the navigation, sees
 * the dropdown group the hits by kind, opens one, and then the full results page with Enter.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class SearchBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Indexing indexing;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	ContactService contacts;

	Chromium chromium;

	@AfterEach
	void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void aSellerFindsAnAccountFromTheNavigationAndOpensIt() {
		chromium = Chromium.start("SearchBrowserTests", 1280, 900);
		WebDriver driver = chromium.driver();
		WebDriverWait wait = chromium.waiting(Duration.ofSeconds(20));

		User seller = data.user(data.team(), Role.SALES);
		var actor = data.actor(seller);
		String word = GlobalSearchIntegrationTests.word();
		String name = GlobalSearchIntegrationTests.capital(word) + " Logistics";
		Account account = accounts.create(actor, new AccountDetails(name, AccountType.COMPANY, null, null, null,
				"ops@" + word + ".example.com", PostalAddress.EMPTY, LifecycleStage.NEW, null, null), null, null);
		contacts.create(actor, new ContactDetails("Ines", GlobalSearchIntegrationTests.capital(word) + "sen", null,
				null, null, PostalAddress.EMPTY, false), account.getId(), null, null);
		indexing.settle();

		driver.get("http://localhost:" + port + "/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(seller.getUsername());
		driver.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));

		WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("global-search-q")));
		box.sendKeys(word.substring(0, 5));
		WebElement dropdown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-suggestions")));
		wait.until(ExpectedConditions.textToBePresentInElement(dropdown, name));
		assertThat(dropdown.getText()).contains("Accounts", "Contacts", "Ines " + GlobalSearchIntegrationTests.capital(word) + "sen");
		chromium.assertPageIsHealthy();
		chromium.screenshot("search-01-dropdown");

		// Arrow down walks into the dropdown; Enter on the account opens its page.
		box.sendKeys(Keys.ARROW_DOWN);
		WebElement first = driver.switchTo().activeElement();
		assertThat(first.getAttribute("data-kind")).isEqualTo("account");
		first.sendKeys(Keys.ENTER);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-name"), name));
		assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/accounts/" + account.getId());
		chromium.assertPageIsHealthy();

		// A typo in the full word still finds it; Enter opens the results page grouped by kind.
		box = wait.until(ExpectedConditions.elementToBeClickable(By.id("global-search-q")));
		String typo = word.substring(0, 5) + (word.charAt(5) == 'z' ? 'y' : 'z') + word.substring(6);
		box.sendKeys(typo, Keys.ENTER);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("group-account")));
		assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/search");
		assertThat(driver.findElement(By.id("group-account")).getText()).contains(name);
		assertThat(driver.findElement(By.id("search-kinds")).getText()).contains("Accounts");
		chromium.assertPageIsHealthy();
		chromium.screenshot("search-02-results");

		driver.findElement(By.cssSelector("#group-account a.search-hit")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-name"), name));
	}
}
