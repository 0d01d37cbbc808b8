package org.rapport.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.rapport.identity.internal.SignedInUsers;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session on its next request once {@link SignedInUsers} finds it no longer good, and keeps the
 * current session signed in after its own user changed what ends their other sessions.
 */
@Component
class SignedInSessions {

	private final SignedInUsers signedIn;
	private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	SignedInSessions(SignedInUsers signedIn) {
		this.signedIn = signedIn;
	}

	/** Keeps the session of the request signed in as its user is now, such as after a new password. */
	void renew(HttpServletRequest request, HttpServletResponse response) {
		signedIn.renewed(SecurityContextHolder.getContext().getAuthentication()).ifPresent(renewed -> {
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(renewed);
			SecurityContextHolder.setContext(context);
			sessions.saveContext(context, request, response);
		});
	}

	/** The filter that checks every request of a signed-in session. */
	OncePerRequestFilter check() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (!signedIn.stillValid(authentication)) {
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
