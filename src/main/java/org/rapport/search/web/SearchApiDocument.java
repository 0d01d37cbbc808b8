package org.rapport.search.web;

import io.swagger.v3.oas.models.Operation;
import org.rapport.search.internal.SearchableKinds;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Completes the search operation in the API document from the searchable kinds, which no annotation can name: the
 * codes that its {@code kind} parameter takes.
 */
@Component
class SearchApiDocument implements OperationCustomizer {

	/** The description of the {@code kind} parameter, to which this adds the codes. */
	static final String KIND = "one kind of record";

	private final SearchableKinds kinds;

	SearchApiDocument(SearchableKinds kinds) {
		this.kinds = kinds;
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		if (handlerMethod.getBeanType() == SearchApiController.class && operation.getParameters() != null) {
			operation.getParameters()
				.stream()
				.filter(parameter -> "kind".equals(parameter.getName()) && KIND.equals(parameter.getDescription()))
				.forEach(parameter -> parameter.setDescription(KIND + ": " + kinds.codesAsAlternatives()));
		}
		return operation;
	}
}
