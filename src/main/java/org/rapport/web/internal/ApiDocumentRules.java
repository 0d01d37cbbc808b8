package org.rapport.web.internal;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rapport.shared.SortWhitelist;
import org.rapport.web.SortParameter;
import org.rapport.web.SortedBy;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * The rules that make the OpenAPI document say what the API does, in one place rather than on every controller:
 * which error answers each operation can give (as problem details), what a write needs (If-Match or a version),
 * which fields an answer always carries and which may be null, and patterns a client can read.
 *
 * <p>An operation answers 401 without a valid token, 403 where the role does not allow it and 503 while the
 * database cannot be reached; one that takes input answers 400 for input that cannot be read and 422 naming each
 * invalid field; one that names a record answers 404 for a record that does not exist or that the caller may not
 * see; a write answers 409 when it conflicts with other records or another write; an operation that takes
 * If-Match answers 412 for a stale one, and a replacing write (PUT) that names no version answers 428; an upload
 * answers 413 for a file over the limit. An answer that carries a record with its version has that version as its
 * {@code ETag} header (see {@link VersionTags}).
 */
@Component
class ApiDocumentRules implements OperationCustomizer, OpenApiCustomizer, PropertyCustomizer {

	static final String PROBLEM = "ProblemDetail";
	static final String FIELD_ERROR = "FieldError";
	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
	private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
	private static final String SCHEMAS = "#/components/schemas/";
	private static final String RESPONSES = "#/components/responses/";
	private static final String ETAG = "The record's version in quotes, such as `\"3\"`: send it as `If-Match` "
			+ "to change the record you read.";
	private static final String ETAG_PATTERN = "^\"[0-9]+\"$";
	private static final String IF_MATCH_PATTERN = "^(\\*|(W/)?\"[0-9]+\")$";

	/** The error answers: status, name in the document, and what it means. */
	private enum Problem {

		BAD_REQUEST("400", "BadRequest", "The request cannot be read: a body that is not JSON, a value of the wrong "
				+ "type (such as a malformed id or date) or a value outside the accepted ones."),
		UNAUTHORIZED("401", "Unauthorized", "No valid API token: send `Authorization: Bearer <token>`."),
		FORBIDDEN("403", "Forbidden", "Your role does not allow this."),
		NOT_FOUND("404", "NotFound", "No such record, or one you may not see."),
		CONFLICT("409", "Conflict", "The change conflicts with other records or with a change made meanwhile; "
				+ "fetch the record again and reapply your change."),
		PRECONDITION_FAILED("412", "PreconditionFailed", "If-Match names a version the record no longer has."),
		UNPROCESSABLE("422", "UnprocessableContent", "Some values break the rules; `errors` names each field."),
		CONTENT_TOO_LARGE("413", "ContentTooLarge", "The file is larger than the upload limit "
				+ "(`spring.servlet.multipart.max-file-size`, 100 MB unless set), which `detail` states."),
		PRECONDITION_REQUIRED("428", "PreconditionRequired", "The write names no version: send If-Match with the "
				+ "ETag you read, or the version in the body, so that no change made meanwhile is overwritten."),
		UNAVAILABLE("503", "ServiceUnavailable", "The database cannot be reached for now; try again after the "
				+ "seconds that Retry-After gives.");

		final String status;
		final String name;
		final String description;

