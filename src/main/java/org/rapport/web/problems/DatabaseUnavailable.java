package org.rapport.web.problems;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * When no database connection can be had (the pool is exhausted, the database is away), a request is answered 503
 * with {@code Retry-After}: problem details for the API, a page in the user's language for the UI. It wraps every
 * request before Spring Security, whose filters read the database too, so that no path answers a 500 or the
 * container's default error body for what is a passing shortage.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailable extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	/** Seconds after which a client may try again. */
	static final String RETRY_AFTER = "10";

	private final ITemplateEngine templates;
	private final LocaleResolver locales;

	DatabaseUnavailable(ITemplateEngine templates, LocaleResolver locales) {
		this.templates = templates;
		this.locales = locales;
	}

	/** Whether the failure, or what caused it, is a connection that could not be had. */
	static boolean isCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof CannotCreateTransactionException
					|| cause instanceof CannotGetJdbcConnectionException
					|| cause instanceof org.hibernate.exception.JDBCConnectionException) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException failure) {
			if (!isCause(failure) || response.isCommitted()) {
				throw failure;
			}
			log.warn("No database connection for {} {}: {}", request.getMethod(), request.getRequestURI(),
					failure.getMessage());
			answer(request, response);
		}
	}

	private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.resetBuffer();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", RETRY_AFTER);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setContentType("application/problem+json");
			response.getWriter().write("""
					{"type":"about:blank","title":"Service Unavailable","status":503,\
					"detail":"The database is busy or away; try again in %s seconds."}""".formatted(RETRY_AFTER));
			return;
		}
		Locale locale = locales.resolveLocale(request);
		response.setContentType("text/html");
		response.getWriter().write(templates.process("error/503", new Context(locale)));
	}
}
