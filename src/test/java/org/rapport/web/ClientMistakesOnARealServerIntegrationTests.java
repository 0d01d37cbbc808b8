package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A client's mistake sent to a real Tomcat, which MockMvc does not show: it answers 4xx and logs no error with a
 * stack trace, as an error in the log is for the operator to act on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
@ExtendWith(OutputCaptureExtension.class)
class ClientMistakesOnARealServerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	HttpClient http = HttpClient.newHttpClient();

	String token;

	@BeforeEach
	void signIn() {
		token = data.bearer(data.user(data.team(), Role.SALES));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder get(String rawPathAndQuery) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPathAndQuery));
	}

	private void answersAClientErrorWithoutAnErrorInTheLog(CapturedOutput output, HttpRequest.Builder request,
			boolean problem) throws Exception {
		int before = output.getAll().length();
		HttpResponse<String> response = send(request);
		Thread.sleep(200);
		String logged = output.getAll().substring(before);
		assertThat(response.statusCode()).as(logged).isBetween(400, 499);
		if (problem) {
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
		}
		assertThat(logged).doesNotContain(" ERROR ").doesNotContain("\tat ");
	}

	@Test
	void aQueryParameterWithoutANameIsNoServerError(CapturedOutput output) throws Exception {
		answersAClientErrorWithoutAnErrorInTheLog(output, get("/api/v1/accounts?=x"), true);
	}

	@Test
	void aMalformedPercentEncodingIsNoServerError(CapturedOutput output) throws Exception {
		// java.net.URI refuses to send it, so it goes over a plain socket
		int before = output.getAll().length();
		String answer;
		try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
			socket.getOutputStream().write(("GET /api/v1/accounts?q=%zz HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
					+ token + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		Thread.sleep(200);
		String logged = output.getAll().substring(before);
		assertThat(answer).as(logged).startsWith("HTTP/1.1 400").contains("application/problem+json");
		assertThat(logged).doesNotContain(" ERROR ").doesNotContain("\tat ");
	}

	@Test
	void aHeaderTooLongIsNoServerError(CapturedOutput output) throws Exception {
		answersAClientErrorWithoutAnErrorInTheLog(output, get("/api/v1/accounts").header("X-Long", "x".repeat(20_000)),
				false);
	}

	@Test
	void aWrongContentTypeIsNoServerError(CapturedOutput output) throws Exception {
		answersAClientErrorWithoutAnErrorInTheLog(output, get("/api/v1/accounts").header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("name=Acme")), true);
	}

	@Test
	void aMultipartThatIsCutIsNoServerError(CapturedOutput output) throws Exception {
		String body = "--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\nName\nAcme\n";
		answersAClientErrorWithoutAnErrorInTheLog(output, get("/api/v1/imports?entity=accounts")
			.header("Content-Type", "multipart/form-data; boundary=cut")
			.POST(HttpRequest.BodyPublishers.ofString(body)), true);
	}
}
