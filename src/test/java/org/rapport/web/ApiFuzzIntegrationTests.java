package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends every operation of the OpenAPI document hostile values derived from its own schema — huge, fractional
 * and negative numbers, wrong JSON types, unknown enum values, overlong strings, malformed ids, huge pages, empty
 * and missing bodies — as an administrator and as a sales user, and expects no answer to be a server error.
 */
@RapportTest
class ApiFuzzIntegrationTests {

	private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

	private static final List<String> HOSTILE_PARAMETERS = List.of("99999999999", "1e30", "-1", "85899346",
			"2147483647", "-2147483648", "not-a-uuid", "x".repeat(3000), "NO_SUCH_VALUE", "", "%", "1.5", "true",
			"0", "3000-01-01", "1900-01-01");

	private static final int MUTATIONS_PER_PROPERTY = 4;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	private final JsonMapper json = JsonMapper.builder().build();

	private final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final Random random = new Random(20261205L);

	private JsonNode document;

	private Map<String, String> knownIds;

	@Test
	void noHostileRequestDerivedFromTheOpenApiDocumentAnswersAServerError() throws Exception {
		TeamId team = data.team();
		String admin = data.bearer(data.user(team, Role.ADMIN));
		String seller = data.bearer(data.user(team, Role.SALES));
		document = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
		knownIds = records(admin);

		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase(java.util.Locale.ROOT));
				List<Probe> probes = probes(path.getKey(), method, operation.getValue());
				for (int i = 0; i < probes.size(); i++) {
					Probe probe = probes.get(i);
					// the valid request goes as both; each hostile one as either, in turn
					for (String token : i == 0 ? List.of(admin, seller) : List.of(i % 2 == 0 ? admin : seller)) {
						sent++;
						try {
							MvcResult result = mvc.perform(probe.request(token)).andReturn();
							int status = result.getResponse().getStatus();
							if (status >= 500) {
								failures.add(status + " " + probe + " -> "
										+ abbreviate(result.getResponse().getContentAsString()));
							}
						}
						catch (Exception unhandled) {
							Throwable root = unhandled;
							while (root.getCause() != null) {
								root = root.getCause();
							}
							failures.add("500 " + probe + " -> " + abbreviate(String.valueOf(root)));
						}
					}
				}
			}
		}
		assertThat(sent).isGreaterThan(1000);
		assertThat(failures).as("requests answered with a server error").isEmpty();
	}

	/** Records that the hostile requests refer to, so that a body gets past "no such account" to its values. */
	private Map<String, String> records(String admin) throws Exception {
		Map<String, String> ids = new LinkedHashMap<>();
		ids.put("accountId", create(admin, "/api/v1/accounts", TestData.accountJson("Fuzz Account")));
		// a SKU of its own, so that a second run on the same database does not meet the first run's product
		ids.put("productId", create(admin, "/api/v1/products", """
				{"sku": "FUZZ-%d", "name": "Fuzz Product", "unitPrice": 10, "currency": "EUR"}"""
			.formatted(System.nanoTime())));
		return ids;
	}

	private String create(String token, String path, String body) throws Exception {
		MvcResult result = mvc.perform(request(HttpMethod.POST, path).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path + " " + result.getResponse().getContentAsString())
			.isEqualTo(201);
		return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
	}

	private List<Probe> probes(String template, HttpMethod method, JsonNode operation) {
		List<JsonNode> parameters = new ArrayList<>();
		operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
		JsonNode bodySchema = null;
		String contentType = null;
		JsonNode content = operation.path("requestBody").path("content");
		Iterator<Map.Entry<String, JsonNode>> types = content.properties().iterator();
		if (types.hasNext()) {
			Map.Entry<String, JsonNode> first = types.next();
			contentType = first.getKey();
			bodySchema = resolve(first.getValue().path("schema"));
		}
		Map<String, String> pathValues = new LinkedHashMap<>();
		Map<String, String> queryValues = new LinkedHashMap<>();
		for (JsonNode parameter : parameters) {
			String name = parameter.path("name").asString();
			String value = example(name, resolve(parameter.path("schema")), 0).asString();
			if ("path".equals(parameter.path("in").asString())) {
				pathValues.put(name, value);
			}
			else if ("query".equals(parameter.path("in").asString()) && parameter.path("required").asBoolean()) {
				queryValues.put(name, value);
			}
		}
		JsonNode validBody = bodySchema == null ? null : example("body", bodySchema, 0);
		List<Probe> probes = new ArrayList<>();
		probes.add(new Probe(method, template, pathValues, queryValues, contentType, text(validBody)));
		for (JsonNode parameter : parameters) {
			String name = parameter.path("name").asString();
			String in = parameter.path("in").asString();
			if (!"path".equals(in) && !"query".equals(in)) {
				continue;
			}
			for (String hostile : pick(HOSTILE_PARAMETERS, 4)) {
				Map<String, String> pv = new LinkedHashMap<>(pathValues);
				Map<String, String> qv = new LinkedHashMap<>(queryValues);
				if ("path".equals(in)) {
					if (hostile.isEmpty() || hostile.equals("%")) {
						continue;
					}
					pv.put(name, hostile);
				}
				else {
					qv.put(name, hostile);
				}
				probes.add(new Probe(method, template, pv, qv, contentType, text(validBody)));
			}
		}
		Map<String, String> empty = new LinkedHashMap<>(queryValues);
		empty.put("", "x");
		probes.add(new Probe(method, template, pathValues, empty, contentType, text(validBody)));
		if (bodySchema != null && contentType.contains("json")) {
			for (String raw : List.of("{}", "", "[]", "null", "not json", "{\"a\":", "1e999999")) {
				probes.add(new Probe(method, template, pathValues, queryValues, contentType, raw));
			}
			if (validBody instanceof ObjectNode object) {
				for (Map.Entry<String, JsonNode> property : bodySchemaProperties(bodySchema).entrySet()) {
					for (JsonNode hostile : pick(hostileValues(property.getKey(), property.getValue()),
							MUTATIONS_PER_PROPERTY)) {
						ObjectNode mutated = object.deepCopy();
						mutated.set(property.getKey(), hostile);
						probes.add(new Probe(method, template, pathValues, queryValues, contentType, text(mutated)));
					}
				}
			}
		}
		return probes;
	}

	private Map<String, JsonNode> bodySchemaProperties(JsonNode schema) {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			properties.put(property.getKey(), resolve(property.getValue()));
		}
		return properties;
	}

	/** Values that break the property's schema in the ways that clients get wrong, chosen by its type. */
	private List<JsonNode> hostileValues(String name, JsonNode schema) {
		String type = schema.path("type").asString();
		String format = schema.path("format").asString();
		List<JsonNode> values = new ArrayList<>(List.of(nodes.nullNode(), nodes.objectNode()));
		if (schema.has("enum")) {
			values.addAll(List.of(nodes.stringNode("Manufacturing"), nodes.stringNode(""), nodes.numberNode(3)));
		}
		else if ("integer".equals(type) || "number".equals(type)) {
			values.addAll(List.of(nodes.numberNode(new java.math.BigDecimal("1e30")), nodes.numberNode(99999999999L),
					nodes.numberNode(-1), nodes.numberNode(new java.math.BigDecimal("1e15")),
					nodes.numberNode(new java.math.BigDecimal("0.123456789")), nodes.stringNode("abc")));
		}
		else if ("boolean".equals(type)) {
			values.addAll(List.of(nodes.stringNode("maybe"), nodes.numberNode(2)));
		}
		else if ("array".equals(type)) {
			ArrayNode items = nodes.arrayNode();
			items.add(hostileItem(resolve(schema.path("items"))));
			ArrayNode many = nodes.arrayNode();
			for (int i = 0; i < 300; i++) {
				many.add(example("item", resolve(schema.path("items")), 1));
			}
			values.addAll(List.of(items, many, nodes.stringNode("abc")));
		}
		else if ("object".equals(type)) {
			values.addAll(List.of(nodes.arrayNode(), nodes.stringNode("abc")));
		}
		else if ("uuid".equals(format)) {
			values.addAll(List.of(nodes.stringNode("not-a-uuid"), nodes.numberNode(1), nodes.stringNode("")));
		}
		else if ("date".equals(format) || "date-time".equals(format)) {
			values.addAll(List.of(nodes.stringNode("1900-01-01"), nodes.stringNode("99999-12-31"),
					nodes.stringNode("2027-02-30"), nodes.stringNode("abc"), nodes.numberNode(1e30)));
		}
		else {
			values.addAll(List.of(nodes.stringNode("x".repeat(10000)), nodes.stringNode("QQQ"),
					nodes.stringNode(""), nodes.numberNode(new java.math.BigDecimal("1e30")), nodes.arrayNode()));
		}
		return values;
	}

	private JsonNode hostileItem(JsonNode schema) {
		JsonNode item = example("item", schema, 1);
		if (item instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> property : bodySchemaProperties(schema).entrySet()) {
				List<JsonNode> hostile = hostileValues(property.getKey(), property.getValue());
				object.set(property.getKey(), hostile.get(random.nextInt(hostile.size())));
			}
		}
		return item;
	}

	private JsonNode example(String name, JsonNode schema, int depth) {
		if (schema.has("allOf")) {
			return example(name, resolve(schema.get("allOf").get(0)), depth);
		}
		if (schema.has("oneOf") || schema.has("anyOf")) {
			return example(name, resolve((schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")).get(0)),
					depth);
		}
		if (schema.has("enum")) {
			return schema.get("enum").get(0);
		}
		String type = schema.path("type").asString();
		if (type.isEmpty() && schema.path("type").isArray()) {
			type = schema.path("type").get(0).asString();
		}
		String format = schema.path("format").asString();
		switch (type) {
			case "integer":
				return nodes.numberNode(name.toLowerCase(java.util.Locale.ROOT).contains("page") ? 0 : 1);
			case "number":
				return nodes.numberNode(10);
			case "boolean":
				return nodes.booleanNode(false);
			case "array": {
				ArrayNode array = nodes.arrayNode();
				if (depth < 3) {
					array.add(example(name, resolve(schema.path("items")), depth + 1));
				}
				return array;
			}
			case "object": {
				ObjectNode object = nodes.objectNode();
				if (depth < 3) {
					for (Map.Entry<String, JsonNode> property : bodySchemaProperties(schema).entrySet()) {
						if (!property.getKey().equals("version") && !property.getKey().equals("customFields")) {
							object.set(property.getKey(), example(property.getKey(), property.getValue(), depth + 1));
						}
					}
				}
				return object;
			}
			default:
				return nodes.stringNode(text(name, format));
		}
	}

	private String text(String name, String format) {
		if (knownIds.containsKey(name)) {
			return knownIds.get(name);
		}
		String lower = name.toLowerCase(java.util.Locale.ROOT);
		return switch (format) {
			case "uuid" -> "0191a3b4-0000-7000-8000-000000000000";
			case "date" -> lower.contains("end") ? "2027-12-31" : "2027-01-01";
			case "date-time" -> "2027-01-01T10:00:00Z";
			case "email" -> "fuzz@example.com";
			default -> lower.contains("currency") ? "EUR" : lower.contains("email") ? "fuzz@example.com"
					: lower.contains("website") ? "example.com" : lower.contains("phone") ? "+49 40 123456"
							: lower.contains("locale") ? "en" : lower.contains("zone") ? "UTC" : "Fuzz " + name;
		};
	}

	private JsonNode resolve(JsonNode node) {
		JsonNode current = node;
		while (current != null && current.has("$ref")) {
			String ref = current.get("$ref").asString();
			current = document.at(ref.substring(1));
		}
		return current == null ? nodes.objectNode() : current;
	}

	private <T> List<T> pick(List<T> values, int count) {
		List<T> copy = new ArrayList<>(values);
		java.util.Collections.shuffle(copy, random);
		return copy.subList(0, Math.min(count, copy.size()));
	}

	private String text(JsonNode node) {
		return node == null ? null : json.writeValueAsString(node);
	}

	private static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "..." : text;
	}

	private record Probe(HttpMethod method, String template, Map<String, String> path, Map<String, String> query,
			String contentType, String body) {

		MockHttpServletRequestBuilder request(String token) {
			Matcher matcher = PATH_PARAMETER.matcher(template);
			StringBuilder uri = new StringBuilder();
			while (matcher.find()) {
				matcher.appendReplacement(uri, Matcher.quoteReplacement(
						org.springframework.web.util.UriUtils.encodePathSegment(path.getOrDefault(matcher.group(1), "x"),
								java.nio.charset.StandardCharsets.UTF_8)));
			}
			matcher.appendTail(uri);
			// hostile on purpose: the answers are held to the document, the requests are not
			MockHttpServletRequestBuilder builder = request(method, java.net.URI.create(uri + queryString())).header(
					"Authorization", token).with(org.rapport.ApiContract.offContract());
			if (contentType != null && body != null) {
				if (contentType.startsWith("multipart")) {
					builder.contentType(MediaType.MULTIPART_FORM_DATA).content(body);
				}
				else {
					builder.contentType(MediaType.parseMediaType(contentType)).content(body);
				}
			}
			return builder;
		}

		private String queryString() {
			if (query.isEmpty()) {
				return "";
			}
			StringBuilder q = new StringBuilder("?");
			query.forEach((name, value) -> q.append(q.length() > 1 ? "&" : "")
				.append(org.springframework.web.util.UriUtils.encodeQueryParam(name,
						java.nio.charset.StandardCharsets.UTF_8))
				.append('=')
				.append(org.springframework.web.util.UriUtils.encodeQueryParam(value,
						java.nio.charset.StandardCharsets.UTF_8)));
			return q.toString();
		}

		private static MockHttpServletRequestBuilder request(HttpMethod method, java.net.URI uri) {
			return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(method, uri);
		}

		@Override
		public String toString() {
			String b = body == null ? "" : " " + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
			return method + " " + template + " " + path + " " + queryString().replace("x".repeat(3000), "x*3000") + b;
		}
	}
}
