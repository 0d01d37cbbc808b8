package org.rapport.integration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.servlet.FlashMap;

/**
 * A file's amounts land in the currency they are written in: a US team's deals written {@code $18,500} without a
 * currency column import in US dollars, detected, or in the currency the caller gives where the symbol may stand for
 * it; a file whose amounts name no currency takes the installation's (Swiss francs here, so that it is not the old
 * default); a Chinese file's {@code ¥1,280.50} and {@code 1200元} are yuan; an amount whose symbol contradicts its
 * row's currency is rejected, naming both; a currency that is none is refused naming the field. The mapping page shows
 * and changes the currency, and the forms of new records start in the installation's.
 */
@RapportTest
@TestPropertySource(properties = "rapport.currency=CHF")
class ImportCurrencyIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	/** Deals as HubSpot exports them, their amounts written in dollars and no currency column. */
	private static String usDeals(String tag) {
		return """
				Record ID,Deal Name,Amount,Close Date,Associated Company
				%1$s-1,Showroom %1$s,"$18,500",2023-02-28 00:00,Harbor %1$s
				%1$s-2,Portal %1$s,"$9,200.50",2023-05-31 00:00,Harbor %1$s
				%1$s-3,Field app %1$s,"US$ 42,000",2023-04-15 00:00,Harbor %1$s
				%1$s-4,Intake %1$s,31000,2023-06-30 00:00,Harbor %1$s
				""".formatted(tag);
	}

	@Test
	void aUsTeamsDealsWrittenInDollarsWithoutACurrencyColumnImportInUsDollarsDetected() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String token = data.bearer(seller);
		String tag = TestData.unique("usd");
		account(token, "Harbor " + tag);

		String job = importAndWait(token, deals(usDeals(tag)), Map.of("currency", "USD"));
		assertThat(job).contains("\"createdRows\":4", "\"rejectedRows\":0", "\"currency\":\"USD\"");
		assertThat(opportunity("Showroom " + tag)).containsExactly("18500", "USD");
		assertThat(opportunity("Portal " + tag)).containsExactly("9200.5", "USD");
		assertThat(opportunity("Field app " + tag)).containsExactly("42000", "USD");
		// an amount that names no currency is in the one the file's amounts name
		assertThat(opportunity("Intake " + tag)).containsExactly("31000", "USD");
	}

	@Test
	void theCurrencyGivenTakesTheAmountsWhoseSymbolMayStandForItAndThoseThatNameNone() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String token = data.bearer(seller);
		String canadian = TestData.unique("cad");
		account(token, "Harbor " + canadian);
		String job = importAndWait(token, deals(usDeals(canadian)).param("currency", "cad"), Map.of("currency", "CAD"));
		assertThat(job).contains("\"createdRows\":4", "\"currency\":\"CAD\"");
		assertThat(opportunity("Showroom " + canadian)).containsExactly("18500", "CAD");
		assertThat(opportunity("Field app " + canadian)).containsExactly("42000", "USD");
		assertThat(opportunity("Intake " + canadian)).containsExactly("31000", "CAD");

		// the dollar sign never stands for pounds: those amounts stay in dollars, the plain one is in pounds
		String pounds = TestData.unique("gbp");
		account(token, "Harbor " + pounds);
		job = importAndWait(token, deals(usDeals(pounds)).param("currency", "GBP"), Map.of("currency", "GBP"));
		assertThat(job).contains("\"createdRows\":4", "\"currency\":\"GBP\"");
		assertThat(opportunity("Showroom " + pounds)).containsExactly("18500", "USD");
		assertThat(opportunity("Portal " + pounds)).containsExactly("9200.5", "USD");
		assertThat(opportunity("Intake " + pounds)).containsExactly("31000", "GBP");
	}

	@Test
	void aFileWhoseAmountsNameNoCurrencyTakesTheInstallationsAndAChineseFileItsYuan() throws Exception {
		User manager = data.user(data.team(), Role.MANAGER);
		String token = data.bearer(manager);
		String tag = TestData.unique("chf");
		account(token, "Harbor " + tag);
		String plain = "Deal Name,Amount,Close Date,Account Name\nPlain " + tag + ",1200.50,2026-03-31,Harbor " + tag
				+ "\n";
		String job = importAndWait(token, multipart("/api/v1/imports").file(csv("deals.csv", plain))
			.param("entity", "opportunities"), Map.of("currency", "CHF"));
		assertThat(job).contains("\"createdRows\":1");
		assertThat(opportunity("Plain " + tag)).containsExactly("1200.5", "CHF");

		String sku = TestData.unique("tea").toUpperCase(Locale.ROOT);
		String products = "产品编号,产品名称,单价\n" + sku + "-1,龙井绿茶,\"¥1,280.50\"\n" + sku + "-2,碧螺春,1200元\n" + sku
				+ "-3,普洱,980\n";
		job = importAndWait(token, multipart("/api/v1/imports").file(csv("产品.csv", products))
			.param("entity", "products"), Map.of("currency", "CNY"));
		assertThat(job).contains("\"createdRows\":3", "\"rejectedRows\":0");
		assertThat(product(sku + "-1")).containsExactly("1280.5", "CNY");
		assertThat(product(sku + "-2")).containsExactly("1200", "CNY");
		assertThat(product(sku + "-3")).containsExactly("980", "CNY");
		// kinds of record without amounts have no currency of amounts
		String accounts = importAndWait(token, multipart("/api/v1/imports")
			.file(csv("a.csv", "Account Name\nPlain account " + tag + "\n")).param("entity", "accounts"), Map.of());
		assertThat((Object) JsonPath.read(accounts, "$.currency")).isNull();
	}

	@Test
	void anAmountWhoseSymbolContradictsItsRowsCurrencyIsRejectedNamingBoth() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String token = data.bearer(seller);
		String tag = TestData.unique("clash");
		account(token, "Harbor " + tag);
		String file = "Deal Name,Amount,Currency,Close Date,Account Name\n"
				+ "Euro " + tag + ",\"€1,200\",EUR,2026-03-31,Harbor " + tag + "\n"
				+ "Clash " + tag + ",\"$1,200\",EUR,2026-03-31,Harbor " + tag + "\n"
				+ "Yen " + tag + ",\"¥1,200\",JPY,2026-03-31,Harbor " + tag + "\n";
		String job = importAndWait(token, multipart("/api/v1/imports").file(csv("deals.csv", file))
			.param("entity", "opportunities"), Map.of());
		assertThat(job).contains("\"createdRows\":2", "\"rejectedRows\":1");
		assertThat(opportunity("Euro " + tag)).containsExactly("1200", "EUR");
		assertThat(opportunity("Yen " + tag)).containsExactly("1200", "JPY");
		assertThat(jdbc.queryForObject("select count(*) from opportunity where name = ?", Integer.class,
				"Clash " + tag)).isZero();
		String rejected = mvc.perform(get("/api/v1/imports/" + JsonPath.read(job, "$.id") + "/rejected.csv")
			.header("Authorization", token)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(rejected).contains("Amount: $1,200 is written in USD, but the row's currency is EUR");
	}

	@Test
	void aCurrencyThatIsNoneIsRefusedNamingTheFieldBeforeAnythingIsStored() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String token = data.bearer(seller);
		int jobs = jdbc.queryForObject("select count(*) from import_job where owner_id = ?", Integer.class,
				seller.getId());
		mvc.perform(deals(usDeals(TestData.unique("xyz"))).param("currency", "XYZ").header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("currency"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("Amounts that name no currency: give an ISO 4217 currency code, such as USD or EUR."));
		assertThat(jdbc.queryForObject("select count(*) from import_job where owner_id = ?", Integer.class,
				seller.getId())).isEqualTo(jobs);
	}

	@Test
	void theMappingPageShowsTheCurrencyDetectedAndWhyAndChangesIt() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String tag = TestData.unique("page");
		String mapping = mvc.perform(multipart("/imports").file(csv("deals.csv", usDeals(tag)))
			.param("entity", "opportunities")
			.param("encoding", "")
			.with(data.as(seller))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String preview = mapping.replace("/mapping", "/preview");

		String page = page(mapping, seller);
		assertThat(page).contains("<label class=\"form-label\" for=\"currency\">Amounts that name no currency</label>",
				"<select class=\"form-select\" id=\"currency\" name=\"currency\" "
						+ "aria-describedby=\"currency-help currency-evidence\">",
				"<option value=\"USD\" selected=\"selected\">USD — US Dollar</option>",
				"USD: 2 amount(s) written with $, such as $18,500.",
				"$ may also stand for CAD, AUD, NZD, SGD, HKD, MXN, TWD.",
				"USD: 1 amount(s) written with US$, such as US$ 42,000.");

		mvc.perform(post(mapping).with(data.as(seller)).with(csrf())
			.param("field", "externalId", "name", "amount", "closeDate", "account")
			.param("duplicateMode", "CREATE")
			.param("matchBy", "EXTERNAL_ID")
			.param("currency", "CAD")).andExpect(redirectedUrl(preview));
		String shown = page(preview, seller);
		// each amount shows the currency it is stored in, beside the file's text
		assertThat(shown).contains("<span>Amounts that name no currency</span>: <strong>CAD</strong>",
				">18500</span><span class=\"amount-currency text-nowrap\">CAD</span>", "in the file: $18,500",
				">42000</span><span class=\"amount-currency text-nowrap\">USD</span>",
				">31000</span><span class=\"amount-currency text-nowrap\">CAD</span>");
		page = page(mapping, seller);
		assertThat(page).contains("<option value=\"CAD\" selected=\"selected\">CAD — Canadian Dollar</option>",
				"Chosen by you; the file&#39;s amounts suggested USD.",
				"CAD: 2 amount(s) written with $, such as $18,500.");

		FlashMap refused = mvc.perform(post(mapping).with(data.as(seller)).with(csrf())
			.param("field", "externalId", "name", "amount", "closeDate", "account")
			.param("duplicateMode", "CREATE")
			.param("matchBy", "EXTERNAL_ID")
			.param("currency", "XYZ")).andExpect(redirectedUrl(mapping)).andReturn().getFlashMap();
		page = mvc.perform(get(mapping).flashAttrs(refused).with(data.as(seller))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Amounts that name no currency: give an ISO 4217 currency code, such as USD or EUR.",
				"<option value=\"CAD\" selected=\"selected\">");

		User chinese = data.user(data.team(), Locale.SIMPLIFIED_CHINESE, Role.SALES);
		String other = mvc.perform(multipart("/imports").file(csv("商机.csv", usDeals(TestData.unique("zh"))))
			.param("entity", "opportunities")
			.param("encoding", "")
			.with(data.as(chinese))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(page(other, chinese)).contains("for=\"currency\">未注明币种的金额</label>",
				"USD：2 个金额以 $ 书写，例如 $18,500。");

		// contacts have no amounts, so no currency of amounts
		String contacts = mvc.perform(multipart("/imports").file(csv("c.csv", "Last Name\nDoe\n"))
			.param("entity", "contacts")
			.param("encoding", "")
			.with(data.as(seller))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(page(contacts, seller)).doesNotContain("id=\"currency\"");
	}

	@Test
	void theFormsOfANewProductOpportunityAndContractStartInTheInstallationsCurrency() throws Exception {
		User manager = data.user(data.team(), Role.MANAGER);
		for (String form : List.of("/products/new", "/opportunities/new", "/contracts/new")) {
			String page = page(form, manager);
			String input = page.substring(page.indexOf("<input", page.indexOf("id=\"currency\"") - 200));
			input = input.substring(0, input.indexOf('>'));
			assertThat(input).as(form).contains("id=\"currency\"", "value=\"CHF\"");
		}
	}

	private MockMultipartHttpServletRequestBuilder deals(String csv) {
		return multipart("/api/v1/imports").file(csv("deals.csv", csv)).param("entity", "opportunities");
	}

	private static MockMultipartFile csv(String name, String content) {
		return new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

	private void account(String token, String name) throws Exception {
		importAndWait(token, multipart("/api/v1/imports").file(csv("a.csv", "Account Name\n" + name + "\n"))
			.param("entity", "accounts"), Map.of());
	}

	/** Starts an import, checks what the started job says, and waits until it is done. */
	private String importAndWait(String token, MockMultipartHttpServletRequestBuilder request,
			Map<String, String> expected) throws Exception {
		var started = mvc.perform(request.header("Authorization", token)).andExpect(status().isAccepted());
		for (Map.Entry<String, String> value : expected.entrySet()) {
			started.andExpect(jsonPath("$." + value.getKey()).value(value.getValue()));
		}
		String id = JsonPath.read(started.andReturn().getResponse().getContentAsString(), "$.id");
		return FinishedImports.awaitDone(mvc, token, id);
	}

	private List<Object> opportunity(String name) {
		Map<String, Object> row = jdbc.queryForMap("select amount, currency from opportunity where name = ?", name);
		return List.of(((BigDecimal) row.get("amount")).stripTrailingZeros().toPlainString(), row.get("currency"));
	}

	private List<Object> product(String sku) {
		Map<String, Object> row = jdbc.queryForMap("select unit_price, currency from product where sku = ?", sku);
		return List.of(((BigDecimal) row.get("unit_price")).stripTrailingZeros().toPlainString(), row.get("currency"));
	}

	private String page(String url, User user) throws Exception {
		return mvc.perform(get(url).with(data.as(user))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8).replaceAll("\\s+", " ").replace("> <", "><");
	}
}
