package org.rapport.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.rapport.identity.internal.ApiTokenService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: the REST API under {@code /api} takes bearer tokens and keeps no session; the web UI takes a
 * form sign-in and a session, guarded by CSRF tokens.
 */
@Configuration
class SecurityConfiguration {

	/** Fonts may come as data: addresses, as the calendar's icons do; scripts only from Rapport itself. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** The sales module's web-to-lead form, open to anybody (it limits each address itself). */
	static final String PUBLIC_LEADS = "/public/leads";

	/**
	 * What modules serve to anybody, each guarding it itself: the web-to-lead form, the public case form (which keeps
	 * the CSRF token, being posted only from our own page), and the calendar feeds, which a secret in their address
	 * opens.
	 */
	static final String PUBLIC = "/public/**";

	/**
	 * Spring Security observes no filter, authentication or authorization of its own: the request as a whole is
	 * observed (its time and outcome, {@code http.server.requests}), and wrapping each of the chain's filters in an
	 * observation of its own cost every request a share of its time for figures nobody reads.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, JsonMapper json) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, e) -> writeProblem(json, response,
				HttpStatus.UNAUTHORIZED, "Send a valid API token as 'Authorization: Bearer <token>'.",
				request.getRequestURI());
		AccessDeniedHandler forbidden = (request, response, e) -> writeProblem(json, response, HttpStatus.FORBIDDEN,
				"Your role does not allow this.", request.getRequestURI());
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, unauthorized), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, SignedInSessions sessions) throws Exception {
		http.addFilterAfter(sessions.check(), SecurityContextHolderFilter.class)
			.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
					"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**", PUBLIC)
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			// Other websites post their contact forms to the web-to-lead endpoint, so it cannot carry our CSRF token.
			.csrf(csrf -> csrf.ignoringRequestMatchers(PUBLIC_LEADS))
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.deny())
				.permissionsPolicyHeader(policy -> policy.policy("camera=(), microphone=(), geolocation=()")));
		return http.build();
	}

	private static void writeProblem(JsonMapper json, HttpServletResponse response, HttpStatus status,
			String detail, String instance) throws java.io.IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(instance));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}
}
