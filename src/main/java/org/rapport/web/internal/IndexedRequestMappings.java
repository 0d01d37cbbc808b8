package org.rapport.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestMappingHandlerMapping;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds the controller method of a request among the mappings whose fixed beginning the path starts with, instead of
 * trying every mapping of the application in turn, as Spring MVC does for a path with a variable such as
 * {@code /api/v1/accounts/{id}} (a tenth of such a request's time with some 250 mappings). Which method answers is
 * decided as before, by Spring's own matching and order among the candidates; whatever the index cannot decide
 * — no candidate matches, two match equally, a CORS pre-flight request, an encoded path — goes the usual way.
 * The mapping keeps htmx's request conditions ({@code @HxRequest}); the handler adapter and exception resolver are
 * those the other registrations (htmx's) give.
 */
@Component
@Primary
class IndexedRequestMappings implements WebMvcRegistrations {

	private final ObjectProvider<WebMvcRegistrations> registrations;

	IndexedRequestMappings(ObjectProvider<WebMvcRegistrations> registrations) {
		this.registrations = registrations;
	}

	@Override
	public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
		return new Mapping();
	}

	@Override
	public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
		return registrations.orderedStream()
			.filter(other -> other != this)
			.map(WebMvcRegistrations::getRequestMappingHandlerAdapter)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	@Override
	public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
		return registrations.orderedStream()
			.filter(other -> other != this)
			.map(WebMvcRegistrations::getExceptionHandlerExceptionResolver)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	/** The mappings, by the literal segments their patterns begin with. */
	static final class Mapping extends HtmxRequestMappingHandlerMapping {

		private volatile Map<String, List<Candidate>> byBeginning;

		private record Candidate(RequestMappingInfo mapping, HandlerMethod handler) {
		}

		@Override
		protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
			super.handlerMethodsInitialized(handlerMethods);
			byBeginning = index(handlerMethods);
		}

		@Override
		public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
			super.registerMapping(mapping, handler, method);
			byBeginning = index(getHandlerMethods());
		}

		@Override
		public void unregisterMapping(RequestMappingInfo mapping) {
			super.unregisterMapping(mapping);
			byBeginning = index(getHandlerMethods());
		}

		/** Null when a mapping has no path patterns to index: then every request goes the usual way. */
		private static Map<String, List<Candidate>> index(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
			Map<String, List<Candidate>> index = new HashMap<>();
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMethods.entrySet()) {
				PathPatternsRequestCondition patterns = entry.getKey().getPathPatternsCondition();
				if (patterns == null) {
					return null;
				}
				Candidate candidate = new Candidate(entry.getKey(), entry.getValue());
				for (PathPattern pattern : patterns.getPatterns()) {
					List<Candidate> list = index.computeIfAbsent(beginning(pattern.getPatternString()),
							key -> new ArrayList<>());
					if (!list.contains(candidate)) {
						list.add(candidate);
					}
				}
			}
			return Map.copyOf(index);
		}

		/** The literal segments a pattern begins with: {@code /api/v1/accounts} for {@code /api/v1/accounts/{id}}. */
		static String beginning(String pattern) {
			int end = 0;
			int from = pattern.startsWith("/") ? 1 : 0;
			while (from <= pattern.length()) {
				int slash = pattern.indexOf('/', from);
				int segmentEnd = slash < 0 ? pattern.length() : slash;
				String segment = pattern.substring(from, segmentEnd);
				if (segment.isEmpty() || segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0
						|| segment.indexOf('?') >= 0) {
					break;
				}
				end = segmentEnd;
				if (slash < 0) {
					break;
				}
				from = slash + 1;
			}
			return pattern.substring(0, end);
		}

		@Override
		protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
			Map<String, List<Candidate>> index = byBeginning;
			if (index == null || lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0
					|| CorsUtils.isPreFlightRequest(request)) {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			List<Candidate> matches = new ArrayList<>(2);
			match(index.get(""), request, matches);
			for (int slash = lookupPath.indexOf('/', 1); slash > 0; slash = lookupPath.indexOf('/', slash + 1)) {
				match(index.get(lookupPath.substring(0, slash)), request, matches);
			}
			match(index.get(lookupPath), request, matches);
			if (matches.isEmpty()) {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			Candidate best = matches.get(0);
			if (matches.size() > 1) {
				Comparator<RequestMappingInfo> order = getMappingComparator(request);
				matches.sort((a, b) -> order.compare(a.mapping(), b.mapping()));
				best = matches.get(0);
				if (order.compare(best.mapping(), matches.get(1).mapping()) == 0) {
					return super.lookupHandlerMethod(lookupPath, request);
				}
			}
			request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
			handleMatch(best.mapping(), lookupPath, request);
			return best.handler();
		}

		/** The method that Spring MVC's own search, through every mapping, finds for the request. */
		HandlerMethod lookupEverywhere(String lookupPath, HttpServletRequest request) throws Exception {
			return super.lookupHandlerMethod(lookupPath, request);
		}

		private void match(List<Candidate> candidates, HttpServletRequest request, List<Candidate> matches) {
			if (candidates == null) {
				return;
			}
			for (Candidate candidate : candidates) {
				RequestMappingInfo matching = getMatchingMapping(candidate.mapping(), request);
				if (matching != null) {
					matches.add(new Candidate(matching, candidate.handler()));
				}
			}
		}
	}
}