		Problem(String status, String name, String description) {
			this.status = status;
			this.name = name;
			this.description = description;
		}
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		ApiResponses responses = operation.getResponses();
		if (responses == null) {
			responses = new ApiResponses();
			operation.setResponses(responses);
		}
		noContentWhereNothingIsAnswered(responses, handler);
		ApiResponse noContent = responses.get("204");
		if (noContent != null) {
			// 204 answers no body, whatever the handler's return type could hold
			noContent.setContent(null);
		}
		ApiResponse created = responses.get("201");
		if (created != null) {
			created.addHeaderObject(HttpHeaders.LOCATION, new Header().description("Where the new record is read")
				.schema(new StringSchema()));
		}
		boolean takesInput = false;
		boolean namesRecord = handler.hasMethodAnnotation(org.rapport.web.NamesRecord.class);
		boolean takesIfMatch = false;
		boolean writes = false;
		boolean versioned = false;
		boolean uploads = false;
		for (var parameter : handler.getMethodParameters()) {
			uploads |= MultipartFile.class.isAssignableFrom(parameter.getParameterType());
			if (parameter.hasParameterAnnotation(RequestBody.class)
					|| parameter.hasParameterAnnotation(RequestPart.class)) {
				takesInput = true;
				writes = true;
				versioned |= carriesVersion(parameter.getParameterType());
			}
			if (parameter.hasParameterAnnotation(RequestParam.class)) {
				takesInput = true;
				SortedBy sorted = parameter.getParameterAnnotation(SortedBy.class);
				if (sorted != null) {
					describeSort(operation, parameter.getParameterAnnotation(RequestParam.class), sorted);
				}
			}
			if (parameter.hasParameterAnnotation(PathVariable.class)) {
				takesInput = true;
				namesRecord = true;
			}
			RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
			if (header != null && (HttpHeaders.IF_MATCH.equalsIgnoreCase(header.name())
					|| HttpHeaders.IF_MATCH.equalsIgnoreCase(header.value()))) {
				takesIfMatch = true;
				writes = true;
			}
		}
		add(responses, Problem.UNAUTHORIZED);
		add(responses, Problem.FORBIDDEN);
		if (takesInput) {
			add(responses, Problem.BAD_REQUEST);
			add(responses, Problem.UNPROCESSABLE);
		}
		if (namesRecord) {
			add(responses, Problem.NOT_FOUND);
		}
		if (writes || !isRead(handler)) {
			add(responses, Problem.CONFLICT);
		}
		if (uploads) {
			add(responses, Problem.CONTENT_TOO_LARGE);
		}
		if (takesIfMatch) {
			add(responses, Problem.PRECONDITION_FAILED);
			describeIfMatch(operation, isReplace(handler), versioned);
		}
		if ((takesIfMatch || versioned) && isReplace(handler)) {
			add(responses, Problem.PRECONDITION_REQUIRED);
		}
		if (VersionTags.answersVersion(handler.getReturnType())) {
			responses.forEach((status, response) -> {
				if (status.startsWith("2") && response.getContent() != null) {
					response.addHeaderObject(HttpHeaders.ETAG, new Header().description(ETAG)
						.schema(new StringSchema().pattern(ETAG_PATTERN)));
				}
			});
		}
		add(responses, Problem.UNAVAILABLE);
		return operation;
	}

	/** The values that a list's sort parameter accepts: its whitelist's spellings with an optional direction. */
	private static void describeSort(Operation operation, RequestParam param, SortedBy sorted) {
		String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : "sort";
		SortWhitelist whitelist = whitelistOf(sorted.value());
		if (operation.getParameters() == null) {
			return;
		}
		operation.getParameters()
			.stream()
			.filter(p -> name.equals(p.getName()) && "query".equals(p.getIn()))
			.forEach(p -> p.schema(new StringSchema()
				.pattern(SortParameter.pattern(whitelist.spellings(), sorted.customFields()))
				.example(whitelist.defaultSort().iterator().next().getProperty() + ",asc")));
	}

