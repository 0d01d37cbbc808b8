package org.rapport.search;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountType;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.AccountDetails;
import org.rapport.customers.internal.AccountService;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.search.internal.SearchIndex;
import org.rapport.sales.catalogue.internal.ProductDetails;
import org.rapport.shared.Money;
import org.rapport.shared.PostalAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search API, and the index following the records as the API changes them: after the commit, never for a
 * change rolled back.
 */
@RapportTest
class SearchApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	ProductCatalogue catalogue;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	SearchIndex index;

	@Autowired
	Indexing indexing;

	TeamId east;
	User seller;
	String token;

	@BeforeEach
	void people() {
		east = data.team();
		seller = data.user(east, Role.SALES);
		token = data.bearer(seller);
	}

	@Test
	void anAccountCreatedThroughTheApiIsFoundRenamedIsFoundByItsNewNameAndDeletedIsGone() throws Exception {
		String word = GlobalSearchIntegrationTests.word();
		String location = mvc.perform(post("/api/v1/accounts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson(GlobalSearchIntegrationTests.capital(word) + " Robotics")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		String id = location.substring(location.lastIndexOf('/') + 1);

		indexing.settle();
		mvc.perform(get("/api/v1/search").param("q", word).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(id))
			.andExpect(jsonPath("$.items[0].kind").value("account"))
			.andExpect(jsonPath("$.items[0].url").value("/accounts/" + id))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.counts.account").value(1))
			.andExpect(jsonPath("$.counts.contact").value(0));

		String renamed = GlobalSearchIntegrationTests.word();
		mvc.perform(put(location).header("Authorization", token)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson(GlobalSearchIntegrationTests.capital(renamed) + " Robotics")))
			.andExpect(status().isOk());
		indexing.settle();
		mvc.perform(get("/api/v1/search").param("q", renamed).header("Authorization", token))
			.andExpect(jsonPath("$.items[0].id").value(id));
		mvc.perform(get("/api/v1/search").param("q", word).header("Authorization", token))
			.andExpect(jsonPath("$.total").value(0));

		mvc.perform(delete(location).header("Authorization", token)).andExpect(status().isNoContent());
		indexing.settle();
		mvc.perform(get("/api/v1/search").param("q", renamed).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(jsonPath("$.items").isEmpty());
	}

	@Test
	void aChangeThatIsRolledBackIsNeverIndexed() throws Exception {
		String word = GlobalSearchIntegrationTests.word();
		var actor = data.actor(seller);
		transactions.executeWithoutResult(status -> {
			accounts.create(actor, new AccountDetails(GlobalSearchIntegrationTests.capital(word) + " Phantom",
					AccountType.COMPANY, null, null, null, null, PostalAddress.EMPTY, LifecycleStage.PROSPECT, null,
					null), null, null);
			status.setRollbackOnly();
		});

		indexing.settle();
		mvc.perform(get("/api/v1/search").param("q", word).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void findsAnOrderByItsNumberAndTheBeginningOfIt() throws Exception {
		var account = accounts.create(data.actor(seller), new AccountDetails(TestData.unique("Buyer"),
				AccountType.COMPANY, null, null, null, null, PostalAddress.EMPTY, LifecycleStage.PROSPECT, null, null),
				null, null);
		var admin = data.actor(data.user(null, Role.ADMIN));
		var product = catalogue.create(admin, new ProductDetails(TestData.unique("SKU"), TestData.unique("Product"),
				null, Money.of("9.90", "EUR"), "Test", true));
		String body = mvc.perform(post("/api/v1/orders").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"accountId": "%s", "orderDate": "2026-03-01", "lines": [{"productId": "%s", "quantity": 2}]}
					""".formatted(account.getId(), product.getId())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String number = JsonPath.read(body, "$.number");
		String id = JsonPath.read(body, "$.id");

		indexing.settle();
		mvc.perform(get("/api/v1/search").param("q", number).header("Authorization", token))
			.andExpect(jsonPath("$.items[0].id").value(id))
			.andExpect(jsonPath("$.items[0].kind").value("order"))
			.andExpect(jsonPath("$.items[0].title").value(number))
			.andExpect(jsonPath("$.items[0].subtitle").value(account.getName()));
		mvc.perform(get("/api/v1/search").param("q", number.substring(0, number.length() - 1).toLowerCase())
			.param("kind", "order")
			.param("size", "100")
			.header("Authorization", token)).andExpect(jsonPath("$.items[*].id", hasItem(id)));
		// Products are visible to everybody, found by SKU (other tests' products may carry look-alike SKUs in their
		// names, so the product is looked for among the product hits).
		mvc.perform(get("/api/v1/search").param("q", product.getSku()).param("kind", "product").param("size", "100")
			.header("Authorization", token))
			.andExpect(jsonPath("$.items[*].id", hasItem(product.getId().toString())));
	}

	@Test
	void anotherTeamsSellerNeitherFindsNorCountsTheRecord() throws Exception {
		String word = GlobalSearchIntegrationTests.word();
		mvc.perform(post("/api/v1/accounts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson(GlobalSearchIntegrationTests.capital(word) + " Secret")))
			.andExpect(status().isCreated());
		String other = data.bearer(data.user(data.team(), Role.SALES));

		indexing.settle();
		mvc.perform(get("/api/v1/search").param("q", word).header("Authorization", other))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(jsonPath("$.counts.account").value(0))
			.andExpect(jsonPath("$.items").isEmpty());
		String manager = data.bearer(data.user(east, Role.SALES, Role.MANAGER));
		mvc.perform(get("/api/v1/search").param("q", word).header("Authorization", manager))
			.andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void badQueriesAnswer422NamingTheField() throws Exception {
		mvc.perform(get("/api/v1/search").header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		mvc.perform(get("/api/v1/search").param("q", "acme").param("kind", "planet").header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		mvc.perform(get("/api/v1/search").param("q", "acme").param("size", "1000").header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		mvc.perform(get("/api/v1/search").param("q", "acme")).andExpect(status().isUnauthorized());
	}

	@Test
	void onlyAdministratorsRebuildTheIndex() throws Exception {
		mvc.perform(post("/api/v1/search/reindex").header("Authorization", token)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/search/reindex").header("Authorization", token)).andExpect(status().isForbidden());

		String admin = data.bearer(data.user(null, Role.ADMIN));
		mvc.perform(post("/api/v1/search/reindex").header("Authorization", admin))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.state").value(not("IDLE")));
		mvc.perform(get("/api/v1/search/reindex").header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.startedAt").isNotEmpty());
		// The other tests of this context find what they index, not what a rebuild is still rewriting.
		long deadline = System.currentTimeMillis() + 60_000;
		while (index.status().running() && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		mvc.perform(get("/api/v1/search/reindex").header("Authorization", admin))
			.andExpect(jsonPath("$.state").value("DONE"));
	}

	@Test
	void theSearchIsInTheOpenApiDocument() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/search'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/search/reindex'].post").exists());
	}
}
