package org.rapport.integration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * An import started from the pages speaks the language the pages are shown in: a user whose stored language is
 * English and who switched this session to Chinese gets the mapping's field names and the rejected rows' reasons in
 * Chinese.
 */
@RapportTest
class ImportPagesLanguageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void rejectedRowsKeepTheirReasonsInTheLanguageOfThePagesAfterASwitchInTheSession() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.SIMPLIFIED_CHINESE);
		String nobody = TestData.unique("无此客户");
		MockMultipartFile file = new MockMultipartFile("file", "联系人.csv", "text/csv",
				("Last Name,Account\nDoe," + nobody + "\n,\n").getBytes(StandardCharsets.UTF_8));

		String mapping = mvc.perform(multipart("/imports").file(file).param("entity", "contacts").session(session)
			.with(data.as(seller))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		UUID id = UUID.fromString(mapping.split("/")[2]);
		mvc.perform(get(mapping).session(session).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(">姓 *</option>")));
		mvc.perform(post(mapping).session(session).with(data.as(seller)).with(csrf())
			.param("field", "lastName", "account")
			.param("duplicateMode", "CREATE")
			.param("matchBy", "EXTERNAL_ID")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/imports/" + id + "/start").session(session).with(data.as(seller)).with(csrf()))
			.andExpect(status().is3xxRedirection());

		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!"DONE".equals(jdbc.queryForObject("select status from import_job where id = ?", String.class, id))
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(jdbc.queryForObject("select reasons from import_rejected_row where job_id = ? and line = 2",
				String.class, id)).contains("没有您可见的编号、外部编号或名称为 " + nobody + " 的客户");
		// a field's reason follows its label with the language's own colon
		assertThat(jdbc.queryForObject("select reasons from import_rejected_row where job_id = ? and line = 3",
				String.class, id)).contains("姓：必填");
	}
}
