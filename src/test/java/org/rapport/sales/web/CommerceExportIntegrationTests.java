package org.rapport.sales.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.catalogue.internal.Product;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
@Import(CommerceFixtures.class)
class CommerceExportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Test
	void theProductOrderAndContractListsExportWhatTheUserMaySee() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		User stranger = data.user(data.team(), Role.SALES);
		Product product = fixtures.product("12.50", "EUR");
		AccountId mine = fixtures.account(data.actor(seller), "Export Mine");
		AccountId theirs = fixtures.account(data.actor(stranger), "Export Theirs");
		create(seller, "/api/v1/orders", CommerceFixtures.orderJson(mine, product.getId(), "2", null));
		create(stranger, "/api/v1/orders", CommerceFixtures.orderJson(theirs, product.getId(), "3", null));
		LocalDate today = LocalDate.now();
		create(seller, "/api/v1/contracts",
				CommerceFixtures.contractJson(mine, today, today.plusYears(1), ""));
		create(stranger, "/api/v1/contracts",
				CommerceFixtures.contractJson(theirs, today, today.plusYears(1), ""));

		String products = export(seller, "/products/export.csv?q=" + product.getSku());
		assertThat(products.lines()).hasSize(2);
		assertThat(products).startsWith("\uFEFFid,external_id,sku,name").contains(product.getSku(), "12.50", "EUR");

		String orders = export(seller, "/orders/export.csv?account=" + mine.value());
		assertThat(orders.lines()).hasSize(2);
		assertThat(orders).contains(mine.value().toString(), "25.00");
		assertThat(export(seller, "/orders/export.csv?account=" + theirs.value()).lines()).hasSize(1);

		String contracts = export(seller, "/contracts/export.csv?account=" + mine.value());
		assertThat(contracts.lines()).hasSize(2);
		assertThat(contracts).contains(mine.value().toString(), "1200");
		assertThat(export(seller, "/contracts/export.csv?account=" + theirs.value()).lines()).hasSize(1);
	}

	private void create(User user, String path, String json) throws Exception {
		mvc.perform(post(path).header("Authorization", data.bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json))
			.andExpect(status().isCreated());
	}

	private String export(User user, String path) throws Exception {
		return mvc.perform(get(path).with(data.as(user)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
