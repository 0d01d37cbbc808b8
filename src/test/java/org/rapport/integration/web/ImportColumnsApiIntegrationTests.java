package org.rapport.integration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customization.FieldType;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.customization.internal.FieldDefinition.FieldText;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A HubSpot contacts export with the associated company's properties repeats Phone Number, Create Date and
 * Country/Region; through the API each of those columns is named by its number among them.
 */
@RapportTest
class ImportColumnsApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CustomFieldService customFields;

	UUID defined;

	@AfterEach
	void retire() {
		if (defined != null) {
			customFields.retire(defined);
		}
	}

	@Test
	void repeatedHeadersAreMappedByTheirNumberAndTwoOfThemFillTwoFields() throws Exception {
		String suffix = TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		String companyPhone = "company_phone" + suffix;
		defined = customFields.define("contact", companyPhone, FieldType.TEXT, new FieldText("Company phone " + suffix,
				null, null, null, false, null, List.of(), null)).getId();
		User seller = data.user(data.team(), Role.SALES);
		String token = data.bearer(seller);
		String domain = suffix + ".example";

		String started = mvc.perform(multipart("/api/v1/imports").file(hubspotContacts(domain))
			.param("entity", "contacts")
			.param("mapping", """
					{"First Name": "firstName", "Last Name": "lastName", "Email": "email",
					 "Phone Number": "phone", "Phone Number#2": "cf.%s", "Country/Region#2": "country"}"""
				.formatted(companyPhone))
			.param("matchBy", "EMAIL")
			.header("Authorization", token))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.detectedSource").value("hubspot"))
			.andExpect(jsonPath("$.source").value("hubspot"))
			.andExpect(jsonPath("$.mapping['Phone Number']").value("phone"))
			.andExpect(jsonPath("$.mapping['Phone Number#2']").value("cf." + companyPhone))
			.andExpect(jsonPath("$.mapping['Country/Region#2']").value("country"))
			.andExpect(jsonPath("$.mapping['Country/Region']").doesNotExist())
			.andReturn().getResponse().getContentAsString();
		String body = FinishedImports.awaitDone(mvc, token, JsonPath.read(started, "$.id"));
		assertThat(body).contains("\"createdRows\":10", "\"rejectedRows\":0");

		String ava = "ava.thompson@mapleoak." + domain;
		assertThat(jdbc.queryForMap("select first_name, phone, country from contact where email = ?", ava))
			.containsEntry("first_name", "Ava").containsEntry("phone", "+1 802 555 0132")
			.containsEntry("country", "United States");
		assertThat(customFields(ava)).contains(companyPhone, "+1 802 555 0131");
		String oscar = "oscar@quillfeather." + domain;
		assertThat(jdbc.queryForObject("select phone from contact where email = ?", String.class, oscar)).isNull();
		assertThat(customFields(oscar)).contains("+44 1865 496 010");
	}

	@Test
	void twoColumnsForOneFieldAndAColumnTheFileLacksAreRefusedNamingTheMapping() throws Exception {
		String token = data.bearer(data.user(data.team(), Role.SALES));
		mvc.perform(multipart("/api/v1/imports").file(hubspotContacts("twice.example"))
			.param("entity", "contacts")
			.param("mapping", "{\"Last Name\": \"lastName\", \"Phone Number\": \"phone\", \"Phone Number#2\": \"phone\"}")
			.header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("mapping"))
			.andExpect(jsonPath("$.errors[0].code").value("import.error.mappedTwice"));
		mvc.perform(multipart("/api/v1/imports").file(hubspotContacts("missing.example"))
			.param("entity", "contacts")
			.param("mapping", "{\"Last Name\": \"lastName\", \"Phone Number#3\": \"phone\"}")
			.header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("mapping"))
			.andExpect(jsonPath("$.errors[0].code").value("import.error.unknownColumn"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("Phone Number#3")));
	}

	@Test
	void withoutAMappingTheJobSaysWhichSystemItsHeadersAreNamedByAndWhichColumnItTookForAField() throws Exception {
		String token = data.bearer(data.user(data.team(), Role.SALES));
		mvc.perform(multipart("/api/v1/imports").file(hubspotContacts("guessed.example"))
			.param("entity", "contacts")
			.header("Authorization", token))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.detectedSource").value("hubspot"))
			.andExpect(jsonPath("$.mapping['Company name']").value("account"))
			.andExpect(jsonPath("$.mapping['Phone Number']").value("phone"))
			.andExpect(jsonPath("$.mapping['State/Region']").value("region"))
			.andExpect(jsonPath("$.columnChoices[?(@.field == 'account')].column").value("Company name"))
			.andExpect(jsonPath("$.columnChoices[?(@.field == 'account')].passedOver[0]").value("Company Name"))
			.andExpect(jsonPath("$.columnChoices[?(@.field == 'account')].reason").value("DATA"))
			.andExpect(jsonPath("$.columnChoices[?(@.field == 'phone')].passedOver[0]").value("Phone Number#2"));
		mvc.perform(multipart("/api/v1/imports").file(hubspotContacts("generic.example"))
			.param("entity", "contacts")
			.param("source", "none")
			.header("Authorization", token))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.detectedSource").value("hubspot"))
			.andExpect(jsonPath("$.source").doesNotExist())
			.andExpect(jsonPath("$.mapping['State/Region']").doesNotExist())
			.andExpect(jsonPath("$.mapping['Last Name']").value("lastName"));
		mvc.perform(multipart("/api/v1/imports").file(hubspotContacts("unknown.example"))
			.param("entity", "contacts")
			.param("source", "dynamics")
			.header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("source"));
	}

	private String customFields(String email) {
		return jdbc.queryForObject("select custom_fields from contact where email = ?", String.class, email);
	}

	/** The sample HubSpot contacts export, its e-mail addresses under the domain given. */
	private static MockMultipartFile hubspotContacts(String domain) throws IOException {
		String csv = new ClassPathResource("imports/hubspot/contacts.csv").getContentAsString(StandardCharsets.UTF_8)
			.replace(".example,", "." + domain + ",");
		return new MockMultipartFile("file", "hubspot-contacts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
	}

}
