package org.rapport.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.opportunities.internal.PipelineService;
import org.rapport.sales.opportunities.internal.Stage;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the customers and sales modules report lands on the timelines of the records concerned, after their commit:
 * a stage move on the opportunity's and its account's, a contract that starts and the lifecycle change it brings on
 * the account's, each with the record it is about.
 */
@RapportTest
@Import(CommerceFixtures.class)
class TimelineChangesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	PipelineService pipelines;

	User seller;
	String token;
	AccountId account;

	@BeforeEach
	void setUp() {
		seller = data.user(data.team(), Role.SALES);
		token = data.bearer(seller);
		account = fixtures.account(data.actor(seller), TestData.unique("Changes"));
	}

	@Test
	void aStageMoveShowsOnTheOpportunitysTimelineAndOnItsAccounts() throws Exception {
		UUID opportunity = fixtures.opportunity(data.actor(seller), account);
		Stage next = pipelines.defaultPipeline().getStages().get(1);
		mvc.perform(post("/api/v1/opportunities/" + opportunity + "/stage").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"stageId\": \"" + next.getId() + "\"}"))
			.andExpect(status().isOk());

		Map<String, Object> change = changeOf("opportunity:" + opportunity, "OPPORTUNITY_STAGE");
		assertThat(change.get("to")).isEqualTo(next.getId().toString());
		assertThat(change.get("accountId")).isEqualTo(account.value().toString());
		assertThat(changeOf("account:" + account.value(), "OPPORTUNITY_STAGE").get("about"))
			.isEqualTo("opportunity:" + opportunity);
		String panel = mvc.perform(get("/timeline").param("about", "opportunity:" + opportunity)
			.with(data.as(seller))).andReturn().getResponse().getContentAsString();
		assertThat(panel).contains(next.getName()).contains("timeline-change");
		String changesOnly = mvc.perform(get("/api/v1/timeline").param("about", "account:" + account.value())
			.param("kind", "CHANGE").header("Authorization", token)).andReturn().getResponse().getContentAsString();
		List<String> sources = JsonPath.read(changesOnly, "$.items[*].source");
		assertThat(sources).isNotEmpty().containsOnly("change");
	}

	@Test
	void aContractThatStartsTodayShowsOnTheAccountsTimelineWithTheLifecycleChangeItBrings() throws Exception {
		mvc.perform(post("/api/v1/contracts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.contractJson(account, LocalDate.now(), LocalDate.now().plusYears(1), "")))
			.andExpect(status().isCreated());

		Map<String, Object> contract = changeOf("account:" + account.value(), "CONTRACT_ACTIVATED");
		assertThat(contract.get("amount")).isNotNull();
		assertThat(contract.get("from")).isEqualTo(LocalDate.now().toString());
		Map<String, Object> lifecycle = changeOf("account:" + account.value(), "LIFECYCLE");
		assertThat(lifecycle.get("about")).isEqualTo("account:" + account.value());
		String panel = mvc.perform(get("/timeline").param("about", "account:" + account.value())
			.with(data.as(seller))).andReturn().getResponse().getContentAsString();
		assertThat(panel).contains("Contract runs from").contains("Lifecycle stage");
	}

	/** The first change of the kind on the record's timeline, waiting for the listeners that write it. */
	private Map<String, Object> changeOf(String about, String kind) throws Exception {
		for (int attempt = 0; attempt < 100; attempt++) {
			String body = mvc.perform(get("/api/v1/timeline").param("about", about).header("Authorization", token))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			List<Map<String, Object>> changes = JsonPath.read(body,
					"$.items[?(@.source == 'change' && @.change.kind == '" + kind + "')].change");
			if (!changes.isEmpty()) {
				return changes.get(0);
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No " + kind + " change on the timeline of " + about);
	}
}
