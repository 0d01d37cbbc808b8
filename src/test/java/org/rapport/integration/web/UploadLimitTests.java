package org.rapport.integration.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rapport.web.UploadSizeTests;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class UploadLimitTests {

	@Test
	void anApiUploadOverTheLimitAnswers413StatingTheConfiguredLimitInTheUsersLanguage() throws Exception {
		UploadLimit limit = new UploadLimit(UploadSizeTests.of("2MB"), JsonMapper.builder().build());
		MockHttpServletResponse english = new MockHttpServletResponse();
		limit.tooLarge(new MockHttpServletRequest("POST", "/api/v1/imports"), english, Locale.ENGLISH);
		assertThat(english.getStatus()).isEqualTo(413);
		assertThat(english.getContentType()).startsWith("application/problem+json");
		String body = english.getContentAsString();
		assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(413);
		assertThat((String) JsonPath.read(body, "$.detail")).isEqualTo("The file is larger than the upload limit of 2 MB.");

		MockHttpServletResponse chinese = new MockHttpServletResponse();
		limit.tooLarge(new MockHttpServletRequest("POST", "/api/v1/imports"), chinese, Locale.SIMPLIFIED_CHINESE);
		assertThat((String) JsonPath.read(chinese.getContentAsString(), "$.detail")).isEqualTo("文件超过上传大小限制（2 MB）。");
	}

	@Test
	void aPageUploadOverTheLimitGoesBackToTheImportPage() throws Exception {
		UploadLimit limit = new UploadLimit(UploadSizeTests.of("2MB"), JsonMapper.builder().build());
		MockHttpServletResponse response = new MockHttpServletResponse();
		limit.tooLarge(new MockHttpServletRequest("POST", "/imports"), response, Locale.ENGLISH);
		assertThat(response.getRedirectedUrl()).isEqualTo("/imports?tooLarge=true");
	}
}
