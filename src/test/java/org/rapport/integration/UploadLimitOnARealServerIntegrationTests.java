package org.rapport.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A file over the upload limit, posted from the import page of a signed-in browser session to a real Tomcat, brings
 * the user back to the import page with a message in their language; posted to the API, it answers 413 with problem
 * details. Both state the limit that is set, here 1 KB.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.servlet.multipart.max-file-size=1KB", "spring.servlet.multipart.max-request-size=2KB" })
@ActiveProfiles("test")
@Import(TestData.class)
class UploadLimitOnARealServerIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private String page(String path, String language) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
			.header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		assertThat(m.find()).as(html).isTrue();
		return m.group(1);
	}

	private HttpResponse<String> uploadTooLarge(String language) throws Exception {
		User user = data.user(data.team(), Role.SALES);
		String login = "username=" + URLEncoder.encode(user.getUsername(), StandardCharsets.UTF_8) + "&password="
				+ TestData.PASSWORD + "&_csrf=" + csrf(page("/login?lang=" + language.replace('-', '_'), language));
		http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.ofString());
		String token = csrf(page("/imports", language));
		String body = "--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
				+ "--b\r\nContent-Disposition: form-data; name=\"entity\"\r\n\r\ncontacts\r\n"
				+ "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\nLast Name\n" + "Müller\n".repeat(2000) + "\r\n--b--\r\n";
		return http.send(HttpRequest.newBuilder(uri("/imports")).header("Accept", "text/html")
			.header("Accept-Language", language).header("Content-Type", "multipart/form-data; boundary=b")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aFileOverTheLimitBringsTheUserBackToTheImportPageWithAMessage() throws Exception {
		HttpResponse<String> answer = uploadTooLarge("en");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(answer.uri().getPath()).isEqualTo("/imports");
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
		assertThat(answer.body()).contains("id=\"upload-form\"").contains("The file is larger than 1 KB.")
			.contains("up to 1 KB.");
	}

	@Test
	void theMessageIsInTheUsersLanguage() throws Exception {
		HttpResponse<String> answer = uploadTooLarge("zh-CN");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).contains("id=\"upload-form\"").contains("文件超过 1 KB，").contains("最大 1 KB。");
	}

	private HttpResponse<String> uploadTooLargeToTheApi(String language) throws Exception {
		String body = "--b\r\nContent-Disposition: form-data; name=\"entity\"\r\n\r\ncontacts\r\n"
				+ "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\nLast Name\n" + "Müller\n".repeat(2000) + "\r\n--b--\r\n";
		return http.send(HttpRequest.newBuilder(uri("/api/v1/imports"))
			.header("Authorization", data.bearer(data.user(data.team(), Role.ADMIN)))
			.header("Accept-Language", language).header("Content-Type", "multipart/form-data; boundary=b")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theApiAnswers413StatingTheLimitInTheCallersLanguage() throws Exception {
		HttpResponse<String> english = uploadTooLargeToTheApi("en");
		assertThat(english.statusCode()).as(english.body()).isEqualTo(413);
		assertThat(english.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(english.body()).contains("\"status\":413")
			.contains("\"detail\":\"The file is larger than the upload limit of 1 KB.\"");
		HttpResponse<String> chinese = uploadTooLargeToTheApi("zh-CN");
		assertThat(chinese.statusCode()).isEqualTo(413);
		assertThat(chinese.body()).contains("文件超过上传大小限制（1 KB）。");
	}
}
