package org.rapport.identity.web;

import jakarta.validation.Valid;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.identity.internal.UserAdministration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' pages for users.
 */
@Controller
@RequestMapping("/admin/users")
class AdminUserController {

	private final UserAdministration administration;

	AdminUserController(UserAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", administration.allUsers());
		model.addAttribute("teamsById", administration.teamsById());
		return "identity/users";
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("form", UserForm.empty());
		return form(model, null);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (form.password() == null || form.password().length() < 8) {
			errors.rejectValue("password", "validation.password.short");
		}
		if (form.username() != null && administration.usernameTaken(form.username())) {
			errors.rejectValue("username", "validation.username.taken");
		}
		checkLocaleAndZone(form, errors);
		if (errors.hasErrors()) {
			return form(model, null);
		}
		administration.createUser(new UserAdministration.NewUser(form.username(), form.displayName(),
				blankToNull(form.email()), form.password(), form.roles(), team(form), Locale.forLanguageTag(form.locale()),
				ZoneId.of(form.timeZone())));
		redirect.addFlashAttribute("success", "flash.user.created");
		return "redirect:/admin/users";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		User user = find(id);
		model.addAttribute("form", UserForm.of(user));
		return form(model, user);
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("form") UserForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		User user = find(id);
		if (form.password() != null && !form.password().isEmpty() && form.password().length() < 8) {
			errors.rejectValue("password", "validation.password.short");
		}
		checkLocaleAndZone(form, errors);
		if (!errors.hasErrors()) {
			try {
				administration.updateUser(id, form.version() == null ? -1 : form.version(),
						new UserAdministration.UserChange(form.displayName(), blankToNull(form.email()), form.roles(),
								team(form), Locale.forLanguageTag(form.locale()), ZoneId.of(form.timeZone()),
								form.active(), form.password()));
				redirect.addFlashAttribute("success", "flash.user.updated");
				return "redirect:/admin/users";
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
		}
		return form(model, user);
	}

	private String form(Model model, User user) {
		model.addAttribute("user", user);
		model.addAttribute("roles", Role.values());
		model.addAttribute("teams", administration.allTeams());
		model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
		return "identity/user-form";
	}

	private User find(UUID id) {
		return administration.user(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static void checkLocaleAndZone(UserForm form, BindingResult errors) {
		if (form.timeZone() != null) {
			try {
				ZoneId.of(form.timeZone());
			}
			catch (DateTimeException e) {
				errors.rejectValue("timeZone", "validation.timezone");
			}
		}
		if (form.locale() != null && !form.locale().equals("en") && !form.locale().equals("zh-CN")) {
			errors.rejectValue("locale", "validation.locale");
		}
	}

	private static TeamId team(UserForm form) {
		return form.teamId() == null ? null : new TeamId(form.teamId());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
