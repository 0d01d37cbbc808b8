package org.rapport.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request whose parameters the server cannot read — a parameter without a name ({@code ?=x}), a broken percent
 * encoding ({@code %zz}) — is the client's mistake: it answers 400 with problem details and one debug line, before
 * any filter or controller reads a parameter and the servlet container logs the failure as an error. Runs after
 * the character encoding is set, so that parameters are read in it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UnreadableRequests extends OncePerRequestFilter {

	private final MessageSource messages;

	private final JsonMapper json;

	UnreadableRequests(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// a multipart body is read by the multipart resolver, which answers its own failures
		String type = request.getContentType();
		if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
			try {
				request.getParameterMap();
			}
			catch (IllegalStateException | IllegalArgumentException unreadable) {
				logger.debug("Unreadable request parameters: " + unreadable.getMessage());
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						messages.getMessage("api.request.unreadable", null, "The request cannot be read.",
								request.getLocale()));
				problem.setTitle("Bad Request");
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.getWriter().write(json.writeValueAsString(problem));
				return;
			}
		}
		chain.doFilter(request, response);
	}
}
