package org.rapport.sales.leads.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.rapport.sales.leads.internal.LeadProperties;
import org.rapport.sales.leads.internal.LeadService;
import org.rapport.web.ClientRateLimiter;
import org.rapport.web.RateLimit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public web-to-lead endpoint for JSON, open without sign-in: a website's own script posts its contact form
 * here. Invalid input answers 422 naming the fields; too many posts from one address answer 429.
 */
@RestController
class WebFormLeadApiController {

	static final String PATH = "/public/leads";

	private final LeadService leads;
	private final ClientRateLimiter limiter;
	private final LeadProperties properties;

	WebFormLeadApiController(LeadService leads, ClientRateLimiter limiter, LeadProperties properties) {
		this.leads = leads;
		this.limiter = limiter;
		this.properties = properties;
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> submit(HttpServletRequest request, @Valid @RequestBody WebFormLeadInput input) {
		Optional<Duration> wait = limiter.admit(limit(properties), request.getRemoteAddr());
		if (wait.isPresent()) {
			return tooMany(wait.get());
		}
		// A robot that filled the honeypot hears the same answer as a person, so it learns nothing.
		if (!input.isFromARobot()) {
			leads.captureFromWebForm(input.toDetails());
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "received"));
	}

	/** The posts one client address may send per minute, over the JSON and the form post together. */
	static RateLimit limit(LeadProperties properties) {
		return RateLimit.perMinute("lead-web-form", properties.getWebFormPerMinute());
	}

	static ResponseEntity<ProblemDetail> tooMany(Duration wait) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many submissions from your address; try again in " + wait.toSeconds() + " seconds.");
		problem.setType(URI.create("https://rapport.org/problems/too-many-requests"));
		problem.setTitle("Too many requests");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}
}
