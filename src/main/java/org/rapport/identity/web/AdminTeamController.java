package org.rapport.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.rapport.identity.internal.UserAdministration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page for teams.
 */
@Controller
@RequestMapping("/admin/teams")
class AdminTeamController {

	private final UserAdministration administration;

	AdminTeamController(UserAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new TeamForm(null));
		}
		model.addAttribute("teams", administration.allTeams());
		model.addAttribute("memberCounts", administration.memberCounts());
		return "identity/teams";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") TeamForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors() && administration.teamNameTaken(form.name(), null)) {
			errors.rejectValue("name", "validation.team.taken");
		}
		if (errors.hasErrors()) {
			model.addAttribute("teams", administration.allTeams());
			model.addAttribute("memberCounts", administration.memberCounts());
			return "identity/teams";
		}
		administration.createTeam(form.name());
		redirect.addFlashAttribute("success", "flash.team.created");
		return "redirect:/admin/teams";
	}

	@PostMapping("/{id}")
	String rename(@PathVariable UUID id, @RequestParam String name, RedirectAttributes redirect) {
		if (name == null || name.isBlank() || name.length() > 100 || administration.teamNameTaken(name, id)) {
			redirect.addFlashAttribute("failure", "validation.team.rename");
			return "redirect:/admin/teams";
		}
		administration.renameTeam(id, name);
		redirect.addFlashAttribute("success", "flash.team.renamed");
		return "redirect:/admin/teams";
	}

	record TeamForm(@NotBlank @Size(max = 100) String name) {
	}
}
