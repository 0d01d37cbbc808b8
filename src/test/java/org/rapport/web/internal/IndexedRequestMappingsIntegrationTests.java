package org.rapport.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The index of the request mappings finds, for every path the application maps and every method, the same controller
 * method as Spring MVC's search through all mappings — or fails the same way.
 */
@RapportTest
class IndexedRequestMappingsIntegrationTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void theApplicationUsesTheIndex() {
		assertThat(mappings).isInstanceOf(IndexedRequestMappings.Mapping.class);
	}

	@Test
	void everyMappedPathFindsTheSameMethodAsTheSearchThroughAllMappings() throws Exception {
		IndexedRequestMappings.Mapping indexed = (IndexedRequestMappings.Mapping) mappings;
		Set<String> paths = new LinkedHashSet<>();
		for (RequestMappingInfo info : indexed.getHandlerMethods().keySet()) {
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				String path = pattern.getPatternString()
					.replaceAll("\\{\\*[^}]*}", "a/b")
					.replaceAll("\\{[^}]*}", "0190a7c2-5b6e-7c1d-8e2f-3a4b5c6d7e8f")
					.replace("**", "a/b")
					.replace("*", "x");
				paths.add(path.isEmpty() ? "/" : path);
				paths.add(path + "/more");
			}
		}
		paths.add("/nothing/here");
		int compared = 0;
		List<String> differences = new ArrayList<>();
		for (String path : paths) {
			for (RequestMethod method : RequestMethod.values()) {
				MockHttpServletRequest request = new MockHttpServletRequest(method.name(), path);
				request.addHeader("Accept", "*/*");
				ServletRequestPathUtils.parseAndCache(request);
				String viaIndex = outcome(() -> indexed.lookupHandlerMethod(path, request));
				MockHttpServletRequest again = new MockHttpServletRequest(method.name(), path);
				again.addHeader("Accept", "*/*");
				ServletRequestPathUtils.parseAndCache(again);
				String viaAll = outcome(() -> indexed.lookupEverywhere(path, again));
				if (!Objects.equals(viaIndex, viaAll)) {
					differences.add(method + " " + path + ": " + viaIndex + " instead of " + viaAll);
				}
				compared++;
			}
		}
		assertThat(compared).isGreaterThan(1000);
		assertThat(differences).isEmpty();
	}

	@Test
	void theBeginningOfAPatternIsItsLiteralSegments() {
		assertThat(IndexedRequestMappings.Mapping.beginning("/api/v1/accounts/{id}")).isEqualTo("/api/v1/accounts");
		assertThat(IndexedRequestMappings.Mapping.beginning("/accounts")).isEqualTo("/accounts");
		assertThat(IndexedRequestMappings.Mapping.beginning("/")).isEmpty();
		assertThat(IndexedRequestMappings.Mapping.beginning("")).isEmpty();
		assertThat(IndexedRequestMappings.Mapping.beginning("/{id}/edit")).isEmpty();
		assertThat(IndexedRequestMappings.Mapping.beginning("/files/*.csv")).isEqualTo("/files");
		assertThat(IndexedRequestMappings.Mapping.beginning("/css/**")).isEqualTo("/css");
	}

	private interface Lookup {
		HandlerMethod find() throws Exception;
	}

	private static String outcome(Lookup lookup) {
		try {
			HandlerMethod found = lookup.find();
			return found == null ? "none" : found.getShortLogMessage();
		}
		catch (Exception refused) {
			return refused.getClass().getSimpleName();
		}
	}
}