	private static SortWhitelist whitelistOf(Class<?> declaring) {
		for (Field field : declaring.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == SortWhitelist.class) {
				try {
					return (SortWhitelist) field.get(null);
				}
				catch (IllegalAccessException unreadable) {
					throw new IllegalStateException("Cannot read the sort whitelist of " + declaring, unreadable);
				}
			}
		}
		throw new IllegalStateException(declaring + " declares no public sort whitelist");
	}

	/** The If-Match header of an operation that reads it: optional, the ETag in quotes or {@code *}. */
	private static void describeIfMatch(Operation operation, boolean replaces, boolean bodyVersion) {
		if (operation.getParameters() == null) {
			return;
		}
		String without = !replaces ? "Without it the record is changed whatever its version."
				: bodyVersion ? "Without it, send the `version` you read in the body; with neither the answer is 428."
						: "Without it the answer is 428.";
		operation.getParameters()
			.stream()
			.filter(parameter -> "header".equals(parameter.getIn())
					&& HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName()))
			.forEach(parameter -> parameter.required(false)
				.description("The `ETag` you read: the record's version in quotes, such as `\"3\"`, or `*` for "
						+ "whatever version it has now. A stale one answers 412 and changes nothing. " + without)
				.example("\"3\"")
				.schema(new StringSchema().pattern(IF_MATCH_PATTERN)));
	}

	private static boolean carriesVersion(Class<?> body) {
		return body.isRecord() && java.util.Arrays.stream(body.getRecordComponents())
			.anyMatch(component -> component.getName().equals("version"));
	}

	private static boolean isRead(HandlerMethod handler) {
		return handler.hasMethodAnnotation(org.springframework.web.bind.annotation.GetMapping.class);
	}

	private static boolean isReplace(HandlerMethod handler) {
		return handler.hasMethodAnnotation(org.springframework.web.bind.annotation.PutMapping.class)
				|| handler.hasMethodAnnotation(org.springframework.web.bind.annotation.PatchMapping.class);
	}

	/** A handler that answers no body (a deletion, say) answers 204, not the 200 that the document guesses. */
	private static void noContentWhereNothingIsAnswered(ApiResponses responses, HandlerMethod handler) {
		ApiResponse ok = responses.get("200");
		if (ok == null) {
			return;
		}
		Class<?> type = handler.getReturnType().getParameterType();
		boolean nothing = type == void.class || type == Void.class;
		if (type == ResponseEntity.class) {
			Type generic = handler.getReturnType().getGenericParameterType();
			nothing = generic instanceof java.lang.reflect.ParameterizedType parameterized
					&& parameterized.getActualTypeArguments()[0] == Void.class;
		}
		boolean writesItself = java.util.Arrays.stream(handler.getMethodParameters())
			.anyMatch(parameter -> jakarta.servlet.ServletResponse.class.isAssignableFrom(parameter.getParameterType()));
		if (nothing && !writesItself) {
			responses.remove("200");
			responses.addApiResponse("204", new ApiResponse().description("Done; nothing to answer"));
		}
		if (writesItself && ok.getContent() == null) {
			// a handler that writes a file itself answers what its mapping produces
			RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
			if (mapping != null && mapping.produces().length > 0) {
				Content content = new Content();
				for (String produced : mapping.produces()) {
					content.addMediaType(produced, new MediaType().schema(new StringSchema()));
				}
				ok.setContent(content);
			}
		}
	}

	private static void add(ApiResponses responses, Problem problem) {
		responses.putIfAbsent(problem.status, new ApiResponse().$ref(RESPONSES + problem.name));
	}

	@Override
	public void customise(OpenAPI api) {
		Components components = api.getComponents();
		if (components == null) {
			components = new Components();
			api.setComponents(components);
		}
		Map<String, Schema> schemas = components.getSchemas();
		if (schemas == null) {
			schemas = new LinkedHashMap<>();
			components.setSchemas(schemas);
		}
		schemas.put(FIELD_ERROR, new ObjectSchema().description("One invalid field of the request")
			.addProperty("field", new StringSchema().description("The field, as named in the request body"))
			.addProperty("code", new StringSchema().description("What is wrong, such as NotBlank or Size"))
			.addProperty("message", new StringSchema().description("What is wrong, for people"))
			.required(List.of("field", "code", "message")));
		schemas.put(PROBLEM, new ObjectSchema().description("An error as RFC 9457 problem details")
			.addProperty("type", new StringSchema().description("What kind of problem, as a URI"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema().format("int32"))
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().description("The path that was called"))
			.addProperty("errors", new ArraySchema().items(new Schema<>().$ref(SCHEMAS + FIELD_ERROR))
				.description("Each invalid field, with a 422"))
			.required(List.of("title", "status")));
		for (Problem problem : Problem.values()) {
			Schema<?> body = new Schema<>().$ref(SCHEMAS + PROBLEM);
			ApiResponse response = new ApiResponse().description(problem.description)
				.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(body))
					.addMediaType(JSON, new MediaType().schema(body)));
			if (problem == Problem.UNAVAILABLE) {
				response.addHeaderObject(HttpHeaders.RETRY_AFTER,
						new Header().description("Seconds to wait before trying again")
							.schema(new IntegerSchema().format("int32").minimum(BigDecimal.ZERO)));
			}
			components.addResponses(problem.name, response);
		}
		objectsThatMayBeNull(schemas);
		answersCarryEveryField(api, schemas);
		valuesAClientCanRead(schemas.values());
	}

	/**
	 * OpenAPI 3.0 reads nothing beside a {@code $ref}, so a nested object that a record may leave out (a lead's
	 * conversion, say) makes the object's own schema nullable: a field that names it may be null.
	 */
	private static void objectsThatMayBeNull(Map<String, Schema> schemas) {
		Set<String> nullable = new TreeSet<>();
		for (Schema<?> schema : schemas.values()) {
			if (schema.getProperties() == null) {
				continue;
			}
			List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
			schema.getProperties().forEach((name, property) -> {
				if (property.get$ref() != null && !required.contains(name)) {
					nullable.add(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1));
				}
			});
		}
		nullable.stream().map(schemas::get).filter(java.util.Objects::nonNull).forEach(schema -> schema.setNullable(true));
	}

	/**
	 * An answer writes every field of its records, a null one as null: each field of a schema that only answers
	 * carry is required. A schema that requests carry too keeps the requirements of its input.
	 */
	private static void answersCarryEveryField(OpenAPI api, Map<String, Schema> schemas) {
		Set<String> requested = new HashSet<>();
		Set<String> answered = new HashSet<>();
		if (api.getPaths() != null) {
			for (PathItem path : api.getPaths().values()) {
				for (Operation operation : path.readOperations()) {
					if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
						operation.getRequestBody()
							.getContent()
							.values()
							.forEach(media -> reach(media.getSchema(), schemas, requested));
					}
					if (operation.getResponses() != null) {
						for (ApiResponse response : operation.getResponses().values()) {
							if (response.getContent() != null) {
								response.getContent().values().forEach(media -> reach(media.getSchema(), schemas, answered));
							}
						}
					}
				}
			}
		}
		answered.removeAll(requested);
		answered.remove(PROBLEM);
		answered.remove(FIELD_ERROR);
		for (String name : answered) {
			Schema<?> schema = schemas.get(name);
			if (schema != null && schema.getProperties() != null) {
				schema.setRequired(new ArrayList<>(new TreeSet<>(schema.getProperties().keySet())));
			}
		}
	}

	private static void reach(Schema<?> start, Map<String, Schema> schemas, Set<String> names) {
		Deque<Schema<?>> pending = new ArrayDeque<>();
		if (start != null) {
			pending.push(start);
		}
		while (!pending.isEmpty()) {
			Schema<?> schema = pending.pop();
			if (schema.get$ref() != null) {
				String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
				if (names.add(name) && schemas.get(name) != null) {
					pending.push(schemas.get(name));
				}
				continue;
			}
			if (schema.getProperties() != null) {
				schema.getProperties().values().forEach(pending::push);
			}
			if (schema.getItems() != null) {
				pending.push(schema.getItems());
			}
			if (schema.getAdditionalProperties() instanceof Schema<?> values) {
				pending.push(values);
			}
			for (List<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
				if (parts != null) {
					parts.forEach(pending::push);
				}
			}
		}
	}

	/**
	 * A document's patterns are ECMA 262 regular expressions; one that uses Java's Unicode classes (such as the
	 * letters of any script in a web address) cannot be read by a client and is left to the 422 that names the
	 * field. A map of values of any kind says so rather than claiming objects.
	 */
	private static void valuesAClientCanRead(Collection<Schema> schemas) {
		Deque<Schema<?>> pending = new ArrayDeque<>();
		schemas.forEach(pending::push);
		Set<Schema<?>> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		while (!pending.isEmpty()) {
			Schema<?> schema = pending.pop();
			if (!seen.add(schema)) {
				continue;
			}
			if (schema.getPattern() != null && schema.getPattern().contains("\\p{")) {
				schema.setPattern(null);
			}
			if (schema.getAdditionalProperties() instanceof Schema<?> values && values.get$ref() == null
					&& "object".equals(values.getType()) && values.getProperties() == null
					&& values.getAdditionalProperties() == null) {
				// a Map<String, Object> holds values of any kind (custom fields: text, numbers, dates, booleans)
				schema.setAdditionalProperties(new Schema<>());
			}
			if (schema.getProperties() != null) {
				schema.getProperties().values().forEach(pending::push);
			}
			if (schema.getItems() != null) {
				pending.push(schema.getItems());
			}
		}
	}

	/**
	 * A field that its record may leave empty is null in answers, and a client may send it as null; only a
	 * primitive, a record's id, a nested object and a field that its input requires are never null.
	 */
	@Override
	public Schema customize(Schema property, AnnotatedType type) {
		if (property != null) {
			limits(property, type.getCtxAnnotations());
		}
		if (property == null || "id".equals(type.getPropertyName()) || isPrimitive(type.getType())
				|| isRequired(type.getCtxAnnotations())) {
			return property;
		}
		if (property.get$ref() != null) {
			// OpenAPI 3.0 reads nothing beside a $ref: see objectsThatMayBeNull
			return property;
		}
		property.setNullable(true);
		if (property.getEnum() != null && !property.getEnum().contains(null)) {
			// OpenAPI 3.0: a nullable enumeration lists null among its values
			property.getEnum().add(null);
		}
		return property;
	}

	/** The bean-validation limits that the document generator leaves out: digits and signs. */
	private static void limits(Schema<?> property, Annotation[] annotations) {
		if (annotations == null) {
			return;
		}
		for (Annotation annotation : annotations) {
			if (annotation instanceof org.rapport.shared.EmailAddress) {
				property.setFormat("email");
			}
			else if (annotation instanceof org.rapport.shared.PhoneNumber) {
				// an empty value is no phone number and is accepted as none
				property.setPattern("^$|" + org.rapport.shared.ContactPoints.PHONE_PATTERN);
			}
			else if (annotation.annotationType().isAnnotationPresent(jakarta.validation.Constraint.class)
					&& annotation.annotationType().getPackageName().startsWith("org.rapport")) {
				// a constraint of our own, such as @Amount, composed of standard ones
				composedLimits(property, annotation.annotationType().getAnnotations());
			}
			if (annotation instanceof Digits digits) {
				BigDecimal bound = BigDecimal.TEN.pow(digits.integer());
				if (property.getMaximum() == null) {
					property.setMaximum(bound);
					property.setExclusiveMaximum(true);
				}
				if (property.getMinimum() == null) {
					property.setMinimum(bound.negate());
					property.setExclusiveMinimum(true);
				}
			}
			else if (annotation instanceof Positive || annotation instanceof PositiveOrZero) {
				property.setMinimum(BigDecimal.ZERO);
				property.setExclusiveMinimum(annotation instanceof Positive);
			}
			else if (annotation instanceof Negative || annotation instanceof NegativeOrZero) {
				property.setMaximum(BigDecimal.ZERO);
				property.setExclusiveMaximum(annotation instanceof Negative);
			}
		}
	}

	private static void composedLimits(Schema<?> property, Annotation[] parts) {
		for (Annotation part : parts) {
			if (part instanceof jakarta.validation.constraints.DecimalMin min && property.getMinimum() == null) {
				property.setMinimum(new BigDecimal(min.value()));
				property.setExclusiveMinimum(min.inclusive() ? null : true);
			}
			else if (part instanceof jakarta.validation.constraints.DecimalMax max && property.getMaximum() == null) {
				property.setMaximum(new BigDecimal(max.value()));
				property.setExclusiveMaximum(max.inclusive() ? null : true);
			}
		}
		limits(property, parts);
	}

	private static boolean isPrimitive(Type type) {
		if (type instanceof Class<?> c) {
			return c.isPrimitive();
		}
		if (type instanceof com.fasterxml.jackson.databind.JavaType javaType) {
			return javaType.isPrimitive();
		}
		return false;
	}

	private static boolean isRequired(Annotation[] annotations) {
		if (annotations == null) {
			return false;
		}
		for (Annotation annotation : annotations) {
			if (annotation instanceof NotNull || annotation instanceof NotBlank || annotation instanceof NotEmpty) {
				return true;
			}
		}
		return false;
	}
}
