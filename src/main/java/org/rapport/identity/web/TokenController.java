package org.rapport.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.UUID;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.internal.ApiTokenService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's personal API tokens: made here, shown once, revoked here.
 */
@Controller
class TokenController {

	private final ApiTokenService tokens;
	private final CurrentActor currentActor;

	TokenController(ApiTokenService tokens, CurrentActor currentActor) {
		this.tokens = tokens;
		this.currentActor = currentActor;
	}

	@GetMapping("/profile/tokens")
	String list(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new TokenForm(null, null));
		}
		model.addAttribute("tokens", tokens.tokensOf(currentActor.get().id()));
		return "identity/tokens";
	}

	@PostMapping("/profile/tokens")
	String create(@Valid @ModelAttribute("form") TokenForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			model.addAttribute("tokens", tokens.tokensOf(currentActor.get().id()));
			return "identity/tokens";
		}
		var issued = tokens.issue(currentActor.get().id(), form.name(),
				form.days() == null ? null : Duration.ofDays(form.days()));
		redirect.addFlashAttribute("newSecret", issued.secret());
		redirect.addFlashAttribute("success", "flash.token.created");
		return "redirect:/profile/tokens";
	}

	@PostMapping("/profile/tokens/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		if (tokens.revoke(currentActor.get().id(), id)) {
			redirect.addFlashAttribute("success", "flash.token.revoked");
		}
		return "redirect:/profile/tokens";
	}

	record TokenForm(@NotBlank @Size(max = 100) String name, @Min(1) @Max(3650) Integer days) {
	}
}
