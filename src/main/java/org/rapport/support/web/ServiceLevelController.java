package org.rapport.support.web;

import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.TeamSummary;
import org.rapport.identity.UserDirectory;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RuleBroken;
import org.rapport.support.internal.BusinessCalendar;
import org.rapport.support.internal.CasePriority;
import org.rapport.support.internal.ServiceLevels;
import org.rapport.support.internal.SlaPolicy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administration of service levels: the business calendars in which SLA clocks run, and the SLA policies, in the
 * order in which a case is matched against them.
 */
@Controller
@RequestMapping("/admin/support")
class ServiceLevelController {

	private final ServiceLevels levels;
	private final CurrentActor currentActor;
	private final UserDirectory directory;

	ServiceLevelController(ServiceLevels levels, CurrentActor currentActor, UserDirectory directory) {
		this.levels = levels;
		this.currentActor = currentActor;
		this.directory = directory;
	}

	@GetMapping("/calendars")
	String calendars(Model model) {
		model.addAttribute("calendars", levels.calendars());
		return "support/admin/calendars";
	}

	@GetMapping("/calendars/new")
	String newCalendar(Model model) {
		model.addAttribute("input", CalendarInput.blank(currentActor.get().zone().getId()));
		return calendarForm(model, null);
	}

	@PostMapping("/calendars")
	String createCalendar(@ModelAttribute("input") CalendarInput input, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				levels.createCalendar(currentActor.get(), input.name(), input.timeZone(), input.weekHours(),
						input.holidays());
				redirect.addFlashAttribute("success", "flash.calendar.saved");
				return "redirect:/admin/support/calendars";
			}
			catch (InvalidField invalid) {
				rejectCalendar(errors, invalid);
			}
		}
		return calendarForm(model, null);
	}

	@GetMapping("/calendars/{id}/edit")
	String editCalendar(@PathVariable UUID id, Model model) {
		BusinessCalendar calendar = levels.calendar(id);
		model.addAttribute("input", CalendarInput.of(calendar));
		return calendarForm(model, calendar);
	}

	@PostMapping("/calendars/{id}")
	String changeCalendar(@PathVariable UUID id, @ModelAttribute("input") CalendarInput input, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		BusinessCalendar calendar = levels.calendar(id);
		if (!errors.hasErrors()) {
			try {
				levels.changeCalendar(currentActor.get(), id, input.version() == null ? -1 : input.version(),
						input.name(), input.timeZone(), input.weekHours(), input.holidays());
				redirect.addFlashAttribute("success", "flash.calendar.saved");
				return "redirect:/admin/support/calendars";
			}
			catch (InvalidField invalid) {
				rejectCalendar(errors, invalid);
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
		}
		return calendarForm(model, calendar);
	}

	@PostMapping("/calendars/{id}/delete")
	String deleteCalendar(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			levels.deleteCalendar(currentActor.get(), id);
			redirect.addFlashAttribute("success", "flash.calendar.deleted");
		}
		catch (RuleBroken inUse) {
			redirect.addFlashAttribute("failure", "calendar.delete.inUse");
		}
		return "redirect:/admin/support/calendars";
	}

	@GetMapping("/policies")
	String policies(Model model) {
		model.addAttribute("policies", levels.policies());
		model.addAttribute("calendarNames", calendarNames());
		model.addAttribute("teamNames", teamNames());
		return "support/admin/policies";
	}

	@GetMapping("/policies/new")
	String newPolicy(Model model) {
		int next = levels.policies().stream().mapToInt(SlaPolicy::getPosition).max().orElse(0) + 1;
		UUID calendar = levels.calendars().stream().findFirst().map(BusinessCalendar::getId).orElse(null);
		model.addAttribute("input", PolicyInput.blank(next, calendar));
		return policyForm(model, null);
	}

	@PostMapping("/policies")
	String createPolicy(@Valid @ModelAttribute("input") PolicyInput input, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				levels.createPolicy(currentActor.get(), input.toTerms());
				redirect.addFlashAttribute("success", "flash.policy.saved");
				return "redirect:/admin/support/policies";
			}
			catch (InvalidField invalid) {
				rejectPolicy(errors, invalid);
			}
		}
		return policyForm(model, null);
	}

	@GetMapping("/policies/{id}/edit")
	String editPolicy(@PathVariable UUID id, Model model) {
		SlaPolicy policy = levels.policy(id);
		model.addAttribute("input", PolicyInput.of(policy));
		return policyForm(model, policy);
	}

	@PostMapping("/policies/{id}")
	String changePolicy(@PathVariable UUID id, @Valid @ModelAttribute("input") PolicyInput input,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		SlaPolicy policy = levels.policy(id);
		if (!errors.hasErrors()) {
			try {
				levels.changePolicy(currentActor.get(), id, input.version() == null ? -1 : input.version(),
						input.toTerms());
				redirect.addFlashAttribute("success", "flash.policy.saved");
				return "redirect:/admin/support/policies";
			}
			catch (InvalidField invalid) {
				rejectPolicy(errors, invalid);
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
		}
		return policyForm(model, policy);
	}

	@PostMapping("/policies/{id}/delete")
	String deletePolicy(@PathVariable UUID id, RedirectAttributes redirect) {
		levels.deletePolicy(currentActor.get(), id);
		redirect.addFlashAttribute("success", "flash.policy.deleted");
		return "redirect:/admin/support/policies";
	}

	private String calendarForm(Model model, BusinessCalendar calendar) {
		model.addAttribute("calendar", calendar);
		model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
		return "support/admin/calendar-form";
	}

	private String policyForm(Model model, SlaPolicy policy) {
		model.addAttribute("policy", policy);
		model.addAttribute("calendars", levels.calendars());
		model.addAttribute("priorities", CasePriority.values());
		model.addAttribute("teams", directory.teams());
		return "support/admin/policy-form";
	}

	private static void rejectCalendar(BindingResult errors, InvalidField invalid) {
		String field = CalendarInput.fieldOf(invalid.field());
		if (field == null) {
			errors.reject(invalid.messageKey(), invalid.getArguments(), invalid.getDefaultMessage());
		}
		else {
			errors.rejectValue(field, invalid.messageKey(), invalid.getArguments(), invalid.getDefaultMessage());
		}
	}

	private static void rejectPolicy(BindingResult errors, InvalidField invalid) {
		if (errors.getFieldType(invalid.field()) == null) {
			errors.reject(invalid.messageKey(), invalid.getArguments(), invalid.getDefaultMessage());
		}
		else {
			errors.rejectValue(invalid.field(), invalid.messageKey(), invalid.getArguments(),
					invalid.getDefaultMessage());
		}
	}

	private Map<UUID, String> calendarNames() {
		return levels.calendars().stream().collect(Collectors.toMap(BusinessCalendar::getId, BusinessCalendar::getName));
	}

	private Map<UUID, String> teamNames() {
		return directory.teams().stream().collect(Collectors.toMap(team -> team.id().value(), TeamSummary::name));
	}
}
