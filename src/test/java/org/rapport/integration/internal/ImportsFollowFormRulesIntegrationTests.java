package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customization.FieldType;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.customization.internal.FieldDefinition.FieldText;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.integration.DecimalMark;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.MatchBy;
import org.rapport.integration.internal.ImportJob.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Imports read numbers as their file writes them and store what the forms and the API would store: the same
 * rounding, ids and checks.
 */
@RapportTest
class ImportsFollowFormRulesIntegrationTests {

	@Autowired
	Imports imports;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	CustomFieldService fields;

	List<UUID> defined = new ArrayList<>();

	@AfterEach
	void retireFields() {
		defined.forEach(fields::retire);
	}

	private ImportJob importFile(Actor actor, String entity, String content, MatchBy matchBy) {
		return ImportRuns.run(imports, actor, entity, content, DuplicateMode.CREATE, matchBy);
	}

	private String account(Actor actor) {
		String name = TestData.unique("Müller GmbH");
		importFile(actor, "accounts", "Name\n" + name + "\n", MatchBy.NAME);
		return name;
	}

	@Test
	void aSemicolonFileWithDecimalCommasStoresOneFiftyAsOneAndAHalfInEveryNumericColumn() {
		Actor actor = data.actor(data.user(data.team(), Role.MANAGER));
		String account = account(actor);
		String sku = TestData.unique("KOMMA");
		ImportJob products = importFile(actor, "products",
				"SKU;Name;Unit Price;Currency\n" + sku + ";Schraube;1,50;EUR\n", MatchBy.NUMBER);
		assertThat(products.decimalMark()).isEqualTo(DecimalMark.COMMA);
		assertThat(amount("select unit_price from product where sku = ?", sku)).isEqualByComparingTo("1.50");

		String deal = TestData.unique("Deal");
		importFile(actor, "opportunities", "Name;Account;Amount;Currency;Close Date;Probability\n" + deal
				+ ";" + account + ";1.234,56;EUR;2026-05-31;40\n", MatchBy.NAME);
		Map<String, Object> opportunity = jdbc.queryForMap(
				"select amount, close_date, probability from opportunity where name = ?", deal);
		assertThat((BigDecimal) opportunity.get("amount")).isEqualByComparingTo("1234.56");
		assertThat(opportunity).containsEntry("close_date", Date.valueOf("2026-05-31")).containsEntry("probability",
				40);

		String contract = TestData.unique("V");
		importFile(actor, "contracts", "External ID;Account;Start Date;End Date;Value;Renewal Notice Days\n"
				+ contract + ";" + account + ";2026-01-01;2026-12-31;12.000,75;30\n", MatchBy.EXTERNAL_ID);
		Map<String, Object> terms = jdbc.queryForMap("select contract_value, renewal_notice_days, start_date, end_date "
				+ "from contract where external_id = ?", contract);
		assertThat((BigDecimal) terms.get("contract_value")).isEqualByComparingTo("12000.75");
		assertThat(terms).containsEntry("renewal_notice_days", 30)
			.containsEntry("start_date", Date.valueOf("2026-01-01")).containsEntry("end_date", Date.valueOf("2026-12-31"));

		String order = TestData.unique("AB");
		importFile(actor, "orders", "Order ID;Account;Product;Quantity;Unit Price;Order Date\n" + order + ";"
				+ account + ";" + sku + ";2,5;1,20;2026-03-01\n", MatchBy.EXTERNAL_ID);
		Map<String, Object> line = jdbc.queryForMap("select l.quantity, l.unit_price, o.total, o.order_date from "
				+ "sales_order o join sales_order_line l on l.order_id = o.id where o.external_id = ?", order);
		assertThat((BigDecimal) line.get("quantity")).isEqualByComparingTo("2.5");
		assertThat((BigDecimal) line.get("unit_price")).isEqualByComparingTo("1.20");
		assertThat((BigDecimal) line.get("total")).isEqualByComparingTo("3.00");
		assertThat(line).containsEntry("order_date", Date.valueOf("2026-03-01"));
	}

