package org.rapport.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Records that an import writes in JDBC batches are found by the global search, with the values of a later
 * import that updates them, and leave it when the import is undone.
 */
@RapportTest
class ImportedRecordsSearchIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Indexing indexing;

	@Test
	void importedAccountsContactsLeadsProductsAndOpportunitiesAreFoundByTheSearch() throws Exception {
		String token = data.bearer(data.user(data.team(), Role.MANAGER));
		String account = GlobalSearchIntegrationTests.word();
		String contact = GlobalSearchIntegrationTests.word();
		String lead = GlobalSearchIntegrationTests.word();
		String product = GlobalSearchIntegrationTests.word();
		importFile(token, "accounts", "Account Name\n" + GlobalSearchIntegrationTests.capital(account) + " Trading\n",
				"SKIP", "NAME");
		importFile(token, "contacts", "Last Name\n" + GlobalSearchIntegrationTests.capital(contact) + "\n", "SKIP",
				"NAME");
		importFile(token, "leads", "Last Name,Company\nWang," + GlobalSearchIntegrationTests.capital(lead) + " Co\n",
				"SKIP", "NAME");
		importFile(token, "products", "SKU,Name,Price\n" + TestData.unique("S") + ","
				+ GlobalSearchIntegrationTests.capital(product) + " Tea,9\n", "SKIP", "NUMBER");

		assertThat(kindsFound(token, account)).containsExactly("account");
		assertThat(kindsFound(token, contact)).containsExactly("contact");
		assertThat(kindsFound(token, lead)).containsExactly("lead");
		assertThat(kindsFound(token, product)).containsExactly("product");

		String opportunity = GlobalSearchIntegrationTests.word();
		String externalId = TestData.unique("OPP");
		importFile(token, "opportunities", "External ID,Opportunity Name,Account,Amount,Close Date\n" + externalId + ","
				+ GlobalSearchIntegrationTests.capital(opportunity) + " Rollout," + GlobalSearchIntegrationTests
					.capital(account) + " Trading,5000,2026-12-31\n", "SKIP", "EXTERNAL_ID");
		assertThat(kindsFound(token, opportunity)).containsExactly("opportunity");
		String hits = mvc.perform(get("/api/v1/search").param("q", opportunity).header("Authorization", token))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(hits, "$.items[0].id");
		mvc.perform(get("/api/v1/opportunities/" + id).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.externalId").value(externalId))
			.andExpect(jsonPath("$.amount.amount").value(5000));
	}

	@Test
	void anImportedOrderIsFoundByTheNumberRapportGaveIt() throws Exception {
		String token = data.bearer(data.user(data.team(), Role.MANAGER));
		String account = GlobalSearchIntegrationTests.word();
		importFile(token, "accounts", "Account Name\n" + GlobalSearchIntegrationTests.capital(account) + " Orders\n",
				"SKIP", "NAME");
		String sku = TestData.unique("SKU");
		importFile(token, "products", "SKU,Product,Unit Price\n" + sku + ",Widget " + sku + ",12\n", "SKIP", "NUMBER");
		String externalId = TestData.unique("PO");
		importFile(token, "orders", "Order ID,Account,Product,Quantity,Order Date\n" + externalId + ","
				+ GlobalSearchIntegrationTests.capital(account) + " Orders," + sku + ",2,2026-06-01\n" + externalId
				+ ",," + sku + ",3,\n", "SKIP", "EXTERNAL_ID");
		String number = jdbc.queryForObject("select number from sales_order where external_id = ?", String.class,
				externalId);

		assertThat(kindsFound(token, number)).contains("order");
	}

	@Test
	void anImportedContractIsFoundByTheNumberRapportGaveItAndShowsItsExternalId() throws Exception {
		String token = data.bearer(data.user(data.team(), Role.SALES));
		String account = GlobalSearchIntegrationTests.word();
		importFile(token, "accounts", "Account Name\n" + GlobalSearchIntegrationTests.capital(account) + " Trading\n",
				"SKIP", "NAME");
		String externalId = TestData.unique("CON");
		importFile(token, "contracts", "External ID,Account,Start Date,End Date,Value\n" + externalId + ","
				+ GlobalSearchIntegrationTests.capital(account) + " Trading,2099-01-01,2099-12-31,5000\n", "SKIP",
				"EXTERNAL_ID");
		java.util.Map<String, Object> contract = jdbc.queryForMap("select id, number from contract where external_id = ?",
				externalId);
		String number = (String) contract.get("number");

		assertThat(kindsFound(token, number)).contains("contract");
		mvc.perform(get("/api/v1/contracts/" + contract.get("id")).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.externalId").value(externalId))
			.andExpect(jsonPath("$.number").value(number))
			.andExpect(jsonPath("$.status").value("DRAFT"));
	}

	@Test
	void aRecordAnImportUpdatesIsFoundByItsNewValues() throws Exception {
		String token = data.bearer(data.user(data.team(), Role.SALES));
		String before = GlobalSearchIntegrationTests.word();
		String after = GlobalSearchIntegrationTests.word();
		String id = TestData.unique("EXT");
		importFile(token, "accounts", "External ID,Account Name\n" + id + "," + GlobalSearchIntegrationTests.capital(before)
				+ "\n", "SKIP", "EXTERNAL_ID");
		assertThat(kindsFound(token, before)).containsExactly("account");

		importFile(token, "accounts", "External ID,Account Name\n" + id + "," + GlobalSearchIntegrationTests.capital(after)
				+ "\n", "UPDATE", "EXTERNAL_ID");

		assertThat(kindsFound(token, after)).containsExactly("account");
		assertThat(search(token, before)).isEmpty();
	}

	@Test
	void anUndoneImportLeavesTheSearch() throws Exception {
		String token = data.bearer(data.user(data.team(), Role.SALES));
		String lead = GlobalSearchIntegrationTests.word();
		String id = importFile(token, "leads", "Last Name\n" + GlobalSearchIntegrationTests.capital(lead) + "\n", "SKIP",
				"NAME");
		assertThat(kindsFound(token, lead)).containsExactly("lead");

		mvc.perform(post("/api/v1/imports/" + id + "/undo").header("Authorization", token))
			.andExpect(status().isOk());

		indexing.settle();
		assertThat(search(token, lead)).isEmpty();
	}

	private String importFile(String token, String entity, String csv, String mode, String matchBy) throws Exception {
		String started = mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", entity + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("entity", entity)
			.param("duplicateMode", mode)
			.param("matchBy", matchBy)
			.header("Authorization", token))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(started, "$.id");
		String body = "";
		for (int i = 0; i < 600 && !body.contains("\"DONE\""); i++) {
			Thread.sleep(20);
			body = mvc.perform(get("/api/v1/imports/" + id).header("Authorization", token))
				.andReturn().getResponse().getContentAsString();
		}
		assertThat(body).contains("\"DONE\"").contains("\"createdRows\"");
		return id;
	}

	/** The kinds of the hits once the index has taken the import: a listener names its records after each batch. */
	private List<String> kindsFound(String token, String word) throws Exception {
		indexing.settle();
		return search(token, word);
	}

	private List<String> search(String token, String word) throws Exception {
		String body = mvc.perform(get("/api/v1/search").param("q", word).header("Authorization", token))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.items[*].kind");
	}
}
