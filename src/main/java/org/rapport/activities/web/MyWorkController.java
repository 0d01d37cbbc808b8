package org.rapport.activities.web;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.rapport.activities.internal.AboutRecords;
import org.rapport.activities.internal.Activity;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.activities.internal.ActivityPreferences;
import org.rapport.activities.internal.Occurrence;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.RuleBroken;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "My work": the signed-in user's overdue tasks and calls, today's and the next seven days' work, with one-click
 * complete and snooze; also as a card on the home page.
 */
@Controller
class MyWorkController {

	private final ActivityBook activities;
	private final AboutRecords about;
	private final CurrentActor currentActor;
	private final ActivityPreferences preferences;

	MyWorkController(ActivityBook activities, AboutRecords about, CurrentActor currentActor,
			ActivityPreferences preferences) {
		this.preferences = preferences;
		this.activities = activities;
		this.about = about;
		this.currentActor = currentActor;
	}

	@GetMapping("/my-work")
	String page(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		fill(model);
		return htmx == null ? "activities/my-work" : "activities/my-work :: work";
	}

	/** Keeps the user's default reminder for the meetings they plan. */
	@PostMapping("/my-work/reminder")
	String reminder(@RequestParam(required = false) Integer minutes,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		Integer chosen = minutes != null && ActivityController.REMINDERS.contains(minutes) ? minutes : null;
		preferences.chooseReminder(currentActor.get().id(), chosen);
		redirect.addFlashAttribute("success", "myWork.reminder.saved");
		return "redirect:/my-work";
	}

	@GetMapping("/my-work/card")
	String card(Model model) {
		fill(model);
		return "activities/my-work :: card";
	}

	/** Completes or snoozes an entry and shows the list again, in place for htmx or as the page. */
	@PostMapping("/my-work/{id}/{action:complete|snooze}")
	String change(@PathVariable UUID id, @PathVariable String action, @RequestParam long version,
			@RequestParam(defaultValue = "1") int days, @RequestParam(required = false) String part,
			@RequestParam(required = false) java.time.Instant occurrence,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Actor actor = currentActor.get();
		try {
			if (occurrence != null) {
				// an occurrence of a series: it changes apart from the series
				if (action.equals("complete")) {
					activities.completeOccurrence(actor, id, occurrence);
				}
				else {
					activities.snoozeOccurrence(actor, id, occurrence, days);
				}
			}
			else if (action.equals("complete")) {
				activities.complete(actor, id, version);
			}
			else {
				activities.snooze(actor, id, version, days);
			}
			model.addAttribute("success", "flash.activity." + action);
		}
		catch (OptimisticLockingFailureException | RuleBroken | org.rapport.shared.RecordNotFound refused) {
			model.addAttribute("failure", "activity.change.refused");
		}
		fill(model);
		if (htmx == null) {
			return "activities/my-work";
		}
		return "card".equals(part) ? "activities/my-work :: card" : "activities/my-work :: work";
	}

	private void fill(Model model) {
		Actor actor = currentActor.get();
		ActivityBook.MyWork work = activities.myWork(actor);
		model.addAttribute("work", work);
		List<Activity> all = Stream.of(work.overdue(), work.dueToday(), work.upcoming()).flatMap(List::stream)
			.map(Occurrence::activity)
			.toList();
		model.addAttribute("aboutTitles", about.titles(all.stream().map(Activity::about).distinct().toList()));
		model.addAttribute("now", activities.now());
		model.addAttribute("shownLimit", ActivityBook.MY_WORK_SHOWN);
		Integer reminder = preferences.reminderOf(actor.id());
		model.addAttribute("reminder", reminder == null ? -1 : reminder);
		model.addAttribute("reminders", ActivityController.REMINDERS);
	}
}
