package org.rapport.web.internal;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rapport.web.Versions;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * An API answer that carries one record with its {@code version} answers that version as its ETag, which a client
 * sends back as If-Match to change the record; the OpenAPI document describes the header on the same rule (see
 * {@link ApiDocumentRules}), so that every such answer has it and the document says so.
 */
@RestControllerAdvice(annotations = RestController.class)
class VersionTags implements ResponseBodyAdvice<Object> {

	private static final String VERSION = "version";

	/**
	 * The accessor of each answer type's version, or none; a type's record components are read once, not on every
	 * answer.
	 */
	private static final ClassValue<Optional<Method>> VERSIONS = new ClassValue<>() {
		@Override
		protected Optional<Method> computeValue(Class<?> type) {
			return versionOf(type);
		}
	};

	/** Whether each handler method answers a record with its version, decided once per method. */
	private final Map<Handler, Boolean> answering = new ConcurrentHashMap<>();

	/** Whether a handler's answer is a record that carries its version, read from its declared return type. */
	static boolean answersVersion(MethodParameter returnType) {
		Class<?> type = returnType.getParameterType();
		if (HttpEntity.class.isAssignableFrom(type)) {
			type = ResolvableType.forMethodParameter(returnType).as(HttpEntity.class).getGeneric(0).resolve();
		}
		return type != null && VERSIONS.get(type).isPresent();
	}

	private static Optional<Method> versionOf(Class<?> type) {
		if (!type.isRecord()) {
			return Optional.empty();
		}
		return Arrays.stream(type.getRecordComponents())
			.filter(component -> component.getName().equals(VERSION))
			.filter(component -> component.getType() == long.class || component.getType() == Long.class)
			.findFirst()
			.map(VersionTags::accessible);
	}

	/** The component's accessor, callable here: the answer records are package-private, each beside its controller. */
	private static Method accessible(RecordComponent component) {
		Method accessor = component.getAccessor();
		ReflectionUtils.makeAccessible(accessor);
		return accessor;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return answering.computeIfAbsent(new Handler(returnType.getContainingClass(), returnType.getExecutable()),
				handler -> answersVersion(returnType));
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body != null) {
			VERSIONS.get(body.getClass()).map(accessor -> read(accessor, body))
				.ifPresent(version -> response.getHeaders().setETag(Versions.etag(version)));
		}
		return body;
	}

	private static Long read(Method accessor, Object body) {
		try {
			Object value = accessor.invoke(body);
			return value == null ? null : ((Number) value).longValue();
		}
		catch (ReflectiveOperationException unreadable) {
			throw new IllegalStateException("Cannot read the version of " + body.getClass().getName(), unreadable);
		}
	}

	/** A handler method as the controller class it is called on declares it. */
	private record Handler(Class<?> controller, Executable method) {
	}
}
