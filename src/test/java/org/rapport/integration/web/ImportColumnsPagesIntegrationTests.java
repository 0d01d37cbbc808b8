package org.rapport.integration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The mapping page says which system a file looks exported from and maps again as another names the headers, numbers
 * repeated headers, says why it took a column where several could fill one field, and says when it starts from the
 * mapping of an earlier file with the same headers.
 */
@RapportTest
class ImportColumnsPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void theMappingPageTellsTheSourceNumbersRepeatedHeadersAndSaysWhichColumnFillsAField() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		byte[] csv = new ClassPathResource("imports/hubspot/contacts.csv").getContentAsByteArray();
		String mapping = mvc.perform(multipart("/imports")
			.file(new MockMultipartFile("file", "hubspot-contacts.csv", "text/csv", csv))
			.param("entity", "contacts")
			.with(data.as(seller))
			.with(csrf()))
			.andExpect(redirectedUrlPattern("/imports/*/mapping"))
			.andReturn().getResponse().getRedirectedUrl();

		String page = page(mapping, seller);
		assertThat(page).contains("Looks like a HubSpot export.",
				"The columns are mapped as HubSpot names them, then by their usual names in English, German and Chinese.",
				"<option value=\"hubspot\" selected=\"selected\">HubSpot</option>",
				"10 rows</span>", "Phone Number (1)", "Phone Number (2)", "Create Date (2)", "Country/Region (2)",
				"aria-label=\"column Q (Phone Number (2))\"",
				"Fills Account (name): this column has values in the first rows, where column G (Company Name) has none.",
				"Left out: Account (name) comes from column P (Company name), which has values in the first rows, "
						+ "where this column has none.",
				"Left out: Phone comes from column E (Phone Number (1)), whose header names the field first.")
			.doesNotContain("This file has the same columns");

		mvc.perform(post(mapping.replace("/mapping", "/source")).param("source", "none").with(data.as(seller))
			.with(csrf())).andExpect(redirectedUrl(mapping));
		String generic = page(mapping, seller);
		assertThat(generic).contains("Looks like a HubSpot export.",
				"The columns are mapped by their usual names in English, German and Chinese.",
				"<option value=\"none\" selected=\"selected\">")
			.doesNotContain("<option value=\"hubspot\" selected=\"selected\">");
	}

	@Test
	void aFileWithTheColumnsOfOneStartedBeforeSaysItsMappingIsTheOneUsedThen() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String tag = TestData.unique("again");
		byte[] first = ("Surname;Mail;Mobile phone\nKovacs;" + tag + "@example.com;+49 30 1234567\n")
			.getBytes(StandardCharsets.UTF_8);
		String mapping = upload(first, seller);
		assertThat(page(mapping, seller)).contains("The headers are not those of a known CRM export.", "1 row</span>")
			.doesNotContain("1 rows");
		mvc.perform(post(mapping).param("field", "lastName", "email", "phone")
			.param("duplicateMode", "SKIP")
			.param("matchBy", "EMAIL")
			.with(data.as(seller))
			.with(csrf())).andExpect(redirectedUrlPattern("/imports/*/preview"));
		mvc.perform(post(mapping.replace("/mapping", "/start")).with(data.as(seller)).with(csrf()))
			.andExpect(status().is3xxRedirection());

		byte[] second = ("Surname;Mail;Mobile phone\nNagy;" + tag + "-2@example.com;+49 30 7654321\n")
			.getBytes(StandardCharsets.UTF_8);
		String again = page(upload(second, seller), seller);
		assertThat(again).contains("This file has the same columns as one you imported on",
				"<option value=\"phone\" selected=\"selected\">");
	}

	private String upload(byte[] csv, User seller) throws Exception {
		return mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "people.csv", "text/csv", csv))
			.param("entity", "contacts")
			.with(data.as(seller))
			.with(csrf()))
			.andExpect(redirectedUrlPattern("/imports/*/mapping"))
			.andReturn().getResponse().getRedirectedUrl();
	}

	private String page(String mapping, User seller) throws Exception {
		return mvc.perform(get(mapping).with(data.as(seller)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
	}
}
