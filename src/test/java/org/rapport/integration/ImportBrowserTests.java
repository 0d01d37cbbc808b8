package org.rapport.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.Chromium;
import org.rapport.TestData;
import org.rapport.customers.AccountType;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.AccountDetails;
import org.rapport.customers.internal.AccountService;
import org.rapport.customization.FieldType;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.customization.internal.FieldDefinition.FieldText;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.shared.PostalAddress;
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
 * Chinese. Accounts whose values are not ours, mapped on the preview. And a team leaving HubSpot: its contacts
 * export, 25 columns with the associated company's repeated, told as HubSpot's, one column mapped by hand and one
 * value of its lifecycle stages mapped on the preview, then found in the contact list as they were in HubSpot.
 * Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class ImportBrowserTests {

	private static final int PHONE_WIDTH = 390;

	private static Chromium chromium;
	private static WebDriver driver;
	private static WebDriverWait wait;

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountService accounts;

	@Autowired
	CustomFieldService customFields;

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
		upload("accounts", file);
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
		assertThat(driver.findElement(By.id("preview-table")).getText()).contains("Retail");
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

	/**
	 * HubSpot's contacts export with the associated company's properties, which repeat Phone Number, Create Date
	 * and Country/Region: the mapping page tells HubSpot and maps the contact's columns, not the company's; the user
	 * maps the contact's Create Date to a date field of their own and, on the preview, a lifecycle stage that is not
	 * one of theirs to one that is; the contacts are then found in the contact list with those values. The mapping
	 * and preview pages fit a phone and pass axe in English and in Chinese, where the same headers bring the
	 * mapping back.
	 */
	@Test
	void aHubSpotContactsExportIsMappedAdjustedAndItsContactsFound() throws Exception {
		assumeTrue(driver != null, "no browser");
		TeamId team = data.team();
		User user = data.user(team, Role.SALES);
		String suffix = TestData.unique("").replaceAll("[^0-9]", "");
		long ids = Long.parseLong(suffix.substring(Math.max(0, suffix.length() - 9)));
		String nordwind = String.valueOf(ids * 10 + 1);
		String soleil = String.valueOf(ids * 10 + 2);
		UUID nordwindId = accounts.create(data.actor(user), new AccountDetails("Nordwind Logistik GmbH",
				AccountType.COMPANY, null, null, null, null, PostalAddress.EMPTY, LifecycleStage.EXISTING, null, null,
				nordwind), null, null).getId();
		UUID soleilId = accounts.create(data.actor(user), new AccountDetails("Soleil Distribution SAS",
				AccountType.COMPANY, null, null, null, null, PostalAddress.EMPTY, LifecycleStage.EXISTING, null, null,
				soleil), null, null).getId();
		String stage = "stage_" + suffix;
		String since = "since_" + suffix;
		UUID stageField = customFields.define("contact", stage, FieldType.PICK_LIST, new FieldText("Lifecycle Stage",
				"生命周期阶段", null, null, false, null, List.of("Subscriber", "Lead", "Customer"), null)).getId();
		UUID sinceField = customFields.define("contact", since, FieldType.DATE,
				new FieldText("Contact since", "成为联系人日期", null, null, false, null, null, null)).getId();
		String contact = "c" + ids;
		Path file = Files.createTempFile("hubspot-contacts-", ".csv");
		Files.writeString(file, String.join("\n",
				"Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Job Title,Lifecycle Stage,"
						+ "Lead Status,Contact owner,Create Date,Last Activity Date,Street Address,City,State/Region,"
						+ "Postal Code,Country/Region,Company name,Associated Company IDs,Associated Company,"
						+ "Phone Number,Create Date,Country/Region,Original Source,Marketing contact status",
				contact + "1,Anna,Fischer,anna.fischer@nordwind.example,+49 40 1234567,+49 170 1112223,"
						+ "Head of Purchasing,Customer,Connected," + user.getDisplayName() + ",11/23/2019 10:15 AM,"
						+ "03/02/2024 4:05 PM,Hafenstraße 12,Hamburg,Hamburg,20457,Germany,Nordwind Logistik,"
						+ nordwind + ",Nordwind Logistik GmbH,+49 40 9998880,06/14/2015 9:00 AM,Germany,"
						+ "Offline Sources,Marketing contact",
				contact + "2,Ben,Fischer,ben.fischer@nordwind.example,+49 40 1234568,,Warehouse Lead,"
						+ "Marketing Qualified Lead,Open,,02/03/2021 8:30 AM,01/15/2024 11:00 AM,Hafenstraße 12,"
						+ "Hamburg,Hamburg,20457,Germany,Nordwind Logistik," + nordwind + ",Nordwind Logistik GmbH,"
						+ "+49 40 9998880,06/14/2015 9:00 AM,Germany,Organic Search,Non-marketing contact",
				contact + "3,Chloé,Martin,chloe.martin@soleil.example,+33 1 42 68 53 00,,Directrice achats,lead,"
						+ "New,,07/30/2022 2:45 PM,,12 rue de Rivoli,Paris,Île-de-France,75004,France,"
						+ "Soleil Distribution," + soleil + ",Soleil Distribution SAS,+33 1 40 20 50 50,"
						+ "09/01/2012 10:00 AM,France,Paid Social,Marketing contact",
				contact + "4,Dan,Okafor,dan.okafor@soleil.example,,+33 6 12 34 56 78,Buyer,Marketing Qualified Lead,"
						+ "In Progress,,12/05/2023 9:10 AM,,12 rue de Rivoli,Paris,Île-de-France,75004,France,"
						+ "Soleil Distribution," + soleil + ",Soleil Distribution SAS,+33 1 40 20 50 50,"
						+ "09/01/2012 10:00 AM,France,Direct Traffic,Marketing contact")
				+ "\n", StandardCharsets.UTF_8);
		try {
			signIn(user);
			upload("contacts", file);

			assertThat(driver.findElement(By.id("source-detected")).getText()).isEqualTo("Looks like a HubSpot export.");
			assertThat(driver.findElement(By.id("column-20")).getText()).contains("Phone Number (2)");
			assertThat(mappedField(0)).isEqualTo("externalId");
			assertThat(mappedField(4)).isEqualTo("phone");
			assertThat(mappedField(7)).isEqualTo("cf." + stage);
			assertThat(mappedField(16)).isEqualTo("country");
			assertThat(mappedField(18)).isEqualTo("accountExternalId");
			assertThat(List.of(mappedField(10), mappedField(20), mappedField(21), mappedField(22))).containsOnly("");
			assertThat(new Select(driver.findElement(By.id("dateOrder-10"))).getFirstSelectedOption()
				.getAttribute("value")).isEqualTo("MDY");
			assertThat(driver.findElement(By.cssSelector("label[for='dateOrder-21']")).getText())
				.isEqualTo("Dates in “Create Date (2)”");
			checkAtDesktopAndPhone("hubspot-1-mapping");

			new Select(driver.findElement(By.id("field-10"))).selectByValue("cf." + since);
			driver.findElement(By.id("to-preview")).click();

			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("value-map")));
			String preview = driver.findElement(By.id("preview-table")).getText();
			assertThat(preview).contains("Fischer", "Chloé", "Hafenstraße 12", "2019-11-23",
					"in the file: 11/23/2019 10:15 AM", "Customer", "Lead");
			assertThat(driver.findElements(By.cssSelector("#preview-table .preview-error"))).isEmpty();
			assertThat(driver.findElement(By.id("file-dates-10")).getText())
				.isEqualTo("Dates in “Create Date (1)”: Month first: 03/31/2026");
			assertThat(driver.findElements(By.cssSelector("#preview-table .preview-notice"))).hasSize(2);
			assertThat(driver.findElements(By.cssSelector("[id='values-cf." + stage + "'] tbody td:first-child"))
				.stream().map(WebElement::getText)).containsExactly("Marketing Qualified Lead");
			checkAtDesktopAndPhone("hubspot-2-preview");
			WebElement unmatched = driver.findElement(By.xpath(
					"//section[@id='value-map']//label[normalize-space()='Marketing Qualified Lead']"));
			new Select(driver.findElement(By.id(unmatched.getAttribute("for")))).selectByValue("choice:Lead");
			driver.findElement(By.id("save-values")).click();

			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("values-notice")));
			assertThat(driver.findElements(By.cssSelector("#preview-table .preview-notice"))).isEmpty();
			chromium.screenshot("hubspot-3-values-mapped");
			driver.findElement(By.id("start")).click();

			wait.until(ExpectedConditions.textToBe(By.id("job-state"), "Done"));
			assertThat(driver.findElement(By.id("count-created")).getText()).isEqualTo("4");
			assertThat(driver.findElement(By.id("count-rejected")).getText()).isEqualTo("0");
			chromium.screenshot("hubspot-4-result");

			open("/contacts");
			wait.until(ExpectedConditions.elementToBeClickable(By.id("custom-filters-toggle"))).click();
			new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("filter-cf-" + stage))))
				.selectByValue("Lead");
			wait.until(browser -> contactRows().size() == 3);
			driver.findElement(By.id("col-cf-" + stage)).click();
			wait.until(browser -> driver.findElements(By.cssSelector("#contacts-table th[data-custom-field]")).size() == 1);
			driver.findElement(By.id("col-cf-" + since)).click();
			wait.until(browser -> driver.findElements(By.cssSelector("#contacts-table th[data-custom-field]")).size() == 2);
			assertThat(contactRows()).containsExactly(
					"Fischer, Ben | Warehouse Lead | Nordwind Logistik GmbH | Lead | " + shown(2021, 2, 3),
					"Martin, Chloé | Directrice achats | Soleil Distribution SAS | Lead | " + shown(2022, 7, 30),
					"Okafor, Dan | Buyer | Soleil Distribution SAS | Lead | " + shown(2023, 12, 5));
			WebElement search = driver.findElement(By.id("q"));
			search.sendKeys("Fischer");
			wait.until(browser -> contactRows().size() == 1);
			assertThat(contactRows()).containsExactly(
					"Fischer, Ben | Warehouse Lead | Nordwind Logistik GmbH | Lead | " + shown(2021, 2, 3));
			new Select(driver.findElement(By.id("filter-cf-" + stage))).selectByValue("");
			wait.until(browser -> contactRows().size() == 2);
			assertThat(contactRows()).containsExactly(
					"Fischer, Anna | Head of Purchasing | Nordwind Logistik GmbH | Customer | " + shown(2019, 11, 23),
					"Fischer, Ben | Warehouse Lead | Nordwind Logistik GmbH | Lead | " + shown(2021, 2, 3));
			chromium.assertPageIsHealthy();
			chromium.screenshot("hubspot-5-contacts-found");
			assertThat(jdbc.queryForList("select concat_ws('|', external_id, first_name, last_name, email, phone, "
					+ "street, city, region, postal_code, country, cast(owner_id as varchar)) from contact "
					+ "where account_id = ? order by first_name", String.class, nordwindId)).containsExactly(
							contact + "1|Anna|Fischer|anna.fischer@nordwind.example|+49 40 1234567|Hafenstraße 12|"
									+ "Hamburg|Hamburg|20457|Germany|" + user.getId(),
							contact + "2|Ben|Fischer|ben.fischer@nordwind.example|+49 40 1234568|Hafenstraße 12|"
									+ "Hamburg|Hamburg|20457|Germany|" + user.getId());
			assertThat(jdbc.queryForList("select concat_ws('|', external_id, first_name, last_name, email, "
					+ "coalesce(phone, '-'), street, city, region, postal_code, country) from contact "
					+ "where account_id = ? order by first_name", String.class, soleilId)).containsExactly(
							contact + "3|Chloé|Martin|chloe.martin@soleil.example|+33 1 42 68 53 00|12 rue de Rivoli|"
									+ "Paris|Île-de-France|75004|France",
							contact + "4|Dan|Okafor|dan.okafor@soleil.example|-|12 rue de Rivoli|Paris|"
									+ "Île-de-France|75004|France");

			wait.until(ExpectedConditions.elementToBeClickable(By.id("user-menu"))).click();
			wait.until(ExpectedConditions.elementToBeClickable(By.id("lang-zh"))).click();
			wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
			upload("contacts", file);
			assertThat(driver.findElement(By.id("source-detected")).getText()).contains("HubSpot");
			assertThat(driver.findElements(By.id("mapping-remembered"))).hasSize(1);
			assertThat(mappedField(10)).isEqualTo("cf." + since);
			checkAtDesktopAndPhone("hubspot-6-mapping-zh");
			driver.findElement(By.id("to-preview")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-table")));
			assertThat(driver.findElement(By.id("preview-table")).getText()).contains("生命周期阶段", "成为联系人日期");
			checkAtDesktopAndPhone("hubspot-7-preview-zh");
		}
		finally {
			customFields.retire(stageField);
			customFields.retire(sinceField);
		}
	}

	/** Uploads a file of records of the kind named from the import page, to its mapping page. */
	private void upload(String entity, Path file) {
		open("/imports?entity=" + entity);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
		driver.findElement(By.id("file")).sendKeys(file.toString());
		driver.findElement(By.id("upload")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mapping-table")));
	}

	/** The field the mapping page maps a column of the file to; empty where it is not imported. */
	private static String mappedField(int column) {
		return new Select(driver.findElement(By.id("field-" + column))).getFirstSelectedOption().getAttribute("value");
	}

	/**
	 * The page is healthy and passes axe at desktop width, and at a phone's it fits the screen and passes axe too;
	 * both are saved as screenshots of the whole page.
	 */
	private static void checkAtDesktopAndPhone(String name) {
		chromium.assertPageIsHealthy();
		chromium.assertAccessible();
		chromium.screenshotWholePage(name);
		chromium.showAsPhone(PHONE_WIDTH, 844);
		try {
			chromium.assertFitsWidth(PHONE_WIDTH);
			chromium.assertAccessible();
			chromium.screenshotWholePage(name + "-phone");
		}
		finally {
			chromium.showAsWindow();
		}
	}

	/**
	 * The rows of the contact list as their name, title, account and the custom fields shown, the cells of the
	 * columns a desktop shows beside them left out.
	 */
	private static List<String> contactRows() {
		return driver.findElements(By.cssSelector("#contacts-table tbody tr")).stream().map(row -> {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			List<String> shown = new ArrayList<>();
			shown.add(cells.get(0).findElement(By.tagName("a")).getText());
			shown.add(cells.get(0).findElement(By.cssSelector("div")).getText());
			shown.add(cells.get(1).getText());
			cells.subList(5, cells.size()).forEach(cell -> shown.add(cell.getText()));
			return String.join(" | ", shown);
		}).toList();
	}

	/** A date as an English page shows a date field. */
	private static String shown(int year, int month, int day) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH)
			.format(LocalDate.of(year, month, day));
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
