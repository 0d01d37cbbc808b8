package org.rapport.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.support.internal.CaseBook;
import org.rapport.support.internal.CaseChannel;
import org.rapport.support.internal.CasePriority;
import org.rapport.support.internal.SupportCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Files attached to a case through the API: a file of a kind the case takes, whose content is what its name says, is
 * kept and downloaded back as an attachment with its name; a program, a disguised file or an empty one is refused
 * naming the field; another team's agent finds neither the case nor its files.
 */
@RapportTest
class CaseAttachmentApiIntegrationTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CaseBook cases;

	@Autowired
	Customers customers;

	User agent;
	String token;
	UUID caseId;

	@BeforeEach
	void setUp() {
		agent = data.user(data.team(), Role.SUPPORT);
		token = data.bearer(agent);
		Actor acting = data.actor(agent);
		var account = customers.openAccount(acting, new NewAccount(TestData.unique("Clinic"), AccountType.COMPANY,
				null, null, null, null, null));
		caseId = cases.create(acting, new SupportCase.Details(account.value(), null, null, "Screen flickers", null,
				CasePriority.NORMAL, CaseChannel.PHONE, null), Map.of(), null, true).getId();
	}

	@Test
	void aFileOfAKindTheCaseTakesIsKeptAndDownloadedBackWithItsName() throws Exception {
		String body = mvc.perform(multipart("/api/v1/cases/{id}/attachments", caseId)
			.file(new MockMultipartFile("file", "screen shot.png", "image/png", PNG))
			.header(HttpHeaders.AUTHORIZATION, token))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("screen shot.png"))
			.andExpect(jsonPath("$.contentType").value("image/png"))
			.andExpect(jsonPath("$.size").value(PNG.length))
			.andExpect(jsonPath("$.createdBy").value(agent.getId().toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.id");

		mvc.perform(get("/api/v1/cases/{id}/attachments", caseId).header(HttpHeaders.AUTHORIZATION, token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id));
		byte[] downloaded = mvc.perform(get("/api/v1/cases/{id}/attachments/{a}", caseId, id)
			.header(HttpHeaders.AUTHORIZATION, token))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
					org.hamcrest.Matchers.containsString("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(downloaded).isEqualTo(PNG);
	}

	@Test
	void programsDisguisedFilesAndEmptyFilesAreRefusedNamingTheField() throws Exception {
		for (MockMultipartFile refused : new MockMultipartFile[] {
				new MockMultipartFile("file", "setup.exe", "application/octet-stream", new byte[] { 'M', 'Z', 0, 0 }),
				new MockMultipartFile("file", "photo.png", "image/png",
						"MZ this is no picture".getBytes(StandardCharsets.US_ASCII)),
				new MockMultipartFile("file", "notes.txt", "text/plain", new byte[0]) }) {
			mvc.perform(multipart("/api/v1/cases/{id}/attachments", caseId).file(refused)
				.header(HttpHeaders.AUTHORIZATION, token))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("file"));
		}
		mvc.perform(get("/api/v1/cases/{id}/attachments", caseId).header(HttpHeaders.AUTHORIZATION, token))
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void anotherTeamsAgentFindsNeitherTheCaseNorItsFiles() throws Exception {
		String body = mvc.perform(multipart("/api/v1/cases/{id}/attachments", caseId)
			.file(new MockMultipartFile("file", "log.txt", "text/plain", "boot ok".getBytes(StandardCharsets.UTF_8)))
			.header(HttpHeaders.AUTHORIZATION, token))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String stranger = data.bearer(data.user(data.team(), Role.SUPPORT));
		mvc.perform(get("/api/v1/cases/{id}/attachments/{a}", caseId, JsonPath.read(body, "$.id"))
			.header(HttpHeaders.AUTHORIZATION, stranger)).andExpect(status().isNotFound());
		mvc.perform(multipart("/api/v1/cases/{id}/attachments", caseId)
			.file(new MockMultipartFile("file", "log.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)))
			.header(HttpHeaders.AUTHORIZATION, stranger)).andExpect(status().isNotFound());
	}
}
