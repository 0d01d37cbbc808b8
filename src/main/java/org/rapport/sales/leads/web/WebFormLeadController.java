package org.rapport.sales.leads.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Optional;
import org.rapport.sales.leads.internal.LeadProperties;
import org.rapport.sales.leads.internal.LeadService;
import org.rapport.web.ClientRateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public web-to-lead form, open without sign-in: a page to fill in, and the form post that a website's own
 * contact form may send here too. Invalid input shows the form again with each field's error (422).
 */
@Controller
class WebFormLeadController {

	private final LeadService leads;
	private final ClientRateLimiter limiter;
	private final LeadProperties properties;

	WebFormLeadController(LeadService leads, ClientRateLimiter limiter, LeadProperties properties) {
		this.leads = leads;
		this.limiter = limiter;
		this.properties = properties;
	}

	@GetMapping(WebFormLeadApiController.PATH)
	String form(Model model) {
		model.addAttribute("input", WebFormLeadInput.empty());
		return "sales/leads/web-form";
	}

	@PostMapping(path = WebFormLeadApiController.PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String submit(HttpServletRequest request, HttpServletResponse response,
			@Valid @ModelAttribute("input") WebFormLeadInput input, BindingResult errors, Model model) {
		Optional<Duration> wait = limiter.admit(WebFormLeadApiController.limit(properties), request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
			model.addAttribute("retryAfter", wait.get().toSeconds());
			return "sales/leads/web-form-thanks";
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "sales/leads/web-form";
		}
		if (!input.isFromARobot()) {
			leads.captureFromWebForm(input.toDetails());
		}
		return "sales/leads/web-form-thanks";
	}
}
