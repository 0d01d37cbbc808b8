package org.rapport.sales.opportunities.web;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.StageKind;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.Products;
import org.rapport.sales.opportunities.internal.Pipeline;
import org.rapport.sales.opportunities.internal.PipelineService;
import org.rapport.sales.opportunities.internal.Stage;
import org.rapport.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
class OpportunityApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	PipelineService pipelines;

	@Autowired
	Products products;

	User seller;
	String token;
	String account;
	Pipeline pipeline;

	@BeforeEach
	void setUp() throws Exception {
		seller = data.user(data.team(), Role.SALES);
		token = data.bearer(seller);
		account = id(create("/api/v1/accounts", TestData.accountJson("Deal Co")));
		pipeline = pipelines.defaultPipeline();
	}

	@Test
	void aNewOpportunityStartsInTheDefaultPipelinesFirstOpenStageWithItsProbability() throws Exception {
		Stage first = pipeline.firstOpenStage();
		String location = create("/api/v1/opportunities", body("First deal", "1000", "EUR", null, List.of()));
		mvc.perform(get(location).header("Authorization", token))
			.andExpect(jsonPath("$.pipelineId").value(pipeline.getId().toString()))
			.andExpect(jsonPath("$.stageId").value(first.getId().toString()))
			.andExpect(jsonPath("$.probability").value(first.getProbability()))
			.andExpect(jsonPath("$.amount.amount").value(1000.0))
			.andExpect(jsonPath("$.amount.currency").value("EUR"));
	}

	@Test
	void withLinesTheAmountIsTheirSumAfterDiscounts() throws Exception {
		Product widget = products.save(new Product(TestData.unique("SKU"), "Widget", null, Money.of("100", "EUR"), null,
				true, seller.userId(), null));
		String line = """
				{"productId": "%s", "quantity": 3, "discountPercent": 10}
				""".formatted(widget.getId());
		String location = create("/api/v1/opportunities", body("Lined deal", "1", "EUR", null, List.of(line)));
		mvc.perform(get(location).header("Authorization", token))
			.andExpect(jsonPath("$.amount.amount").value(270.0))
			.andExpect(jsonPath("$.lines", hasSize(1)))
			.andExpect(jsonPath("$.lines[0].unitPrice").value(100.0));
	}

	@Test
	void movingToALostStageNeedsAReasonAndEveryMoveIsRecorded() throws Exception {
		String location = create("/api/v1/opportunities", body("Moving deal", "500", "USD", null, List.of()));
		Stage proposal = pipeline.getStages().get(3);
		Stage lost = pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.LOST).findFirst().orElseThrow();

		move(location, proposal.getId(), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.probability").value(proposal.getProbability()));
		move(location, lost.getId(), null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("lostReason"));
		move(location, lost.getId(), "Chose a competitor").andExpect(status().isOk())
			.andExpect(jsonPath("$.stageKind").value("LOST"))
			.andExpect(jsonPath("$.probability").value(0))
			.andExpect(jsonPath("$.lostReason").value("Chose a competitor"));
		mvc.perform(get(location + "/history").header("Authorization", token))
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[0].leftAt").isNotEmpty())
			.andExpect(jsonPath("$[2].stageId").value(lost.getId().toString()))
			.andExpect(jsonPath("$[2].leftAt").doesNotExist());
	}

	@Test
	void aStaleIfMatchAnswers412AndAnotherTeamsOpportunityAnswers404() throws Exception {
		String location = create("/api/v1/opportunities", body("Guarded deal", "10", "EUR", null, List.of()));
		mvc.perform(put(location).header("Authorization", token).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content(body("Renamed", "10", "EUR", null, List.of())))
			.andExpect(status().isOk());
		mvc.perform(put(location).header("Authorization", token).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content(body("Lost update", "10", "EUR", null, List.of())))
			.andExpect(status().isPreconditionFailed());
		String stranger = data.bearer(data.user(data.team(), Role.SALES));
		mvc.perform(get(location).header("Authorization", stranger)).andExpect(status().isNotFound());
		mvc.perform(delete(location).header("Authorization", stranger)).andExpect(status().isNotFound());
	}

	@Test
	void anOpportunityNeedsAVisibleAccountAndValidFields() throws Exception {
		String hidden = id(mvc.perform(post("/api/v1/accounts")
			.header("Authorization", data.bearer(data.user(data.team(), Role.SALES)))
			.contentType(MediaType.APPLICATION_JSON).content(TestData.accountJson("Hidden")))
			.andReturn().getResponse().getHeader("Location"));
		mvc.perform(post("/api/v1/opportunities").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(body("Sneaky", "10", "EUR", null, List.of()).replace(account, hidden)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("accountId"));
		mvc.perform(post("/api/v1/opportunities").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\": \"" + account + "\", \"name\": \"\", \"amount\": -1, \"currency\": \"EURO\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(4)));
	}

	@Test
	void anUnknownPipelineOrProductInTheBodyIsAFieldErrorNamedAsTheBodyNamesIt() throws Exception {
		mvc.perform(post("/api/v1/opportunities").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(body("Nowhere", "10", "EUR", java.util.UUID.randomUUID().toString(), List.of())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("pipelineId"));
		mvc.perform(post("/api/v1/opportunities").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(body("No product", "10", "EUR", null,
					List.of("{\"productId\": \"" + java.util.UUID.randomUUID() + "\", \"quantity\": 1}"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].productId"));
	}

	@Test
	void onlyAdministratorsChangePipelinesAndAStageInUseMovesItsOpportunitiesFirst() throws Exception {
		String admin = data.bearer(data.user(null, Role.ADMIN));
		mvc.perform(post("/api/v1/pipelines").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Renewals\"}"))
			.andExpect(status().isForbidden());
		String name = TestData.unique("Renewals");
		String created = mvc.perform(post("/api/v1/pipelines").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.stages", hasSize(3)))
			.andReturn().getResponse().getContentAsString();
		String pipelineId = JsonPath.read(created, "$.id");
		String open = JsonPath.read(created, "$.stages[0].id");
		String added = JsonPath.read(mvc.perform(post("/api/v1/pipelines/" + pipelineId + "/stages")
			.header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Quote\", \"probability\": 50, \"kind\": \"OPEN\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.stages[1].name").value("Quote"))
			.andReturn().getResponse().getContentAsString(), "$.stages[1].id");

		String deal = create("/api/v1/opportunities", body("Renewal deal", "10", "EUR", pipelineId, List.of()));
		mvc.perform(delete("/api/v1/pipelines/" + pipelineId + "/stages/" + open).header("Authorization", admin))
			.andExpect(status().isConflict());
		mvc.perform(delete("/api/v1/pipelines/" + pipelineId + "/stages/" + open).param("moveTo", added)
			.header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stages", hasSize(3)));
		mvc.perform(get(deal).header("Authorization", token)).andExpect(jsonPath("$.stageId").value(added));
	}

	private org.springframework.test.web.servlet.ResultActions move(String location, UUID stage, String reason)
			throws Exception {
		String json = reason == null ? "{\"stageId\": \"" + stage + "\"}"
				: "{\"stageId\": \"" + stage + "\", \"lostReason\": \"" + reason + "\"}";
		return mvc.perform(post(location + "/stage").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private String body(String name, String amount, String currency, String pipelineId, List<String> lines) {
		return """
				{"accountId": "%s", "name": "%s", "amount": %s, "currency": "%s", "closeDate": "2027-03-31"%s,
				 "lines": [%s]}
				""".formatted(account, name, amount, currency,
				pipelineId == null ? "" : ", \"pipelineId\": \"" + pipelineId + "\"", String.join(",", lines));
	}

	private String create(String path, String json) throws Exception {
		return mvc.perform(post(path)
			.header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location");
	}

	private static String id(String location) {
		return location.substring(location.lastIndexOf('/') + 1);
	}
}
