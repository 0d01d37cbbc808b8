package org.rapport.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session on its next request once its user is deactivated or got a new password, on whichever
 * node the request arrives: every request reads the user's state from the database (one indexed row, no cache).
 */
@Component
public class SignedInUsers {

	private final JdbcClient jdbc;
	private final Principals principals;
	private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	SignedInUsers(JdbcClient jdbc, Principals principals) {
		this.jdbc = jdbc;
		this.principals = principals;
	}

	/** Whether the user is still active and the principal was made since their last security change. */
	boolean stillValid(RapportPrincipal principal) {
		return stampOfActive(principal.actor().id().value())
			.map(stamp -> stamp == principal.securityStamp())
			.orElse(false);
	}

	private java.util.Optional<Long> stampOfActive(UUID user) {
		return jdbc.sql("select security_stamp from app_user where id = :id and active = true")
			.param("id", user)
			.query(Long.class)
			.optional();
	}

	/**
	 * Keeps the current session signed in after its own user changed something that ends their other sessions,
	 * such as their password.
	 */
	public void renew(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current == null || !(current.getPrincipal() instanceof RapportPrincipal principal)) {
			return;
		}
		RapportPrincipal renewed = (RapportPrincipal) principals.loadUserByUsername(principal.getUsername());
		renewed.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(renewed, null, renewed.getAuthorities()));
		SecurityContextHolder.setContext(context);
		sessions.saveContext(context, request, response);
	}

	/** The filter that checks every request of a signed-in session. */
	OncePerRequestFilter sessionCheck() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (authentication != null && authentication.getPrincipal() instanceof RapportPrincipal principal
						&& !stillValid(principal)) {
					SecurityContextHolder.clearContext();
					HttpSession session = request.getSession(false);
					if (session != null) {
						session.invalidate();
					}
				}
				chain.doFilter(request, response);
			}
		};
	}
}
