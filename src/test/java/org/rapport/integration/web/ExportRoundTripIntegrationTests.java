package org.rapport.integration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every list's export comes back: imported unchanged and without a mapping, it matches each row with its record by
 * id and changes nothing; with one cell changed, exactly that change lands.
 */
@RapportTest
class ExportRoundTripIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void accountsComeBackIntoTheSameAccounts() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String tag = TestData.unique("Round");
		for (String suffix : List.of("A", "B")) {
			create(seller, "/api/v1/accounts", """
					{"externalId": "%s", "name": "%s", "type": "COMPANY", "industry": "RETAIL", "phone": "+49 40 1",
					 "billingAddress": {"street": "Hafenstraße 1", "city": "Hamburg", "country": "DE"},
					 "description": "first, \\"quoted\\" line"}""".formatted(tag + suffix, tag + " " + suffix));
		}
		roundTrip(seller, "accounts", "/accounts/export.csv?q=" + tag, 2, "billing_city", "Lübeck",
				"/api/v1/accounts", "$.billingAddress.city");
	}

	@Test
	void contactsComeBackIntoTheSameContactsAtTheirOwnAccountEvenWhenTwoAccountsShareAName() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String tag = TestData.unique("Twin");
		String first = create(seller, "/api/v1/accounts", TestData.accountJson(tag));
		String second = create(seller, "/api/v1/accounts", """
				{"externalId": "%s", "name": "%s", "type": "COMPANY"}""".formatted(tag + "-ext", tag));
		String last = TestData.unique("Person");
		create(seller, "/api/v1/contacts", """
				{"lastName": "%s", "firstName": "Ada", "accountId": "%s", "email": "%s@example.com"}"""
			.formatted(last, first, last.toLowerCase()));
		create(seller, "/api/v1/contacts", """
				{"lastName": "%s", "firstName": "Grace", "accountId": "%s", "doNotContact": true}"""
			.formatted(last, second));

		String csv = export(seller, "/contacts/export.csv?q=" + last);
		assertThat(csv).contains(first, tag + "-ext");
		roundTrip(seller, "contacts", "/contacts/export.csv?q=" + last, 2, "title", "CTO", "/api/v1/contacts",
				"$.title");
		mvc.perform(get("/api/v1/contacts").param("q", last).header("Authorization", data.bearer(seller)))
			.andExpect(jsonPath("$.items[?(@.firstName == 'Ada')].accountId").value(first))
			.andExpect(jsonPath("$.items[?(@.firstName == 'Grace')].accountId").value(second));
	}

	@Test
	void leadsComeBackIntoTheSameLeads() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String last = TestData.unique("Lead");
		create(seller, "/api/v1/leads", """
				{"lastName": "%s", "firstName": "Ada", "company": "Engines", "rating": "HOT", "source": "WEBSITE",
				 "notes": "met at the fair"}""".formatted(last));
		create(seller, "/api/v1/leads", """
				{"lastName": "%s", "externalId": "%s", "email": "%s@example.com"}"""
			.formatted(last, last + "-ext", last.toLowerCase()));
		roundTrip(seller, "leads", "/leads/export.csv?q=" + last, 2, "company", "Analytical Engines",
				"/api/v1/leads", "$.company");
	}

	@Test
	void leadsComeBackWithTheirStatusReasonAndTheRecordsTheyWereConvertedInto() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String last = TestData.unique("Status");
		create(seller, "/api/v1/leads", """
				{"lastName": "%s", "firstName": "Ada", "status": "NEW"}""".formatted(last));
		create(seller, "/api/v1/leads", """
				{"lastName": "%s", "firstName": "Bea", "status": "DISQUALIFIED",
				 "disqualifiedReason": "No budget, \\"maybe\\" next year"}""".formatted(last));
		String cy = create(seller, "/api/v1/leads", """
				{"lastName": "%s", "firstName": "Cy", "company": "%s", "status": "QUALIFIED"}"""
			.formatted(last, TestData.unique("Cy Co")));
		String dee = create(seller, "/api/v1/leads", """
				{"lastName": "%s", "firstName": "Dee", "status": "QUALIFIED"}""".formatted(last));
		String account = create(seller, "/api/v1/accounts", """
				{"externalId": "%s", "name": "%s", "type": "COMPANY"}"""
			.formatted(last + "-account", TestData.unique("Dee Co")));
		String token = data.bearer(seller);
		mvc.perform(post("/api/v1/leads/" + cy + "/convert").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"opportunity": {"name": "First order", "amount": 500, "currency": "EUR", "closeDate": "%s"}}"""
				.formatted(LocalDate.now().plusMonths(1))))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/leads/" + dee + "/convert").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"accountId": "%s"}""".formatted(account)))
			.andExpect(status().isOk());
		String path = "/leads/export.csv?q=" + last;

		List<CSVRecord> records = parse(export(seller, path));
		assertThat(records).extracting(r -> r.get("status"))
			.containsExactly("NEW", "DISQUALIFIED", "CONVERTED", "CONVERTED");
		assertThat(records.get(1).get("disqualified_reason")).isEqualTo("No budget, \"maybe\" next year");
		String cyLead = read(seller, "/api/v1/leads/" + cy);
		assertThat(records.get(2).get("converted_account"))
			.isEqualTo(JsonPath.read(cyLead, "$.conversion.accountId"));
		assertThat(records.get(2).get("converted_contact"))
			.isEqualTo(JsonPath.read(cyLead, "$.conversion.contactId"));
		assertThat(records.get(2).get("converted_opportunity"))
			.isEqualTo(JsonPath.read(cyLead, "$.conversion.opportunityId"));
		assertThat(records.get(2).get("converted_at")).isNotEmpty();
		// an account with an external id is named by it, as every export names it
		assertThat(records.get(3).get("converted_account")).isEqualTo(last + "-account");
		assertThat(records.get(3).get("converted_opportunity")).isEmpty();
		roundTrip(seller, "leads", path, 4, "company", "Analytical Engines", "/api/v1/leads", "$.company");

		// a status the file changes moves the lead by its own rules; a converted lead stays as it is
		String csv = export(seller, path);
		Map<String, Object> moved = importFile(seller, "leads", withCell(withCell(csv, 0, "status", "QUALIFIED"), 2,
				"status", "NEW"));
		assertThat(moved).containsEntry("updatedRows", 1).containsEntry("unchangedRows", 2)
			.containsEntry("rejectedRows", 1);
		assertThat(JsonPath.read(read(seller, "/api/v1/leads/" + records.get(0).get("id")), "$.status").toString())
			.isEqualTo("QUALIFIED");
		assertThat(JsonPath.read(read(seller, "/api/v1/leads/" + cy), "$.status").toString()).isEqualTo("CONVERTED");
	}

	@Test
	void opportunitiesComeBackIntoTheSameOpportunitiesWithTheirAccountAndStage() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String tag = TestData.unique("Deals");
		String account = create(seller, "/api/v1/accounts", TestData.accountJson(tag));
		create(seller, "/api/v1/accounts", """
				{"externalId": "%s", "name": "%s", "type": "COMPANY"}""".formatted(tag + "-ext", tag));
		create(seller, "/api/v1/opportunities", """
				{"accountId": "%s", "name": "%s one", "amount": 1200.50, "currency": "EUR", "closeDate": "%s",
				 "probability": 35}""".formatted(account, tag, LocalDate.now().plusMonths(2)));
		create(seller, "/api/v1/opportunities", """
				{"accountExternalId": "%s", "name": "%s two", "amount": 99, "currency": "USD", "closeDate": "%s"}"""
			.formatted(tag + "-ext", tag, LocalDate.now().plusMonths(3)));
		roundTrip(seller, "opportunities", "/opportunities/export.csv?q=" + tag, 2, "name", tag + " one renewed",
				"/api/v1/opportunities", "$.name");
	}

	@Test
	void productsComeBackIntoTheSameProducts() throws Exception {
		User manager = data.user(data.team(), Role.MANAGER);
		String sku = TestData.unique("RT");
		create(manager, "/api/v1/products", """
				{"sku": "%s-1", "name": "Widget", "unitPrice": 12.5, "currency": "EUR", "category": "Parts"}"""
			.formatted(sku));
		create(manager, "/api/v1/products", """
				{"sku": "%s-2", "externalId": "%s", "name": "Gadget", "unitPrice": 3, "currency": "USD",
				 "active": false}""".formatted(sku, sku + "-ext"));
		roundTrip(manager, "products", "/products/export.csv?q=" + sku, 2, "name", "Widget Pro", "/api/v1/products",
				"$.name");
	}

	@Test
	void contractsComeBackIntoTheSameContracts() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String account = create(seller, "/api/v1/accounts", TestData.accountJson(TestData.unique("Contracts")));
		LocalDate today = LocalDate.now();
		create(seller, "/api/v1/contracts", """
				{"accountId": "%s", "startDate": "%s", "endDate": "%s", "value": 1200, "currency": "EUR",
				 "autoRenew": true, "renewalNoticeDays": 45, "description": "support"}"""
			.formatted(account, today.minusMonths(1), today.plusYears(1)));
		create(seller, "/api/v1/contracts", """
				{"accountId": "%s", "externalId": "%s", "startDate": "%s", "endDate": "%s", "value": 800,
				 "currency": "EUR", "autoRenew": false, "renewalNoticeDays": 30}"""
			.formatted(account, TestData.unique("C"), today.plusMonths(1), today.plusYears(2)));
		roundTrip(seller, "contracts", "/contracts/export.csv?account=" + account, 2, "description", "premium support",
				"/api/v1/contracts", "$.description");
	}

	@Test
	void ordersComeBackIntoTheSameOrdersLineByLine() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		Orders orders = orders(seller);
		String path = "/orders/export.csv?account=" + orders.account();
		String csv = export(seller, path);
		List<CSVRecord> records = parse(csv);
		// one row per line, the draft (the newer date) first
		assertThat(records).extracting(r -> r.get("id"))
			.containsExactly(orders.draft(), orders.confirmed(), orders.confirmed());
		assertThat(records).extracting(r -> r.get("product"))
			.containsExactly(orders.sku() + "-1", orders.sku() + "-1", orders.sku() + "-2");
		assertThat(records.get(1).get("external_id")).isEqualTo(orders.sku() + "-ext");
		assertThat(records.get(1).get("status")).isEqualTo("CONFIRMED");
		assertThat(records.get(2).get("line_amount")).isEqualTo("9.00");

		Map<String, Object> unchanged = importFile(seller, "orders", csv);
		assertThat(unchanged).containsEntry("createdRows", 0).containsEntry("updatedRows", 0)
			.containsEntry("rejectedRows", 0).containsEntry("unchangedRows", 3).containsEntry("matchBy", "ID");
		assertThat(export(seller, path)).isEqualTo(csv);

		String version = JsonPath.read(read(seller, "/api/v1/orders/" + orders.draft()), "$.version").toString();
		Map<String, Object> changed = importFile(seller, "orders", withCell(csv, 0, "quantity", "5"));
		assertThat(changed).containsEntry("createdRows", 0).containsEntry("updatedRows", 1)
			.containsEntry("unchangedRows", 2).containsEntry("rejectedRows", 0);
		String after = read(seller, "/api/v1/orders/" + orders.draft());
		assertThat(JsonPath.read(after, "$.lines[0].quantity").toString()).isIn("5", "5.0", "5.00", "5.0000");
		// the total is the order's own sum of its lines
		assertThat(JsonPath.read(after, "$.total").toString()).isIn("62.5", "62.50");
		assertThat(JsonPath.read(after, "$.version").toString())
			.isEqualTo(String.valueOf(Long.parseLong(version) + 1));
		List<CSVRecord> again = parse(export(seller, path));
		assertThat(again.get(0).get("quantity")).isEqualTo(records.get(0).get("quantity").replace("2", "5"));
		assertThat(again.get(0).get("total")).isEqualTo("62.50");
		assertThat(again.subList(1, 3).stream().map(CSVRecord::toMap).toList())
			.isEqualTo(records.subList(1, 3).stream().map(CSVRecord::toMap).toList());
	}

	@Test
	void aConfirmedOrderComesBackWithItsStatusMovedButItsLinesAsTheyAre() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		Orders orders = orders(seller);
		String path = "/orders/export.csv?account=" + orders.account();
		String csv = export(seller, path);

		Map<String, Object> refused = importFile(seller, "orders", withCell(csv, 2, "unit_price", "4.00"));
		assertThat(refused).containsEntry("updatedRows", 0).containsEntry("unchangedRows", 1)
			.containsEntry("rejectedRows", 2);
		assertThat(mvc.perform(get("/api/v1/imports/" + refused.get("id") + "/rejected.csv")
			.header("Authorization", data.bearer(seller)))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("is left as it was: Only a draft order may change; this one is CONFIRMED");
		assertThat(export(seller, path)).isEqualTo(csv);

		String fulfilled = withCell(withCell(csv, 1, "status", "FULFILLED"), 2, "status", "FULFILLED");
		Map<String, Object> moved = importFile(seller, "orders", fulfilled);
		assertThat(moved).containsEntry("updatedRows", 2).containsEntry("unchangedRows", 1)
			.containsEntry("rejectedRows", 0);
		assertThat(JsonPath.read(read(seller, "/api/v1/orders/" + orders.confirmed()), "$.status").toString())
			.isEqualTo("FULFILLED");

		Map<String, Object> backwards = importFile(seller, "orders", csv);
		assertThat(backwards).containsEntry("updatedRows", 0).containsEntry("rejectedRows", 2);
		assertThat(JsonPath.read(read(seller, "/api/v1/orders/" + orders.confirmed()), "$.status").toString())
			.isEqualTo("FULFILLED");
	}

	/** Two orders of one account: a draft of one line, and a confirmed one of two lines with an external id. */
	private record Orders(String account, String sku, String draft, String confirmed) {
	}

	private Orders orders(User seller) throws Exception {
		User manager = data.user(data.team(), Role.MANAGER);
		String sku = TestData.unique("OL");
		String widget = create(manager, "/api/v1/products", """
				{"sku": "%s-1", "name": "Widget", "unitPrice": 12.5, "currency": "EUR"}""".formatted(sku));
		String gadget = create(manager, "/api/v1/products", """
				{"sku": "%s-2", "name": "Gadget", "unitPrice": 3, "currency": "EUR"}""".formatted(sku));
		String account = create(seller, "/api/v1/accounts", TestData.accountJson(TestData.unique("Orders")));
		LocalDate today = LocalDate.now();
		String draft = create(seller, "/api/v1/orders", """
				{"accountId": "%s", "orderDate": "%s", "currency": "EUR", "notes": "first, \\"quoted\\"",
				 "lines": [{"productId": "%s", "quantity": 2}]}""".formatted(account, today, widget));
		String confirmed = create(seller, "/api/v1/orders", """
				{"accountId": "%s", "externalId": "%s-ext", "orderDate": "%s", "currency": "EUR",
				 "lines": [{"productId": "%s", "quantity": 1, "unitPrice": 10}, {"productId": "%s", "quantity": 3}]}"""
			.formatted(account, sku, today.minusDays(3), widget, gadget));
		mvc.perform(post("/api/v1/orders/" + confirmed + "/confirm").header("Authorization", data.bearer(seller)))
			.andExpect(status().isOk());
		return new Orders(account, sku, draft, confirmed);
	}

	/**
	 * Exports the list, imports the file as it is (nothing created or changed, every row unchanged), then with the
	 * column's cell of the first row changed: that record, and only it, takes the new value.
	 */
	private void roundTrip(User user, String entity, String exportPath, int rows, String column, String value,
			String apiPath, String field) throws Exception {
		String csv = export(user, exportPath);
		List<CSVRecord> records = parse(csv);
		assertThat(records).hasSize(rows);
		Map<String, Object> unchanged = importFile(user, entity, csv);
		assertThat(unchanged).containsEntry("createdRows", 0).containsEntry("updatedRows", 0)
			.containsEntry("rejectedRows", 0).containsEntry("unchangedRows", rows).containsEntry("matchBy", "ID");
		assertThat(export(user, exportPath)).isEqualTo(csv);

		String id = records.get(0).get("id");
		String version = JsonPath.read(read(user, apiPath + "/" + id), "$.version").toString();
		Map<String, Object> changed = importFile(user, entity, withCell(csv, column, value));
		assertThat(changed).containsEntry("createdRows", 0).containsEntry("updatedRows", 1)
			.containsEntry("unchangedRows", rows - 1).containsEntry("rejectedRows", 0);
		String after = read(user, apiPath + "/" + id);
		assertThat(JsonPath.read(after, field).toString()).isEqualTo(value);
		assertThat(JsonPath.read(after, "$.version").toString()).isEqualTo(String.valueOf(Long.parseLong(version) + 1));
		Map<String, Map<String, String>> others = new HashMap<>();
		records.stream().filter(r -> !r.get("id").equals(id)).forEach(r -> others.put(r.get("id"), r.toMap()));
		Map<String, Map<String, String>> othersAfter = new HashMap<>();
		parse(export(user, exportPath)).stream()
			.filter(r -> !r.get("id").equals(id))
			.forEach(r -> othersAfter.put(r.get("id"), r.toMap()));
		assertThat(othersAfter).isEqualTo(others);
	}

	/** Imports the file through the API without a mapping, updating what matches, and answers the finished job. */
	private Map<String, Object> importFile(User user, String entity, String csv) throws Exception {
		String token = data.bearer(user);
		String id = JsonPath.read(mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", entity + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("entity", entity)
			.param("duplicateMode", "UPDATE")
			.header("Authorization", token))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString(), "$.id");
		return JsonPath.read(FinishedImports.awaitDone(mvc, token, id), "$");
	}

	private String create(User user, String path, String json) throws Exception {
		return JsonPath.read(mvc.perform(post(path).header("Authorization", data.bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.id");
	}

	private String read(User user, String path) throws Exception {
		return mvc.perform(get(path).header("Authorization", data.bearer(user)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private String export(User user, String path) throws Exception {
		return mvc.perform(get(path).with(data.as(user)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static List<CSVRecord> parse(String csv) throws Exception {
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(csv.replace("\uFEFF", "")))) {
			return parser.getRecords();
		}
	}

	/** The file with the column's cell of the first row replaced. */
	private static String withCell(String csv, String column, String value) throws Exception {
		return withCell(csv, 0, column, value);
	}

	/** The file with the column's cell of the row (counted from 0) replaced. */
	private static String withCell(String csv, int row, String column, String value) throws Exception {
		StringWriter out = new StringWriter();
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(csv.replace("\uFEFF", "")));
				CSVPrinter printer = CSVFormat.DEFAULT.builder()
					.setHeader(parser.getHeaderNames().toArray(String[]::new))
					.get()
					.print(out)) {
			int index = 0;
			for (CSVRecord record : parser) {
				List<String> cells = new ArrayList<>(record.toList());
				if (index++ == row) {
					cells.set(parser.getHeaderNames().indexOf(column), value);
				}
				printer.printRecord(cells);
			}
		}
		return out.toString();
	}
}
