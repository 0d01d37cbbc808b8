package org.rapport.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTestOnOwnData;
import org.rapport.TestData;
import org.rapport.analytics.SegmentMemberships;
import org.rapport.analytics.internal.AnalyticsJobs;
import org.rapport.analytics.internal.ChurnHistories;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.customization.FieldType;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.customization.internal.FieldDefinition.FieldText;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An analyst segments the CRM's accounts from the page: the run, made by the sweep, puts frequent big spenders and rare
 * small buyers in different clusters; the clusters can be named; their accounts, exports and the API show each user
 * only the accounts they may see; the account page tells the account's cluster; bad parameters are refused at their
 * field.
 */
@RapportTestOnOwnData
@Import({ CommerceFixtures.class, ChurnHistories.class })
class SegmentsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	AnalyticsJobs jobs;

	@Autowired
	SegmentMemberships memberships;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CustomFieldService fields;

	@Autowired
	Customers customers;

	@Test
	void theClustersSeparateFrequentBigSpendersFromRareSmallBuyersAndEachUserSeesOnlyTheirAccounts() throws Exception {
		var team = data.team();
		User seller = data.user(team, Role.SALES);
		User analyst = data.user(team, Role.ANALYST);
		User outsider = data.user(data.team(), Role.ANALYST);
		User stranger = data.user(data.team(), Role.SALES);
		Actor selling = data.actor(seller);
		Product big = fixtures.product("30", "EUR");
		Product small = fixtures.product("5", "EUR");
		List<AccountId> spenders = BuyingPatterns.frequentBigSpenders(fixtures, selling, "Big spender", 6, 10, big);
		List<AccountId> rare = BuyingPatterns.rareSmallBuyers(fixtures, selling, "Rare buyer", 6, small);
		String name = TestData.unique("Buyers");

		mvc.perform(get("/analytics/segments").with(data.as(seller))).andExpect(status().isForbidden());
		mvc.perform(get("/analytics/segments").with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"feature-recency\"")))
			.andExpect(content().string(containsString("id=\"segments-run\"")));
		mvc.perform(post("/analytics/segments").with(data.as(analyst)).with(csrf())
			.param("name", name)
			.param("features", "recency", "frequency", "monetary")
			.param("scaling", "log")
			.param("algorithm", "kmeans")
			.param("kMin", "2")
			.param("kMax", "4")
			.param("linkage", "ward")
			.param("eps", "0.5")
			.param("minSamples", "5"))
			.andExpect(redirectedUrl("/analytics/segments"));
		mvc.perform(get("/analytics/segments").with(data.as(analyst)))
			.andExpect(content().string(containsString("id=\"segments-pending\"")))
			.andExpect(content().string(containsString("hx-get=\"/analytics/runs/SEGMENTS/progress\"")));
		jobs.sweep();
		mvc.perform(get("/analytics/runs/SEGMENTS/progress").with(data.as(analyst)))
			.andExpect(content().string(containsString("The run is over.")))
			.andExpect(content().string(containsString("href=\"/analytics/segments\"")));

		String analystToken = data.bearer(analyst);
		String list = mvc.perform(get("/api/v1/analytics/segmentations").param("size", "200")
			.header("Authorization", analystToken))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<String> ids = JsonPath.read(list, "$.items[?(@.name == '" + name + "')].id");
		assertThat(ids).hasSize(1);
		UUID id = UUID.fromString(ids.get(0));

		// the big spenders share a cluster, the rare buyers share another
		Set<Integer> spenderClusters = clusters(id, spenders);
		Set<Integer> rareClusters = clusters(id, rare);
		assertThat(spenderClusters).hasSize(1);
		assertThat(rareClusters).hasSize(1);
		assertThat(spenderClusters).doesNotContainAnyElementsOf(rareClusters);
		int spending = spenderClusters.iterator().next();
		int buyingRarely = rareClusters.iterator().next();
		String detail = mvc.perform(get("/api/v1/analytics/segmentations/{id}", id).header("Authorization", analystToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.segmentation.algorithm").value("kmeans"))
			.andExpect(jsonPath("$.clusters[0].name").value("Cluster 1"))
			.andReturn().getResponse().getContentAsString();
		List<Double> spendingMeans = JsonPath.read(detail, "$.clusters[?(@.number == " + spending + ")].means.monetary");
		List<Double> rareMeans = JsonPath.read(detail, "$.clusters[?(@.number == " + buyingRarely + ")].means.monetary");
		List<Double> rareRecency = JsonPath.read(detail, "$.clusters[?(@.number == " + buyingRarely + ")].means.recency");
		List<Double> spendingRecency = JsonPath.read(detail,
				"$.clusters[?(@.number == " + spending + ")].means.recency");
		// other tests' buyers may share these clusters, which moves the means but not their order; the amounts are
		// small, so that these buyers do not move the spend that other tests' lifetime-value fits expect
		assertThat(spendingMeans.get(0)).isGreaterThan(3 * rareMeans.get(0));
		assertThat(rareRecency.get(0)).isGreaterThan(spendingRecency.get(0) + 100);
		assertThat(memberships.count(id, spending)).isGreaterThanOrEqualTo(spenders.size());
		List<AccountId> members = new ArrayList<>();
		memberships.forEachMember(id, spending, members::add);
		assertThat(members).containsAll(spenders);
		assertThat(memberships.segmentations()).anySatisfy(saved -> {
			assertThat(saved.id()).isEqualTo(id);
			assertThat(saved.clusters()).extracting(SegmentMemberships.Cluster::number).contains(spending, buyingRarely);
		});

		// the segmentation's page, its cluster's accounts and their export, for the analyst of the sellers' team
		mvc.perform(get("/analytics/segments/{id}", id).with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"segment-scatter\"")))
			.andExpect(content().string(containsString("Cluster " + spending)));
		String names = mvc.perform(get("/analytics/segments/{id}/clusters/{n}", id, spending).param("size", "200")
			.with(data.as(analyst)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(names).contains("href=\"/accounts/" + spenders.get(0).value() + "\"")
			.doesNotContain("href=\"/accounts/" + rare.get(0).value() + "\"");
		String csv = mvc.perform(get("/analytics/segments/{id}/clusters/{n}/export", id, buyingRarely)
			.with(data.as(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn().getResponse().getContentAsString();
		assertThat(csv).contains("account_id,account_name,cluster,recency,frequency,monetary")
			.contains(rare.get(0).value().toString())
			.doesNotContain(spenders.get(0).value().toString());
		mvc.perform(get("/api/v1/analytics/segmentations/{id}/clusters/{n}/accounts", id, spending)
			.param("size", "200").header("Authorization", analystToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.accountId == '" + spenders.get(0).value() + "')].values.frequency")
				.value(org.hamcrest.Matchers.contains(10.0)));

		// another team's analyst sees none of these accounts
		String otherNames = mvc.perform(get("/analytics/segments/{id}/clusters/{n}", id, spending).param("size", "200")
			.with(data.as(outsider)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(otherNames).doesNotContain(spenders.get(0).value().toString());
		String otherCsv = mvc.perform(get("/analytics/segments/{id}/clusters/{n}/export", id, buyingRarely)
			.with(data.as(outsider)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(otherCsv).contains("account_id").doesNotContain(rare.get(0).value().toString());
		mvc.perform(get("/api/v1/analytics/segmentations/{id}/clusters/{n}/accounts", id, spending)
			.header("Authorization", data.bearer(outsider)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(0))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/analytics/segmentations").header("Authorization", data.bearer(seller)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/analytics/segmentations/{id}/clusters/{n}/accounts", id, 99)
			.header("Authorization", analystToken))
			.andExpect(status().isNotFound());

		// the account page's panel names the cluster, for whoever sees the account
		mvc.perform(get("/analytics/accounts/{id}/segments", spenders.get(0).value()).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("Cluster " + spending)));
		mvc.perform(get("/analytics/accounts/{id}/segments", spenders.get(0).value()).with(data.as(stranger)))
			.andExpect(status().isNotFound());

		// a cluster is renamed once from the version seen; a second save of that version is refused
		mvc.perform(post("/analytics/segments/{id}/clusters/{n}/name", id, spending).with(data.as(analyst)).with(csrf())
			.param("name", "Champions")
			.param("version", "0"))
			.andExpect(redirectedUrl("/analytics/segments/" + id));
		mvc.perform(post("/analytics/segments/{id}/clusters/{n}/name", id, spending).with(data.as(analyst)).with(csrf())
			.param("name", "Loyal")
			.param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone else changed this record")))
			.andExpect(content().string(containsString("value=\"Loyal\"")));
		mvc.perform(post("/analytics/segments/{id}/clusters/{n}/name", id, spending).with(data.as(analyst)).with(csrf())
			.param("name", "x".repeat(101))
			.param("version", "1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The name is at most 100 characters")));
		mvc.perform(get("/analytics/accounts/{id}/segments", spenders.get(0).value()).with(data.as(seller)))
			.andExpect(content().string(containsString("Champions")));
		mvc.perform(get("/api/v1/analytics/segmentations/{id}", id).header("Authorization", analystToken))
			.andExpect(jsonPath("$.clusters[?(@.number == " + spending + ")].name").value(
					org.hamcrest.Matchers.contains("Champions")));

		// only an administrator or whoever made it deletes it
		mvc.perform(post("/analytics/segments/{id}/delete", id).with(data.as(outsider)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/analytics/segments/{id}/delete", id).with(data.as(analyst)).with(csrf()))
			.andExpect(redirectedUrl("/analytics/segments"));
		mvc.perform(get("/analytics/segments/{id}", id).with(data.as(analyst))).andExpect(status().isNotFound());
		assertThat(memberships.count(id, spending)).isZero();
	}

	@Test
	void badParametersAreRefusedAtTheirFieldWithWhatWasTypedKept() throws Exception {
		User analyst = data.user(data.team(), Role.ANALYST);
		mvc.perform(post("/analytics/segments").with(data.as(analyst)).with(csrf())
			.param("name", "Too few clusters")
			.param("features", "recency", "monetary")
			.param("scaling", "standardize")
			.param("algorithm", "kmeans")
			.param("k", "1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("k is from 2 to 50")))
			.andExpect(content().string(containsString("value=\"Too few clusters\"")))
			.andExpect(content().string(containsString("id=\"k-error\"")));
		mvc.perform(post("/analytics/segments").with(data.as(analyst)).with(csrf())
			.param("name", "Unknown")
			.param("features", "recency", "shoe-size")
			.param("algorithm", "kmeans"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("There is no feature shoe-size to segment by")))
			.andExpect(content().string(containsString("id=\"features-error\"")));
		mvc.perform(post("/analytics/segments").with(data.as(analyst)).with(csrf())
			.param("name", "Not a number")
			.param("features", "recency")
			.param("k", "many"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("value=\"many\"")));

		String token = data.bearer(analyst);
		Map<String, String> refusals = Map.of(
				"{\"name\": \"k\", \"features\": [\"recency\"], \"algorithm\": \"kmeans\", \"k\": 1}", "k",
				"{\"name\": \"f\", \"features\": [\"recency\", \"nope\"]}", "features",
				"{\"name\": \"h\", \"features\": [\"recency\"], \"algorithm\": \"hierarchical\"}", "k",
				"{\"name\": \"d\", \"features\": [\"recency\"], \"algorithm\": \"dbscan\", \"eps\": -1, \"minSamples\": 3}",
				"eps", "{\"name\": \"s\", \"features\": [\"recency\"], \"scaling\": \"cubic\"}", "scaling",
				"{\"name\": \" \", \"features\": [\"recency\"]}", "name",
				"{\"name\": \"r\", \"features\": [\"recency\"], \"kMin\": 5, \"kMax\": 3}", "kMax");
		for (var refusal : refusals.entrySet()) {
			mvc.perform(post("/api/v1/analytics/segmentations").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(refusal.getKey()))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value(refusal.getValue()));
		}
		mvc.perform(post("/api/v1/analytics/segmentations").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Fine\", \"features\": [\"recency\", \"tenure\"], \"algorithm\": \"kmeans\", \"k\": 3}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("QUEUED"))
			.andExpect(jsonPath("$.parameters", containsString("\"k\":3")));
		// none of the refused ones was queued
		assertThat(jdbc.queryForObject("select count(*) from analytics_run where model = 'SEGMENTS' "
				+ "and parameters like '%Too few%'", Integer.class)).isZero();
		jobs.sweep();
	}

	@Test
	void aNumericCustomFieldOfAccountsIsAFeatureAndAccountsWithoutAValueAreLeftOut() throws Exception {
		String seats = "seats" + TestData.unique("").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
		UUID field = fields.define("account", seats, FieldType.NUMBER,
				new FieldText("Seats", "席位", null, null, false, null, List.of(), null)).getId();
		try {
			var team = data.team();
			User analyst = data.user(team, Role.ANALYST);
			Actor selling = data.actor(data.user(team, Role.SALES));
			mvc.perform(get("/analytics/segments").with(data.as(analyst)))
				.andExpect(content().string(containsString("id=\"feature-cf." + seats + "\"")));
			List<AccountId> few = new ArrayList<>();
			List<AccountId> many = new ArrayList<>();
			for (int a = 0; a < 5; a++) {
				few.add(customers.openAccount(selling, new NewAccount(TestData.unique("Few seats"),
						AccountType.COMPANY, null, null, null, null, null, Map.of(seats, 3 + a))));
				many.add(customers.openAccount(selling, new NewAccount(TestData.unique("Many seats"),
						AccountType.COMPANY, null, null, null, null, null, Map.of(seats, 900 + 10 * a))));
			}
			AccountId without = fixtures.account(selling, "No seats");
			String name = TestData.unique("Seats");
			mvc.perform(post("/api/v1/analytics/segmentations").header("Authorization", data.bearer(analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"" + name + "\", \"features\": [\"cf." + seats + "\"], \"scaling\": \"log\", "
						+ "\"algorithm\": \"kmeans\", \"k\": 2, \"allAccounts\": true}"))
				.andExpect(status().isAccepted());
			jobs.sweep();
			UUID id = jdbc.queryForObject("select id from analytics_segmentation where name = ?", UUID.class, name);
			assertThat(jdbc.queryForObject("select accounts from analytics_segmentation where id = ?", Integer.class, id))
				.isEqualTo(10);
			Set<Integer> fewClusters = clusters(id, few);
			Set<Integer> manyClusters = clusters(id, many);
			assertThat(fewClusters).hasSize(1);
			assertThat(manyClusters).hasSize(1).doesNotContainAnyElementsOf(fewClusters);
			assertThat(jdbc.queryForObject("select count(*) from account_segment where segmentation_id = ? "
					+ "and account_id = ?", Integer.class, id, without.value())).isZero();
		}
		finally {
			fields.retire(field);
		}
	}

	private Set<Integer> clusters(UUID segmentation, List<AccountId> accounts) {
		Set<Integer> found = new HashSet<>();
		for (AccountId account : accounts) {
			found.add(jdbc.queryForObject("select cluster from account_segment where segmentation_id = ? "
					+ "and account_id = ?", Integer.class, segmentation, account.value()));
		}
		return found;
	}
}
