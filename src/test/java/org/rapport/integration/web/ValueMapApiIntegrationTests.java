package org.rapport.integration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Files in Salesforce's vocabulary imported through the API: its probabilities written as decimals and its stage
 * names land as ours, its pick-list values that are not ours are mapped by the value map or left out with a notice,
 * and never cost the row.
 */
@RapportTest
class ValueMapApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	private static final String ACCOUNTS = "Name,Type,Industry,BillingCity\n"
			+ "%1$s Foods,Customer - Direct,Food & Beverage,Chicago\n"
			+ "%1$s Wear,Prospect,Apparel,Boston\n"
			+ "%1$s Trust,Customer - Channel,Not For Profit,Austin\n";

	@Test
	void salesforceAccountsWhosePickListValuesAreNotOursAreImportedWithoutThemAndANoticeEach() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String token = data.bearer(seller);
		String tag = TestData.unique("SF");

		String id = start(token, "accounts", ACCOUNTS.formatted(tag), request -> request);
		String body = awaitDone(token, id);

		assertThat(body).contains("\"createdRows\":3", "\"rejectedRows\":0", "\"noticeRows\":3");
		assertThat(account(tag + " Foods")).containsEntry("industry", "FOOD_AND_BEVERAGE")
			.containsEntry("type", "COMPANY").containsEntry("billing_city", "Chicago");
		assertThat(account(tag + " Wear")).containsEntry("industry", null);
		assertThat(account(tag + " Trust")).containsEntry("industry", "NON_PROFIT");
		String notices = mvc.perform(get("/api/v1/imports/" + id + "/notices.csv").header("Authorization", token))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(notices).startsWith("\uFEFFline,Name,Type,Industry,BillingCity,notices")
			.contains("2," + tag + " Foods,Customer - Direct,Food & Beverage,Chicago,"
					+ "Type: 'Customer - Direct' is not one of ours; left out")
			.contains("Type: 'Prospect' is not one of ours; left out; Industry: 'Apparel' is not one of ours; left out")
			.contains("Type: 'Customer - Channel' is not one of ours; left out");
	}

	@Test
	void aValueMapSaysWhatSalesforcesPickListValuesStandForAndTheRowsLandWithoutNotices() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String token = data.bearer(seller);
		String tag = TestData.unique("SF");
		String valueMap = """
				{"industry": {"Food & Beverage": "RETAIL", "apparel": "Retail"},
				 "type": {"Customer - Direct": "COMPANY", "Customer - Channel": "COMPANY", "Prospect": ""}}""";

		String id = start(token, "accounts", ACCOUNTS.formatted(tag), request -> request.param("valueMap", valueMap));
		String body = awaitDone(token, id);

		assertThat(body).contains("\"createdRows\":3", "\"noticeRows\":0");
		Map<String, Object> industry = JsonPath.read(body, "$.valueMap.industry");
		assertThat(industry)
			.containsEntry("Food & Beverage", "RETAIL").containsEntry("apparel", "RETAIL");
		assertThat((String) JsonPath.read(body, "$.valueMap.type.Prospect")).isEmpty();
		assertThat(account(tag + " Foods")).containsEntry("industry", "RETAIL").containsEntry("type", "COMPANY");
		assertThat(account(tag + " Wear")).containsEntry("industry", "RETAIL").containsEntry("type", "COMPANY");
		assertThat(account(tag + " Trust")).as("a value the map leaves alone names its choice")
			.containsEntry("industry", "NON_PROFIT");
	}

	@Test
	void aValueMapForAFieldWithoutChoicesOrWithAValueThatIsNotOneOfThemIsRefusedNamingIt() throws Exception {
		String token = data.bearer(data.user(data.team(), Role.SALES));
		MockMultipartFile file = new MockMultipartFile("file", "accounts.csv", "text/csv",
				"Name,Industry\nAcme,Apparel\n".getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/api/v1/imports").file(file).param("entity", "accounts")
			.param("valueMap", "{\"name\": {\"Acme\": \"Other\"}}").header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("valueMap"))
			.andExpect(jsonPath("$.errors[0].code").value("import.error.valueMapColumn"));
		mvc.perform(multipart("/api/v1/imports").file(file).param("entity", "accounts")
			.param("valueMap", "{\"industry\": {\"Apparel\": \"SPACESHIPS\"}}").header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("import.error.valueMapChoice"));
		mvc.perform(multipart("/api/v1/imports").file(file).param("entity", "accounts")
			.param("valueMap", "[1, 2]").header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("import.error.valueMapJson"));
	}

	@Test
	void salesforceOpportunitiesWithDecimalProbabilitiesAndTheirStageNamesLandInOurStages() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String token = data.bearer(seller);
		String tag = TestData.unique("SF");
		awaitDone(token, start(token, "accounts", "Account Name\n" + tag + " Corp\n", request -> request));
		String file = "Name,Account Name,StageName,Amount,CloseDate,Probability\n"
				+ tag + " A," + tag + " Corp,Closed Won,12000.00,2026-03-31,100.0\n"
				+ tag + " B," + tag + " Corp,Prospecting,5000.00,2026-06-30,10.0\n"
				+ tag + " C," + tag + " Corp,Value Proposition,7000.00,2026-07-31,50.0\n"
				+ tag + " D," + tag + " Corp,Negotiation/Review,9000.00,2026-08-31,90.0\n"
				+ tag + " E," + tag + " Corp,Id. Decision Makers,1000.00,2026-09-30,60.0\n"
				+ tag + " F," + tag + " Corp,Needs Analysis,3000.00,2026-09-30,33.3\n";
		String mapping = """
				{"Name": "name", "Account Name": "account", "StageName": "stage", "Amount": "amount",
				 "CloseDate": "closeDate", "Probability": "probability"}""";
		String valueMap = """
				{"stage": {"Value Proposition": "Proposal", "Negotiation/Review": "negotiation"}}""";

		String id = start(token, "opportunities", file,
				request -> request.param("mapping", mapping).param("valueMap", valueMap));
		String body = awaitDone(token, id);

		assertThat(body).contains("\"createdRows\":4", "\"rejectedRows\":2", "\"noticeRows\":0");
		assertThat(opportunity(tag + " A")).containsEntry("stage", "Closed won").containsEntry("stage_kind", "WON")
			.containsEntry("probability", 100);
		assertThat((BigDecimal) opportunity(tag + " A").get("amount")).isEqualByComparingTo("12000");
		assertThat(opportunity(tag + " B")).containsEntry("stage", "Prospecting").containsEntry("probability", 10);
		assertThat(opportunity(tag + " C")).containsEntry("stage", "Proposal").containsEntry("probability", 50);
		assertThat(opportunity(tag + " D")).containsEntry("stage", "Negotiation").containsEntry("probability", 90);
		String rejected = mvc.perform(get("/api/v1/imports/" + id + "/rejected.csv").header("Authorization", token))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(rejected).contains("Stage: no stage named Id. Decision Makers in the pipeline Sales")
			.contains("Probability (%): 33.3 is not a whole number, and an import does not round it");
	}

	private String start(String token, String entity, String csv,
			UnaryOperator<MockMultipartHttpServletRequestBuilder> more) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", entity + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("entity", entity)
			.param("duplicateMode", "CREATE")
			.param("matchBy", "NAME")
			.header("Authorization", token);
		return JsonPath.read(mvc.perform(more.apply(request))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString(), "$.id");
	}

	private String awaitDone(String token, String id) throws Exception {
		return FinishedImports.awaitDone(mvc, token, id);
	}

	private Map<String, Object> account(String name) {
		return jdbc.queryForMap("select type, industry, billing_city from account where name = ?", name);
	}

	private Map<String, Object> opportunity(String name) {
		return jdbc.queryForMap("select s.name stage, o.stage_kind, o.probability, o.amount from opportunity o "
				+ "join pipeline_stage s on s.id = o.stage_id where o.name = ?", name);
	}
}
