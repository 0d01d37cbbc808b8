package org.rapport.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
import org.rapport.support.internal.CaseAttachments;
import org.rapport.support.internal.CaseBook;
import org.rapport.support.internal.CaseChannel;
import org.rapport.support.internal.CasePriority;
import org.rapport.support.internal.SupportCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The case page's files: an agent attaches a file and finds it listed with a download link; a refused file is named
 * at the file input in the agent's language and nothing is kept.
 */
@RapportTest
class CaseFilePagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CaseBook cases;

	@Autowired
	CaseAttachments attachments;

	@Autowired
	Customers customers;

	User agent;
	UUID caseId;

	@BeforeEach
	void setUp() {
		agent = data.user(data.team(), Locale.SIMPLIFIED_CHINESE, Role.SUPPORT);
		Actor acting = data.actor(agent);
		var account = customers.openAccount(acting, new NewAccount(TestData.unique("Clinic"), AccountType.COMPANY,
				null, null, null, null, null));
		caseId = cases.create(acting, new SupportCase.Details(account.value(), null, null, "Printer offline", null,
				CasePriority.NORMAL, CaseChannel.PHONE, null), Map.of(), null, true).getId();
	}

	@Test
	void anAttachedFileIsListedWithItsDownloadLink() throws Exception {
		mvc.perform(multipart("/cases/{id}/attachments", caseId)
			.file(new MockMultipartFile("file", "printer.log", "text/plain", "paper jam".getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(data.as(agent)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/cases/" + caseId + "#files"))
			.andExpect(flash().attribute("success", "flash.case.attached"));
		UUID file = attachments.of(data.actor(agent), caseId).get(0).getId();
		mvc.perform(get("/cases/{id}", caseId).with(data.as(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/cases/" + caseId + "/attachments/" + file)))
			.andExpect(content().string(containsString("printer.log")));
		byte[] downloaded = mvc.perform(get("/cases/{id}/attachments/{a}", caseId, file).with(data.as(agent)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(downloaded, StandardCharsets.UTF_8)).isEqualTo("paper jam");
	}

	@Test
	void aRefusedFileIsNamedAtTheInputInTheAgentsLanguage() throws Exception {
		var refused = mvc.perform(multipart("/cases/{id}/attachments", caseId)
			.file(new MockMultipartFile("file", "run.exe", "application/octet-stream", new byte[] { 'M', 'Z' }))
			.with(csrf())
			.with(data.as(agent)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		Object message = refused.getFlashMap().get("fileError");
		assertThat(message).asString().contains("不接受").contains(".exe");
		mvc.perform(get("/cases/{id}", caseId).with(data.as(agent)).flashAttr("fileError", message))
			.andExpect(content().string(containsString("id=\"file-error\"")))
			.andExpect(content().string(not(containsString("run.exe</a>"))));
		assertThat(attachments.of(data.actor(agent), caseId)).isEmpty();
	}
}
