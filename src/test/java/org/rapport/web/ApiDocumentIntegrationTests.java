package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the OpenAPI document promises beyond what the API tests happen to call: every operation's error answers,
 * the problem details with their field errors, and what a write needs.
 */
@RapportTest
class ApiDocumentIntegrationTests {

	@Autowired
	MockMvc mvc;

	DocumentContext document;

	@BeforeEach
	void read() throws Exception {
		document = JsonPath.parse(mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void theDescriptionsShowTheAuthorizationHeaderAsCodeSoThatTheTokenPlaceholderIsNotTakenForATag() {
		String description = document.read("$.info.description");
		assertThat(description).contains("`Authorization: Bearer <token>`");
		// $..description also finds the schemas of fields named description; the texts are the strings
		List<Object> found = document.read("$..description");
		List<String> texts = found.stream().filter(String.class::isInstance).map(String.class::cast).toList();
		assertThat(texts).hasSizeGreaterThan(50);
		assertThat(texts).allSatisfy(text -> assertThat(text.replaceAll("`[^`]*`", ""))
			.as("Swagger UI reads descriptions as Markdown, where <word> outside code is an HTML tag and vanishes")
			.doesNotContainPattern("<[A-Za-z]"));
	}

	@Test
	void everyOperationDeclaresTheAnswersOfEveryCallAndThoseOfItsInputRecordAndVersion() {
		Map<String, Map<String, Map<String, Object>>> paths = document.read("$.paths");
		assertThat(paths).isNotEmpty();
		paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
			String name = method.toUpperCase() + " " + path;
			assertThat(responses).as(name).containsKeys("401", "403", "503");
			if (path.contains("{")) {
				assertThat(responses).as(name).containsKeys("400", "404", "422");
			}
			if (!method.equals("get")) {
				assertThat(responses).as(name).containsKey("409");
			}
			assertThat(responses).as(name).doesNotContainKey("500");
		}));
	}

	@Test
	void errorsAreProblemDetailsWhoseFieldErrorsNameFieldCodeAndMessage() {
		assertThat((String) document.read("$.components.responses.UnprocessableContent.content['application/problem+json'].schema.$ref"))
			.isEqualTo("#/components/schemas/ProblemDetail");
		assertThat((String) document.read("$.components.schemas.ProblemDetail.properties.errors.items.$ref"))
			.isEqualTo("#/components/schemas/FieldError");
		assertThat((List<String>) document.read("$.components.schemas.FieldError.required"))
			.containsExactlyInAnyOrder("field", "code", "message");
		assertThat((Object) document.read("$.components.responses.ServiceUnavailable.headers.Retry-After")).isNotNull();
	}

	@Test
	void aReplacingWriteDeclares412And428AndACreateDeclares201WithItsLocation() {
		assertThat((Map<String, Object>) document.read("$.paths['/api/v1/accounts/{id}'].put.responses"))
			.containsKeys("200", "409", "412", "422", "428");
		assertThat((Map<String, Object>) document.read("$.paths['/api/v1/admin/custom-fields/{id}'].put.responses"))
			.containsKey("428");
		assertThat((Map<String, Object>) document.read("$.paths['/api/v1/accounts'].post.responses"))
			.containsKey("201")
			.doesNotContainKey("200");
		assertThat((Object) document.read("$.paths['/api/v1/accounts'].post.responses.201.headers.Location")).isNotNull();
		assertThat((Map<String, Object>) document.read("$.paths['/api/v1/accounts/{id}'].delete.responses"))
			.containsKey("204")
			.doesNotContainKey("200");
	}

	@Test
	void aReplacingWriteDescribesIfMatchAndAnAnswerOfOneRecordItsETag() {
		String put = "$.paths['/api/v1/accounts/{id}'].put";
		List<Map<String, Object>> ifMatch = document.read(put + ".parameters[?(@.name == 'If-Match')]");
		assertThat(ifMatch).singleElement().satisfies(header -> {
			assertThat(header).containsEntry("in", "header").containsEntry("required", false);
			assertThat((String) header.get("description")).contains("`ETag`", "`*`", "412", "428");
			assertThat((Map<String, Object>) header.get("schema")).containsEntry("pattern", "^(\\*|(W/)?\"[0-9]+\")$");
		});
		assertThat((Map<String, Object>) document.read(put + ".responses")).containsKeys("412", "428");
		for (String answer : List.of(put + ".responses.200", "$.paths['/api/v1/accounts/{id}'].get.responses.200",
				"$.paths['/api/v1/accounts'].post.responses.201")) {
			Map<String, Object> etag = document.read(answer + ".headers.ETag");
			assertThat((String) etag.get("description")).as(answer).contains("version", "If-Match");
			assertThat((Map<String, Object>) etag.get("schema")).as(answer).containsEntry("pattern", "^\"[0-9]+\"$");
		}
		assertThat(document.read("$.paths['/api/v1/accounts'].get.responses.200", Map.class))
			.as("a list answers no ETag").doesNotContainKey("headers");
		assertThat((List<Object>) document.read("$.paths['/api/v1/accounts/{id}'].delete.parameters[?(@.name == 'If-Match')].description"))
			.singleElement().asString().contains("412").doesNotContain("428");
	}

	@Test
	void everyReplacingWriteNamesAVersionAndAnswersItsRecordsNewOne() {
		Map<String, Map<String, Map<String, Object>>> paths = document.read("$.paths");
		List<String> puts = paths.entrySet().stream().filter(path -> path.getValue().containsKey("put"))
			.map(Map.Entry::getKey).toList();
		assertThat(puts).contains("/api/v1/views/{id}", "/api/v1/admin/custom-fields/{id}", "/api/v1/pipelines/{id}",
				"/api/v1/pipelines/{id}/stages/{stageId}", "/api/v1/pipelines/{id}/stages");
		for (String path : puts) {
			String put = "$.paths['" + path + "'].put";
			assertThat((List<Object>) document.read(put + ".parameters[?(@.name == 'If-Match' && @.in == 'header')]"))
				.as(path).hasSize(1);
			assertThat((Map<String, Object>) document.read(put + ".responses")).as(path).containsKeys("412", "428");
			assertThat((Object) document.read(put + ".responses.200.headers.ETag")).as(path).isNotNull();
		}
	}

	@Test
	void anUploadDeclaresTheAnswerToAFileOverTheLimit() {
		assertThat((Map<String, Object>) document.read("$.paths['/api/v1/imports'].post.responses")).containsKey("413");
		assertThat((String) document.read("$.components.responses.ContentTooLarge.description"))
			.contains("spring.servlet.multipart.max-file-size");
	}

	@Test
	void anAnswerCarriesEveryFieldAndMarksThoseThatMayBeNull() {
		List<String> required = document.read("$.components.schemas.AccountResource.required");
		assertThat(required).contains("id", "version", "name", "industry", "createdAt");
		assertThat((Object) document.read("$.components.schemas.AccountResource.properties.industry.nullable"))
			.isEqualTo(true);
		assertThat((List<Object>) document.read("$.components.schemas.AccountResource.properties.industry.enum"))
			.contains("MANUFACTURING")
			.containsNull();
		assertThat(document.read("$.components.schemas.AccountResource.properties.id", Map.class))
			.doesNotContainKey("nullable");
		assertThat(document.read("$.components.schemas.AccountResource.properties.version", Map.class))
			.doesNotContainKey("nullable");
	}

	@Test
	void anInputDeclaresItsRequiredFieldsLimitsAndFormats() {
		assertThat((List<String>) document.read("$.components.schemas.AccountInput.required")).containsExactly("name");
		assertThat((Integer) document.read("$.components.schemas.AccountInput.properties.name.maxLength")).isEqualTo(200);
		assertThat((String) document.read("$.components.schemas.AccountInput.properties.email.format")).isEqualTo("email");
		assertThat((Object) document.read("$.components.schemas.AccountInput.properties.description.nullable"))
			.isEqualTo(true);
		assertThat(document.read("$.components.schemas.AccountInput.properties.name", Map.class))
			.doesNotContainKey("nullable");
		assertThat(document.read("$.components.schemas.AccountInput.properties.website", Map.class))
			.as("a Java pattern that no ECMA 262 client can read").doesNotContainKey("pattern");
		assertThat((String) document.read("$.components.schemas.AccountInput.properties.phone.pattern"))
			.isEqualTo("^$|^\\+?[0-9 ()./-]{3,40}$");
		assertThat(document.read("$.components.schemas.OrderLineInput.properties.quantity", Map.class))
			.containsEntry("exclusiveMinimum", true)
			.containsEntry("exclusiveMaximum", true)
			.containsKey("maximum");
	}

	@Test
	void everyListStatesTheSortsItAcceptsAndNoOther() {
		for (String list : List.of("accounts", "contacts", "leads", "opportunities", "orders", "contracts",
				"products")) {
			assertThat(sortPattern(list)).as(list).startsWith("^(").endsWith(")(,(asc|desc))?$");
		}
		String accounts = sortPattern("accounts");
		assertThat(List.of("name", "name,desc", "createdAt,asc", "created,desc", "updatedAt", "updated,asc",
				"cf.tier,desc")).allMatch(value -> value.matches(accounts));
		assertThat(List.of("amount,asc", "name,up", "cf.,asc")).noneMatch(value -> value.matches(accounts));
		String orders = sortPattern("orders");
		assertThat(List.of("orderDate,desc", "number,asc")).allMatch(value -> value.matches(orders));
		assertThat("name,asc").doesNotMatch(orders);
		assertThat(List.of("name,asc", "closeDate,desc", "updatedAt,desc"))
			.allMatch(value -> value.matches(sortPattern("opportunities")));
		assertThat(List.of("endDate,asc", "number,desc")).allMatch(value -> value.matches(sortPattern("contracts")));
		assertThat(List.of("name,asc", "sku,desc")).allMatch(value -> value.matches(sortPattern("products")));
	}

	private String sortPattern(String list) {
		List<String> patterns = document
			.read("$.paths['/api/v1/" + list + "'].get.parameters[?(@.name == 'sort')].schema.pattern");
		assertThat(patterns).as(list).hasSize(1);
		return patterns.get(0);
	}
}