	@Test
	void numericCustomFieldsOfAccountsContactsAndLeadsAreReadByTheFilesMark() {
		String suffix = TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		for (String entity : List.of("account", "contact", "lead")) {
			defined.add(fields.define(entity, "rate" + suffix, FieldType.DECIMAL, new FieldText("Rate " + suffix,
					null, null, null, false, null, List.of(), null)).getId());
		}
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String account = TestData.unique("Komma AG");
		importFile(actor, "accounts", "Name;Rate " + suffix + "\n" + account + ";1,50\n", MatchBy.NAME);
		String contact = TestData.unique("Meier");
		importFile(actor, "contacts", "Last Name;Rate " + suffix + "\n" + contact + ";1.234,5\n",
				MatchBy.NAME);
		String lead = TestData.unique("Schulz");
		importFile(actor, "leads", "Last Name;Rate " + suffix + "\n" + lead + ";0,25\n", MatchBy.NAME);

		assertThat(jdbc.queryForObject("select custom_fields from account where name = ?", String.class, account))
			.containsPattern(":\\s?1\\.5}");
		assertThat(jdbc.queryForObject("select custom_fields from contact where last_name = ?", String.class, contact))
			.containsPattern(":\\s?1234\\.5}");
		assertThat(jdbc.queryForObject("select custom_fields from lead where last_name = ?", String.class, lead))
			.containsPattern(":\\s?0\\.25}");
	}

	@Test
	void aNumberOrDateWrittenAgainstTheFilesConventionIsRejectedNamingItsColumnNeverChanged() {
		Actor actor = data.actor(data.user(data.team(), Role.MANAGER));
		String account = account(actor);
		String good = TestData.unique("GUT");
		String bad = TestData.unique("FALSCH");
		ImportJob job = importFile(actor, "products", "SKU;Name;Unit Price\n" + good + ";Gut;2,50\n" + bad
				+ ";Falsch;2.5\n", MatchBy.NUMBER);
		assertThat(job.decimalMark()).isEqualTo(DecimalMark.COMMA);
		assertThat(job.createdRows()).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from product where sku = ?", Integer.class, bad)).isZero();
		assertThat(imports.rejected(actor, job.id(), 10).get(0).reasons())
			.isEqualTo("Unit price: 2.5 is not a number with a decimal comma, as this file writes numbers "
					+ "(such as 1.234,50)");

		ImportJob contracts = importFile(actor.inLocale(Locale.SIMPLIFIED_CHINESE), "contracts",
				"Account,Start Date,End Date,Value\n" + account + ",31/03/2026,2026-12-31,100\n" + account
						+ ",03/31/2026,2026-12-31,100\n", MatchBy.EXTERNAL_ID);
		assertThat(contracts.rejectedRows()).isEqualTo(1);
		assertThat(imports.rejected(actor, contracts.id(), 10).get(0).reasons())
			.isEqualTo("开始日期：03/31/2026 不是日在前书写的日期（本列的日期写作 31.03.2026 这样）");

		ImportJob notice = importFile(actor, "contracts", "Account,Start Date,End Date,Value,Notice Days\n"
				+ account + ",2026-01-01,2026-12-31,100,3651\n", MatchBy.EXTERNAL_ID);
		assertThat(imports.rejected(actor, notice.id(), 10).get(0).reasons())
			.isEqualTo("Renewal notice (days): more than 3,650 days");

		// the service level follows the contract's own rule: trimmed, at most 50 characters
		String gold = TestData.unique("SL");
		ImportJob levels = importFile(actor, "contracts", "External ID,Account,Start Date,End Date,Value,Service Level\n"
				+ gold + "," + account + ",2026-01-01,2026-12-31,100,  Gold  \n" + TestData.unique("SL") + ","
				+ account + ",2026-01-01,2026-12-31,100," + "x".repeat(51) + "\n", MatchBy.EXTERNAL_ID);
		assertThat(levels.rejectedRows()).isEqualTo(1);
		assertThat(imports.rejected(actor, levels.id(), 10).get(0).reasons()).startsWith("Service level: ");
		assertThat(jdbc.queryForObject("select service_level from contract where external_id = ?", String.class,
				gold)).isEqualTo("Gold");
	}

