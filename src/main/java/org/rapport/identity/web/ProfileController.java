package org.rapport.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.internal.UserAdministration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's own profile and password.
 */
@Controller
class ProfileController {

	private final UserAdministration administration;
	private final CurrentActor currentActor;
	private final SignedInSessions sessions;

	ProfileController(UserAdministration administration, CurrentActor currentActor, SignedInSessions sessions) {
		this.administration = administration;
		this.currentActor = currentActor;
		this.sessions = sessions;
	}

	@GetMapping("/profile")
	String profile(Model model) {
		if (!model.containsAttribute("password")) {
			model.addAttribute("password", PasswordForm.empty());
		}
		return show(model);
	}

	@PostMapping("/profile/password")
	String changePassword(@Valid @ModelAttribute("password") PasswordForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		if (!errors.hasErrors() && !form.next().equals(form.repeat())) {
			errors.rejectValue("repeat", "profile.password.mismatch");
		}
		if (!errors.hasErrors()
				&& !administration.changeOwnPassword(currentActor.get().id(), form.current(), form.next())) {
			errors.rejectValue("current", "profile.password.wrong");
		}
		if (errors.hasErrors()) {
			return show(model);
		}
		// A new password ends the user's other sessions; this one goes on.
		sessions.renew(request, response);
		redirect.addFlashAttribute("success", "flash.password.changed");
		return "redirect:/profile";
	}

	private String show(Model model) {
		model.addAttribute("user", administration.user(currentActor.get().id().value()).orElseThrow());
		model.addAttribute("teamsById", administration.teamsById());
		return "identity/profile";
	}
}
