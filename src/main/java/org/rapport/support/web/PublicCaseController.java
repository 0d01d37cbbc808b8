package org.rapport.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Optional;
import org.rapport.shared.InvalidField;
import org.rapport.support.internal.PublicCases;
import org.rapport.web.ClientRateLimiter;
import org.rapport.web.RateLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public case form, open without sign-in: a customer says who they are and what happened, and learns the number
 * of the case it opens. It is our own page, so it carries the CSRF token as every other form does; a honeypot and a
 * limit of posts per client address keep robots out. Invalid input shows the form again with each field's error (422).
 */
@Controller
@RequestMapping(PublicCaseController.PATH)
class PublicCaseController {

	static final String PATH = "/public/cases";

	private final PublicCases cases;
	private final ClientRateLimiter limiter;
	private final RateLimit limit;

	PublicCaseController(PublicCases cases, ClientRateLimiter limiter,
			@Value("${rapport.support.public-form-per-minute:10}") int perMinute) {
		this.cases = cases;
		this.limiter = limiter;
		this.limit = RateLimit.perMinute("case-public-form", perMinute);
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("input", PublicCaseInput.empty());
		return "support/public/form";
	}

	@PostMapping
	String submit(HttpServletRequest request, HttpServletResponse response,
			@Valid @ModelAttribute("input") PublicCaseInput input, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Optional<Duration> wait = limiter.admit(limit, request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
			model.addAttribute("retryAfter", wait.get().toSeconds());
			return "support/public/form";
		}
		// A robot that filled the honeypot hears the same answer as a person, so it learns nothing.
		if (input.isFromARobot()) {
			return "redirect:" + PATH + "/thanks";
		}
		if (!errors.hasErrors()) {
			try {
				String number = cases.open(input.email(), input.name(), input.subject(), input.description());
				redirect.addFlashAttribute("caseNumber", number);
				return "redirect:" + PATH + "/thanks";
			}
			catch (InvalidField invalid) {
				errors.rejectValue(invalid.field(), invalid.messageKey(), invalid.getArguments(),
						invalid.getDefaultMessage());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "support/public/form";
	}

	/** The thanks after a post, with the case's number when the post opened one (a reload shows the thanks alone). */
	@GetMapping("/thanks")
	String thanks() {
		return "support/public/thanks";
	}
}