	@Test
	void theMarkChosenWhenMappingOverridesTheDetectedOneAndIsShownInThePreview() {
		Actor actor = data.actor(data.user(data.team(), Role.MANAGER));
		String sku = TestData.unique("P");
		ImportJob job = imports.upload(actor, "products", "p.csv", new java.io.ByteArrayInputStream(
				("SKU;Name;Unit Price\n" + sku + ";Mutter;1,500\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(job.decimalMark()).isEqualTo(DecimalMark.COMMA);
		assertThat((BigDecimal) imports.preview(actor, job.id()).get(0).values().get("unitPrice"))
			.isEqualByComparingTo("1.5");

		imports.configure(actor, job.id(), job.mapping(), DuplicateMode.SKIP, MatchBy.NUMBER, DecimalMark.POINT, null);

		assertThat(imports.job(actor, job.id()).decimalMark()).isEqualTo(DecimalMark.POINT);
		assertThat((BigDecimal) imports.preview(actor, job.id()).get(0).values().get("unitPrice"))
			.isEqualByComparingTo("1500");
	}

	@Test
	void anImportedOrderIsStoredAsTheSameOrderEnteredThroughTheApiWithUuidV7Lines() throws Exception {
		User manager = data.user(data.team(), Role.MANAGER);
		Actor actor = data.actor(manager);
		String account = account(actor);
		String sku = TestData.unique("YEN");
		importFile(actor, "products", "SKU,Name,Unit Price,Currency\n" + sku + ",Tee,100,JPY\n",
				MatchBy.NUMBER);
		UUID accountId = jdbc.queryForObject("select id from account where name = ?", UUID.class, account);
		UUID productId = jdbc.queryForObject("select id from product where sku = ?", UUID.class, sku);
		String typed = TestData.unique("WEB");
		mvc.perform(post("/api/v1/orders").with(data.as(manager)).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"accountId": "%s", "orderDate": "2026-03-01", "notes": "%s",
					 "lines": [{"productId": "%s", "quantity": 1, "unitPrice": 1234.5}]}
					""".formatted(accountId, typed, productId)))
			.andExpect(status().isCreated());
		String imported = TestData.unique("CSV");

		ImportJob job = importFile(actor, "orders", "Order ID,Account,Product,Quantity,Unit Price,"
				+ "Currency,Order Date\n" + imported + "," + account + "," + sku + ",1,1234.5,JPY,2026-03-01\n",
				MatchBy.EXTERNAL_ID);

		assertThat(job.status()).isEqualTo(Status.DONE);
		String query = "select o.total, l.unit_price, l.id from sales_order o join sales_order_line l on "
				+ "l.order_id = o.id where ";
		Map<String, Object> entered = jdbc.queryForMap(query + "o.notes = ?", typed);
		Map<String, Object> fromFile = jdbc.queryForMap(query + "o.external_id = ?", imported);
		assertThat((BigDecimal) fromFile.get("total")).isEqualByComparingTo((BigDecimal) entered.get("total"));
		assertThat((BigDecimal) fromFile.get("unit_price"))
			.isEqualByComparingTo((BigDecimal) entered.get("unit_price"));
		assertThat(((UUID) fromFile.get("id")).version()).isEqualTo(7);
	}

	@Test
	void pricesAmountsAndValuesAreRoundedToTheirCurrencyAsTheirPagesRoundThem() {
		Actor actor = data.actor(data.user(data.team(), Role.MANAGER));
		String account = account(actor);
		String sku = TestData.unique("YEN");
		importFile(actor, "products", "SKU,Name,Unit Price,Currency\n" + sku + ",Tee,1234.5,JPY\n",
				MatchBy.NUMBER);
		String deal = TestData.unique("Yen deal");
		importFile(actor, "opportunities", "Name,Account,Amount,Currency,Close Date\n" + deal + ","
				+ account + ",1235.5,JPY,2026-05-31\n", MatchBy.NAME);
		String contract = TestData.unique("YV");
		importFile(actor, "contracts", "External ID,Account,Start Date,End Date,Value,Currency\n" + contract
				+ "," + account + ",2026-01-01,2026-12-31,10.005,EUR\n", MatchBy.EXTERNAL_ID);

		// Money rounds half to even, as every form does
		assertThat(amount("select unit_price from product where sku = ?", sku)).isEqualByComparingTo("1234");
		assertThat(amount("select amount from opportunity where name = ?", deal)).isEqualByComparingTo("1236");
		assertThat(amount("select contract_value from contract where external_id = ?", contract))
			.isEqualByComparingTo("10.00");
	}

	@Test
	void anImplausibleCloseDateAmountOrCurrencyIsRejectedWithTheFormsMessage() {
		Actor actor = data.actor(data.user(data.team(), Role.MANAGER));
		String account = account(actor);
		ImportJob job = importFile(actor, "opportunities",
				"Name,Account,Amount,Currency,Close Date\n" + TestData.unique("Early") + "," + account
						+ ",100,EUR,1900-01-01\n" + TestData.unique("Huge") + "," + account
						+ ",1000000000000000,EUR,2026-06-30\n" + TestData.unique("Odd") + "," + account
						+ ",100,QQQ,2026-06-30\n" + TestData.unique("Fine") + "," + account + ",100,EUR,2026-06-30\n",
				MatchBy.NAME);
		assertThat(job.createdRows()).isEqualTo(1);
		assertThat(imports.rejected(actor, job.id(), 10)).extracting(ImportJobs.RejectedRow::reasons)
			.containsExactly("Close date: Enter a date after 1900-01-01 and before 2200-01-01",
					"Amount: Enter an amount from 0 to 9,999,999,999,999.99",
					"Currency (ISO code): Not a known ISO 4217 currency code; use one such as EUR or USD");

		String sku = TestData.unique("BIG");
		importFile(actor, "products", "SKU,Name,Unit Price,Currency\n" + sku + ",Big,5000000000000,EUR\n",
				MatchBy.NUMBER);
		ImportJob orders = importFile(actor.inLocale(Locale.SIMPLIFIED_CHINESE), "orders",
				"External ID,Account,Order Date,Product,Quantity\n" + TestData.unique("ORD") + "," + account
						+ ",2026-03-01," + sku + ",3\n",
				MatchBy.EXTERNAL_ID);
		assertThat(orders.createdRows()).isZero();
		assertThat(imports.rejected(actor, orders.id(), 10).get(0).reasons())
			.contains("数量乘以单价必须小于 10,000,000,000,000。");
	}

	@Test
	void phonesEmailsAndWebsitesTheFormsRefuseAreRejectedWithTheFormsMessage() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String contact = TestData.unique("Phone");
		ImportJob contacts = importFile(actor, "contacts", "Last Name,Phone,E-mail\n" + contact
				+ ",abc-phone,\n" + TestData.unique("Mail") + ",,someone@localhost\n" + TestData.unique("Fine")
				+ ",+49 40 123456,fine@example.com\n", MatchBy.NAME);
		assertThat(contacts.createdRows()).isEqualTo(1);
		assertThat(imports.rejected(actor, contacts.id(), 10)).extracting(ImportJobs.RejectedRow::reasons)
			.containsExactly("Phone: must be a phone number: digits, spaces and + ( ) . / -",
					"E-mail: must be an e-mail address such as name@example.com");
		assertThat(jdbc.queryForObject("select count(*) from contact where last_name = ?", Integer.class, contact))
			.isZero();

		ImportJob accounts = importFile(actor.inLocale(Locale.SIMPLIFIED_CHINESE), "accounts",
				"Name,Website,Phone\n" + TestData.unique("网站") + ",not a site,\n" + TestData.unique("电话")
						+ ",,电话号码\n",
				MatchBy.NAME);
		assertThat(imports.rejected(actor, accounts.id(), 10)).extracting(ImportJobs.RejectedRow::reasons)
			.containsExactly("网站：必须是网址，例如 example.com 或 https://example.com",
					"电话：必须是电话号码：数字、空格及 + ( ) . / -");

		ImportJob leads = importFile(actor, "leads", "Last Name,Phone\n" + TestData.unique("Lead")
				+ ",call me\n", MatchBy.NAME);
		assertThat(imports.rejected(actor, leads.id(), 10).get(0).reasons())
			.isEqualTo("Phone: must be a phone number: digits, spaces and + ( ) . / -");
	}

	@Test
	void choicesAndTheDefaultStagesAreReadByTheirChineseNamesAndEveryReasonIsInTheUsersLanguage() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES)).inLocale(Locale.SIMPLIFIED_CHINESE);
		String lead = TestData.unique("王");
		String lukewarm = TestData.unique("李");
		ImportJob leads = importFile(actor, "leads", "姓,评级\n" + lead + ",温热\n" + lukewarm + ",Lukewarm\n",
				MatchBy.NAME);
		assertThat(jdbc.queryForObject("select rating from lead where last_name = ?", String.class, lead))
			.isEqualTo("WARM");
		// a rating that is not ours leaves the lead without one, and says so
		assertThat(leads.rejectedRows()).isZero();
		assertThat(jdbc.queryForObject("select rating from lead where last_name = ?", String.class, lukewarm))
			.isNull();
		assertThat(imports.notices(actor, leads.id(), 10).get(0).notices())
			.isEqualTo("评级：“Lukewarm”不是可选值之一，已略去");

		String account = account(actor);
		String deal = TestData.unique("商机");
		ImportJob opportunities = importFile(actor, "opportunities", "商机名称,客户,阶段,金额,预计成交日期\n"
				+ deal + "," + account + ",商务谈判,100,2026-06-30\n" + TestData.unique("商机") + "," + account
				+ ",输单,100,2026-06-30\n", MatchBy.NAME);
		assertThat(jdbc.queryForObject("select s.name from opportunity o join pipeline_stage s on s.id = o.stage_id "
				+ "where o.name = ?", String.class, deal)).isEqualTo("Negotiation");
		// a deal lost in the old system comes lost, and says that the file gives no reason
		assertThat(opportunities.rejectedRows()).isZero();
		assertThat(imports.notices(actor, opportunities.id(), 10).get(0).notices())
			.isEqualTo("输单原因：文件中未给出；商机以“输单”阶段导入，未填原因");
	}

	private BigDecimal amount(String sql, Object argument) {
		return jdbc.queryForObject(sql, BigDecimal.class, argument);
	}
}
