package org.rapport.sales.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.sales.catalogue.internal.ProductDetails;
import org.rapport.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * A Chinese user reads money the one way the language writes it on every page, and what Rapport created itself
 * — the default pipeline's stages, its catalogue's categories — in Chinese, while names people typed stay as typed.
 */
@RapportTest
@Import(CommerceFixtures.class)
class ChinesePagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	ProductCatalogue catalogue;

	User seller;
	AccountId account;
	MockHttpSession chinese;

	@BeforeEach
	void setUp() {
		seller = data.user(data.team(), Role.SALES);
		account = fixtures.account(data.actor(seller), "华东贸易");
		chinese = new MockHttpSession();
		chinese.setAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.SIMPLIFIED_CHINESE);
	}

	@Test
	void opportunitiesOrdersProductsAndContractsWriteMoneyTheSameWayInTheReadersLanguage() throws Exception {
		Product tea = fixtures.product("1234.5", "CNY");
		String deal = TestData.unique("商机");
		mvc.perform(post("/opportunities").with(csrf()).with(data.as(seller))
			.param("accountId", account.value().toString()).param("name", deal).param("amount", "1234.5")
			.param("currency", "CNY").param("closeDate", "2027-06-30"));
		mvc.perform(post("/api/v1/orders").with(data.as(seller)).contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.orderJson(account, tea.getId(), "1", null)))
			.andExpect(status().isCreated());

		for (String page : new String[] { "/opportunities?q=" + deal, "/orders", "/products?q=" + tea.getSku() }) {
			mvc.perform(get(page).with(data.as(seller)).session(chinese))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("¥1,234.50")))
				.andExpect(content().string(not(containsString("CNY 1,234.50"))))
				.andExpect(content().string(not(containsString("1,234.50 CNY"))));
			mvc.perform(get(page).with(data.as(seller)))
				.andExpect(content().string(containsString("CN¥1,234.50")));
		}
	}

	@Test
	void theDefaultPipelineAndStagesReadInChineseAndTheCataloguesCategoriesToo() throws Exception {
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		String sku = TestData.unique("HW");
		String typed = TestData.unique("Hardware");
		catalogue.create(admin, new ProductDetails(sku, "Scanner", null, Money.of("10", "EUR"), "Hardware", true));
		String typedSku = TestData.unique("HW");
		catalogue.create(admin, new ProductDetails(typedSku, "Printer", null,
				Money.of("10", "EUR"), typed, true));

		mvc.perform(get("/opportunities/board").with(data.as(seller)).session(chinese))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("商务谈判")))
			.andExpect(content().string(containsString("方案报价")))
			.andExpect(content().string(not(containsString(">Negotiation<"))));
		mvc.perform(get("/opportunities/board").with(data.as(seller)))
			.andExpect(content().string(containsString("Negotiation")));
		mvc.perform(get("/products").param("q", sku).with(data.as(seller)).session(chinese))
			.andExpect(content().string(containsString(">硬件<")));
		mvc.perform(get("/products").param("q", typedSku).with(data.as(seller)).session(chinese))
			.andExpect(content().string(containsString(">" + typed + "<")));
	}

	@Test
	void leadRatingsReadAsAChineseCrmWritesThem() throws Exception {
		mvc.perform(get("/leads").with(data.as(seller)).session(chinese))
			.andExpect(content().string(containsString("温热")))
			.andExpect(content().string(containsString("热门")))
			.andExpect(content().string(containsString("冷淡")));
	}
}
