package org.rapport.integration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@RapportTest
class ImportApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void anImportRunsThroughTheApiAndItsRejectedRowsDownloadAsCsv() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String token = data.bearer(seller);
		String tag = TestData.unique("api");
		String csv = "Surname;Mail;Remark\nKovacs;" + tag + "@example.com;first\n;broken@example.com;\"two\nlines\"\n";
		MvcResult started = mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("entity", "contacts")
			.param("mapping", "{\"Surname\": \"lastName\", \"Mail\": \"email\"}")
			.param("duplicateMode", "update")
			.param("matchBy", "EMAIL")
			.header("Authorization", token))
			.andExpect(status().isAccepted())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.entity").value("contacts"))
			.andExpect(jsonPath("$.mapping.Surname").value("lastName"))
			.andReturn();
		String id = JsonPath.read(started.getResponse().getContentAsString(), "$.id");

		String body = "";
		for (int i = 0; i < 300 && !body.contains("\"DONE\""); i++) {
			Thread.sleep(50);
			body = mvc.perform(get("/api/v1/imports/" + id).header("Authorization", token))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		}
		assertThat(body).contains("\"status\":\"DONE\"", "\"createdRows\":1", "\"rejectedRows\":1",
				"\"undoable\":true");

		String rejected = mvc.perform(get("/api/v1/imports/" + id + "/rejected.csv").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(rejected).startsWith("\uFEFFline,Surname,Mail,Remark,reasons")
			.contains("3,,broken@example.com,\"two\nlines\",Last name: required");

		mvc.perform(post("/api/v1/imports/" + id + "/undo").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UNDONE"));
		mvc.perform(post("/api/v1/imports/" + id + "/undo").header("Authorization", token))
			.andExpect(status().isConflict());
	}

	@Test
	void exportsAndRejectedRowsQuoteFormulasAndAnImportOfAnExportReadsTheValuesBack() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String token = data.bearer(seller);
		String tag = TestData.unique("formula").toLowerCase(java.util.Locale.ROOT);
		mvc.perform(post("/api/v1/contacts").header("Authorization", token)
			.contentType("application/json")
			.content("""
					{"lastName": "=HYPERLINK(\\"http://evil.example\\")", "email": "%s@example.com",
					 "phone": "+49 40 123456"}""".formatted(tag)))
			.andExpect(status().isCreated());
		String exported = mvc.perform(get("/contacts/export.csv").param("q", tag).with(data.as(seller)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(exported).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", "'+49 40 123456")
			.doesNotContain(",=", ",+");

		String reimported = exported.replace(tag + "@", tag + "-again@") + ",,,@SUM(A1:A9)\n";
		String id = JsonPath.read(mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", "contacts.csv", "text/csv", reimported.getBytes(StandardCharsets.UTF_8)))
			.param("entity", "contacts")
			.param("mapping", "{\"last_name\": \"lastName\", \"email\": \"email\", \"phone\": \"phone\"}")
			.header("Authorization", token))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString(), "$.id");
		String body = "";
		for (int i = 0; i < 300 && !body.contains("\"DONE\""); i++) {
			Thread.sleep(50);
			body = mvc.perform(get("/api/v1/imports/" + id).header("Authorization", token))
				.andReturn().getResponse().getContentAsString();
		}
		assertThat(body).contains("\"createdRows\":1", "\"rejectedRows\":1");
		mvc.perform(get("/api/v1/contacts").param("q", tag + "-again").header("Authorization", token))
			.andExpect(jsonPath("$.items[0].lastName").value("=HYPERLINK(\"http://evil.example\")"))
			.andExpect(jsonPath("$.items[0].phone").value("+49 40 123456"));

		String rejected = mvc.perform(get("/api/v1/imports/" + id + "/rejected.csv").header("Authorization", token))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(rejected).contains(",'@SUM(A1:A9),").doesNotContain(",@SUM");
	}

	@Test
	void anotherUsersImportIsNotFoundAndBadChoicesNameTheirField() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		User other = data.user(data.team(), Role.SALES);
		MvcResult started = mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", "a.csv", "text/csv", "Last Name\nA\n".getBytes(StandardCharsets.UTF_8)))
			.param("entity", "contacts")
			.header("Authorization", data.bearer(seller)))
			.andExpect(status().isAccepted())
			.andReturn();
		String id = JsonPath.read(started.getResponse().getContentAsString(), "$.id");
		mvc.perform(get("/api/v1/imports/" + id).header("Authorization", data.bearer(other)))
			.andExpect(status().isNotFound());
		mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", "a.csv", "text/csv", "Last Name\nA\n".getBytes(StandardCharsets.UTF_8)))
			.param("entity", "planets")
			.header("Authorization", data.bearer(seller)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("entity"));
	}

	@Test
	void theApiTakesTheFilesDecimalMarkAndShowsTheOneItReadsBy() throws Exception {
		User manager = data.user(data.team(), Role.MANAGER);
		String sku = TestData.unique("API");
		byte[] csv = ("SKU;Name;Unit Price\n" + sku + ";Bolt;1,500\n").getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "p.csv", "text/csv", csv))
			.param("entity", "products")
			.param("matchBy", "NUMBER")
			.param("decimalMark", "point")
			.header("Authorization", data.bearer(manager)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.decimalMark").value("POINT"));
		mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "p.csv", "text/csv", csv))
			.param("entity", "products")
			.param("matchBy", "NUMBER")
			.header("Authorization", data.bearer(manager)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.decimalMark").value("COMMA"));
		mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "p.csv", "text/csv", csv))
			.param("entity", "products")
			.param("decimalMark", "dot")
			.header("Authorization", data.bearer(manager)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("decimalMark"));
	}

	@Test
	void thePagesLeadFromUploadThroughMappingAndPreviewToTheResult() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String tag = TestData.unique("page");
		MvcResult uploaded = mvc.perform(multipart("/imports")
			.file(new MockMultipartFile("file", "leads.csv", "text/csv",
					("姓,公司,邮箱\n王," + tag + ",wang-" + tag + "@example.cn\n").getBytes(StandardCharsets.UTF_8)))
			.param("entity", "leads")
			.with(data.as(seller))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(redirectedUrlPattern("/imports/*/mapping"))
			.andReturn();
		String mapping = uploaded.getResponse().getRedirectedUrl();
		String page = mvc.perform(get(mapping).with(data.as(seller)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page.replaceAll("\\s+", " ")).contains("<option value=\"lastName\" selected=\"selected\">",
				"<option value=\"company\" selected=\"selected\">", "<option value=\"email\" selected=\"selected\">");
		mvc.perform(post(mapping).param("field", "lastName", "company", "email")
			.param("duplicateMode", "SKIP")
			.param("matchBy", "EMAIL")
			.param("saveAs", "Trade fair " + tag)
			.with(data.as(seller))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(redirectedUrlPattern("/imports/*/preview"));
		String preview = mapping.replace("/mapping", "/preview");
		assertThat(mvc.perform(get(preview).with(data.as(seller))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("wang-" + tag);
		mvc.perform(post(mapping.replace("/mapping", "/start")).with(data.as(seller))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().is3xxRedirection());
		String result = "";
		// the count shows while the job is still finishing; the undo button once it has finished
		for (int i = 0; i < 300 && !(result.contains("count-created\">1<") && result.contains("id=\"undo\"")); i++) {
			Thread.sleep(50);
			result = mvc.perform(get(mapping.replace("/mapping", "")).with(data.as(seller)))
				.andReturn().getResponse().getContentAsString();
		}
		assertThat(result).contains("count-created\">1<", "id=\"undo\"");
		assertThat(mvc.perform(get(mapping).with(data.as(seller))).andReturn().getResponse().getRedirectedUrl())
			.as("a started import is not mapped again").isEqualTo(mapping.replace("/mapping", ""));
	}

	@Test
	void onlyAdministratorsAndManagersImportProductsAndTheApiShowsTheirExternalId() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		User manager = data.user(data.team(), Role.MANAGER);
		byte[] csv = ("External ID,SKU,Product Name,Unit Price,Currency\n" + TestData.unique("ERP") + ","
				+ TestData.unique("SKU") + ",Teapot,25,USD\n").getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "p.csv", "text/csv", csv))
			.param("entity", "products")
			.header("Authorization", data.bearer(seller)))
			.andExpect(status().isForbidden());
		String page = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "p.csv", "text/csv", csv))
			.param("entity", "products")
			.with(data.as(seller))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Only administrators and managers may import products.")
			.doesNotContain("<option value=\"products\"");

		String token = data.bearer(manager);
		MvcResult started = mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", "p.csv", "text/csv", csv))
			.param("entity", "products")
			.param("matchBy", "NUMBER")
			.header("Authorization", token))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.mapping['Unit Price']").value("unitPrice"))
			.andReturn();
		String id = JsonPath.read(started.getResponse().getContentAsString(), "$.id");
		String body = "";
		for (int i = 0; i < 300 && !body.contains("\"DONE\""); i++) {
			Thread.sleep(50);
			body = mvc.perform(get("/api/v1/imports/" + id).header("Authorization", token))
				.andReturn().getResponse().getContentAsString();
		}
		assertThat(body).contains("\"createdRows\":1");
		String externalId = new String(csv, StandardCharsets.UTF_8).split("\n")[1].split(",")[0];
		mvc.perform(get("/api/v1/products").param("q", "Teapot").param("size", "100").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.externalId == '" + externalId + "')].currency").value("USD"));
	}
}
