package org.rapport.sales.opportunities.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserSummary;
import org.rapport.sales.opportunities.internal.ForecastService.Grouping;
import org.rapport.sales.opportunities.internal.ForecastService;
import org.rapport.sales.opportunities.internal.PipelineService;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forecast page and the quotas that managers set on it.
 */
@Controller
class ForecastController {

	private final ForecastService forecasts;
	private final PipelineService pipelines;
	private final UserDirectory directory;
	private final CurrentActor currentActor;
	private final Clock clock;

	ForecastController(ForecastService forecasts, PipelineService pipelines, UserDirectory directory,
			CurrentActor currentActor, Clock clock) {
		this.clock = clock;
		this.forecasts = forecasts;
		this.pipelines = pipelines;
		this.directory = directory;
		this.currentActor = currentActor;
	}

	@GetMapping("/forecast")
	String forecast(@RequestParam(required = false) String from, @RequestParam(defaultValue = "3") int months,
			@RequestParam(defaultValue = "OWNER") Grouping group, @RequestParam(required = false) UUID pipeline,
			Model model) {
		Actor actor = currentActor.get();
		YearMonth start;
		try {
			start = month("from", from);
		}
		catch (InvalidField invalid) {
			model.addAttribute("failure", invalid.messageKey());
			start = YearMonth.now(clock);
		}
		model.addAttribute("forecast", forecasts.forecast(actor, pipeline, start, months, group));
		model.addAttribute("from", start);
		model.addAttribute("months", Math.max(1, Math.min(months, 24)));
		model.addAttribute("group", group);
		model.addAttribute("pipeline", pipeline);
		model.addAttribute("pipelines", pipelines.all());
		model.addAttribute("sellers", sellersFor(actor));
		Map<UUID, String> names = new HashMap<>();
		directory.activeUsers().forEach(u -> names.put(u.id().value(), u.displayName()));
		directory.teams().forEach(t -> names.put(t.id().value(), t.name()));
		model.addAttribute("groupNames", names);
		model.addAttribute("maySetQuotas", actor.isAdmin() || actor.isManager());
		return "sales/forecast";
	}

	/**
	 * Whom the actor may set a quota for (a manager their team, an administrator anyone), their own team first. The
	 * form preselects none of them, so that no quota lands on the administrator by default.
	 */
	private List<UserSummary> sellersFor(Actor actor) {
		return directory.activeUsers()
			.stream()
			.filter(u -> forecasts.maySetQuotaOf(actor, u))
			.sorted(Comparator.comparing((UserSummary u) -> !Objects.equals(u.team(), actor.team()))
				.thenComparing(UserSummary::displayName, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	@PostMapping("/forecast/quotas")
	String setQuota(@RequestParam(required = false) UUID user, @RequestParam String month,
			@RequestParam BigDecimal amount, @RequestParam String currency, RedirectAttributes redirect) {
		if (user == null) {
			redirect.addFlashAttribute("failure", "validation.seller.required");
			return "redirect:/forecast";
		}
		if (!Money.isCurrency(currency)) {
			redirect.addFlashAttribute("failure", "validation.currency.unknown");
			return "redirect:/forecast";
		}
		YearMonth period;
		try {
			period = month("month", month);
		}
		catch (InvalidField invalid) {
			redirect.addFlashAttribute("failure", invalid.messageKey());
			return "redirect:/forecast";
		}
		try {
			forecasts.setQuota(currentActor.get(), user, period, new Money(amount, currency));
			redirect.addFlashAttribute("success", "flash.quota.saved");
		}
		catch (InvalidField invalid) {
			redirect.addFlashAttribute("failure", invalid.messageKey());
		}
		return "redirect:/forecast?from=" + period;
	}

	/** The month a parameter names, the current one when it names none; a value that is no month is refused. */
	private YearMonth month(String parameter, String value) {
		if (value == null || value.isBlank()) {
			return YearMonth.now(clock);
		}
		try {
			return YearMonth.parse(value.strip());
		}
		catch (DateTimeParseException notAMonth) {
			throw new InvalidField(parameter, "validation.month", "Give the month as year and month, such as 2026-12");
		}
	}
}
