package org.rapport.web.internal;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;
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

	/** Whether a handler's answer is a record that carries its version, read from its declared return type. */
	static boolean answersVersion(MethodParameter returnType) {
		Class<?> type = returnType.getParameterType();
		if (HttpEntity.class.isAssignableFrom(type)) {
			type = ResolvableType.forMethodParameter(returnType).as(HttpEntity.class).getGeneric(0).resolve();
		}
		return type != null && versionOf(type).isPresent();
	}

	private static Optional<RecordComponent> versionOf(Class<?> type) {
		if (!type.isRecord()) {
			return Optional.empty();
		}
		return Arrays.stream(type.getRecordComponents())
			.filter(component -> component.getName().equals(VERSION))
			.filter(component -> component.getType() == long.class || component.getType() == Long.class)
			.findFirst();
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return answersVersion(returnType);
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body != null) {
			versionOf(body.getClass()).map(component -> read(component, body))
				.ifPresent(version -> response.getHeaders().setETag(Versions.etag(version)));
		}
		return body;
	}

	private static Long read(RecordComponent component, Object body) {
		try {
			// the answer records are package-private, each beside its controller
			java.lang.reflect.Method accessor = component.getAccessor();
			ReflectionUtils.makeAccessible(accessor);
			Object value = accessor.invoke(body);
			return value == null ? null : ((Number) value).longValue();
		}
		catch (ReflectiveOperationException unreadable) {
			throw new IllegalStateException("Cannot read the version of " + body.getClass().getName(), unreadable);
		}
	}
}
