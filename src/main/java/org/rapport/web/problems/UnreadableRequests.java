package org.rapport.web.problems;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.rapport.web.UploadSize;
import org.rapport.web.internal.SupportedLocales;
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
 * encoding ({@code %zz}), a multipart body cut short — is the client's mistake: it answers 400 with problem
 * details and one debug line, before any filter or controller reads a parameter and the servlet container logs the
 * failure as an error. An upload over the limit answers 413 in the API and goes back to its page with
 * {@code tooLarge=true} from a page. Runs after the character encoding is set, so that parameters are read in it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UnreadableRequests extends OncePerRequestFilter {

	private final MessageSource messages;

	private final JsonMapper json;

	private final UploadSize uploadSize;

	UnreadableRequests(MessageSource messages, JsonMapper json, UploadSize uploadSize) {
		this.messages = messages;
		this.json = json;
		this.uploadSize = uploadSize;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException | IllegalArgumentException unreadable) {
			logger.debug("Unreadable request parameters: " + unreadable.getMessage());
			boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
			if (tooLarge(unreadable)) {
				if (!api) {
					// a page's upload goes back to its page, which says that the file is too large
					response.sendRedirect(request.getRequestURI() + "?tooLarge=true");
					return;
				}
				write(response, uploadSize.tooLarge(SupportedLocales.pick(request.getLocale())));
				return;
			}
			problem(request, response, HttpStatus.BAD_REQUEST, "api.request.unreadable");
			return;
		}
		chain.doFilter(request, response);
	}

	/** Whether the body passed an upload limit ({@code spring.servlet.multipart.max-file-size} and its siblings). */
	private static boolean tooLarge(RuntimeException unreadable) {
		return unreadable instanceof InvalidParameterException tomcat
				&& tomcat.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value();
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(key, null, "The request cannot be read.", request.getLocale()));
		problem.setTitle(status.getReasonPhrase());
		write(response, problem);
	}

	private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(json.writeValueAsString(problem));
	}
}
