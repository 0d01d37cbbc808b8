package org.rapport.activities.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.activities.ActivityKind;
import org.rapport.activities.internal.AboutRecords;
import org.rapport.activities.internal.Activity;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.activities.internal.ActivityFilter;
import org.rapport.activities.internal.ActivityPreferences;
import org.rapport.activities.internal.ActivityStatus;
import org.rapport.activities.internal.CallOutcome;
import org.rapport.activities.internal.Direction;
import org.rapport.activities.internal.Occurrence;
import org.rapport.activities.internal.Participant;
import org.rapport.activities.internal.Priority;
import org.rapport.activities.internal.Recurrence;
import org.rapport.customization.CustomFieldForm;
import org.rapport.customization.CustomFieldInput;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserDirectory;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RecordRef;
import org.rapport.shared.ResultPage;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.SortWhitelist;
import org.rapport.web.CsvDownload;
import org.rapport.web.FilterQuery;
import org.rapport.web.OwnerNames;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The activity pages: the list with its filters and export, the form of each kind, the detail page with complete,
 * reopen, cancel and delete.
 */
@Controller
@RequestMapping("/activities")
class ActivityController {

	/** The reminders a form offers, in minutes before a meeting; -1 for none. */
	static final List<Integer> REMINDERS = List.of(-1, 0, 5, 10, 15, 30, 60, 120, 1440);

	private final ActivityBook activities;
	private final AboutRecords about;
	private final CurrentActor currentActor;
	private final CustomFields customFields;
	private final UserDirectory directory;
	private final ActivityPreferences preferences;
	private final org.rapport.customers.Customers customers;

	ActivityController(ActivityBook activities, AboutRecords about, CurrentActor currentActor,
			CustomFields customFields, UserDirectory directory, ActivityPreferences preferences,
			org.rapport.customers.Customers customers) {
		this.customers = customers;
		this.activities = activities;
		this.about = about;
		this.currentActor = currentActor;
		this.customFields = customFields;
		this.directory = directory;
		this.preferences = preferences;
	}

	@GetMapping
	String list(@RequestParam(required = false) ActivityKind kind, @RequestParam(required = false) ActivityStatus status,
			@RequestParam(required = false) UUID owner, @RequestParam(name = "about", required = false) String aboutText,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-Target", required = false) String target,
			@RequestParam MultiValueMap<String, String> params, Model model) {
		Actor actor = currentActor.get();
		ActivityFilter filter = filter(actor, kind, status, owner, aboutText, from, to);
		CustomFieldQuery custom = CustomFieldQuery.of(customFields.active(ActivityBook.ENTITY), params);
		SortWhitelist.Choice sorting = SortParameter.choose(sort, ActivityBook.sorts(custom));
		Paging paging = Paging.of(page, size);
		ResultPage<Activity> result = activities.list(actor, filter, sorting.sort(), custom, paging.page(),
				paging.size());
		model.addAttribute("result", result);
		model.addAttribute("filter", filter);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("cfq", custom);
		model.addAttribute("baseQuery", new FilterQuery().with("kind", kind).with("status", status)
			.with("owner", owner).with("about", blankToNull(aboutText)).with("from", from).with("to", to)
			.with("size", size).withAll(custom.params()).encoded());
		model.addAttribute("sort", sorting.param());
		model.addAttribute("sorting", sorting);
		addLabels(model, result.items(), actor);
		if (htmx != null && "results".equals(target)) {
			return "activities/list :: results";
		}
		if (filter.about() != null) {
			model.addAttribute("filterAbout", filter.about());
			model.addAttribute("filterAboutTitle", about.titles(List.of(filter.about())).get(filter.about()));
		}
		model.addAttribute("kinds", ActivityKind.values());
		model.addAttribute("statuses", ActivityStatus.values());
		model.addAttribute("users", directory.activeUsers());
		return "activities/list";
	}

	private static ActivityFilter filter(Actor actor, ActivityKind kind, ActivityStatus status, UUID owner,
			String aboutText, LocalDate from, LocalDate to) {
		ZoneId zone = actor.zone();
		RecordRef record;
		try {
			record = AboutRecords.parse("about", aboutText);
		}
		catch (InvalidField malformed) {
			record = null;
		}
		// a date nobody means narrows nothing
		LocalDate since = from == null || !org.rapport.shared.PlausibleDate.Check.holds(from) ? null : from;
		LocalDate until = to == null || !org.rapport.shared.PlausibleDate.Check.holds(to) ? null : to;
		return new ActivityFilter(kind, record, owner, status,
				since == null ? null : since.atStartOfDay(zone).toInstant(),
				until == null ? null : until.plusDays(1).atStartOfDay(zone).toInstant());
	}

	@GetMapping("/export.csv")
	void export(@RequestParam(required = false) ActivityKind kind, @RequestParam(required = false) ActivityStatus status,
			@RequestParam(required = false) UUID owner, @RequestParam(name = "about", required = false) String aboutText,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) String sort, @RequestParam MultiValueMap<String, String> params,
			HttpServletResponse response) throws IOException {
		Actor actor = currentActor.get();
		OwnerNames names = new OwnerNames(directory);
		CustomFieldQuery custom = CustomFieldQuery.of(customFields.active(ActivityBook.ENTITY), params);
		var exported = custom.exportedColumns();
		CsvDownload.write(response, "activities.csv", CsvDownload.header(new String[] { "id", "kind", "subject",
				"about", "account_id", "status", "occurs_at", "due_at", "starts_at", "ends_at", "all_day", "priority",
				"location", "direction", "duration_minutes", "outcome", "email_from", "email_to", "body",
				"completed_at", "owner", "owner_id", "owner_name", "team_id", "team_name", "created_at", "updated_at" },
				custom.exportedHeader()),
				rows -> activities.forEach(actor, filter(actor, kind, status, owner, aboutText, from, to),
						SortParameter.parse(sort, ActivityBook.sorts(custom)), custom,
						a -> rows.row(CsvDownload.values(new Object[] { a.getId(), a.getKind(), a.getSubject(),
								AboutRecords.format(a.about()), a.getAccountId(), a.getStatus(), a.getOccursAt(),
								a.getDueAt(), a.getStartsAt(), a.getEndsAt(), a.isAllDay(), a.getPriority(),
								a.getLocation(), a.getDirection(), a.getDurationMinutes(), a.getOutcome(),
								a.getEmailFrom(), a.getEmailTo(), a.getBody(), a.getCompletedAt(),
								names.login(a.getOwnerId()), a.getOwnerId(), names.user(a.getOwnerId()),
								a.getTeamId(), names.team(a.getTeamId()), a.getCreatedAt(), a.getUpdatedAt() },
								CustomFieldQuery.exportValues(a.getCustomFields(), exported)))));
	}

	@GetMapping("/new")
	String newActivity(@RequestParam(required = false) ActivityKind kind,
			@RequestParam(name = "about", required = false) String aboutText,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime startsAt,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime endsAt,
			@RequestParam(defaultValue = "false") boolean allDay, Model model) {
		Actor actor = currentActor.get();
		ActivityKind chosen = kind == null ? ActivityKind.TASK : kind;
		ActivityForm blank = ActivityForm.blank(chosen, blankToNull(aboutText), activities.now(), actor.zone(),
				preferences.reminderOf(actor.id()));
		// a slot chosen on the calendar
		model.addAttribute("input", startsAt == null ? blank : blank.at(startsAt, endsAt, allDay));
		return form(model, actor, CustomFieldForm.blank(customFields.active(ActivityBook.ENTITY)));
	}

	@PostMapping
	String create(@Valid @ModelAttribute("input") ActivityForm input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		Submitted custom = submitted(params, actor);
		CustomFieldForm form = custom.form();
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				Activity activity = activities.create(actor, input.toDetails(actor.zone()),
						custom.values());
				redirect.addFlashAttribute("success", "flash.activity.created");
				return "redirect:/activities/" + activity.getId();
			}
			catch (InvalidField invalid) {
				form = reject(errors, form, invalid);
			}
		}
		return form(model, actor, form);
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, @RequestParam(required = false) Instant occurrence, Model model) {
		Actor actor = currentActor.get();
		Activity activity = activities.get(actor, id);
		if (occurrence != null) {
			Occurrence shown = activities.occurrence(actor, id, occurrence);
			if (!shown.isInSeries()) {
				// the occurrence changed apart from its series: it has a page of its own
				return "redirect:/activities/" + shown.activity().getId();
			}
			model.addAttribute("occurrence", shown);
		}
		else if (activity.isSeries()) {
			model.addAttribute("upcoming", activities.occurrencesOf(actor, id, activities.now(),
					activities.now().plus(java.time.Duration.ofDays(ActivityApiController.MAX_OCCURRENCE_DAYS)),
					UPCOMING_SHOWN));
		}
		model.addAttribute("activity", activity);
		addLabels(model, List.of(activity), actor);
		List<UUID> people = activity.getParticipants().stream().filter(Participant::isUser).map(Participant::id).toList();
		model.addAttribute("participantUsers", userNames(people));
		Map<UUID, String> contacts = new java.util.HashMap<>();
		about.titles(activity.getParticipants().stream().filter(p -> !p.isUser())
			.map(p -> new RecordRef(p.type(), p.id())).toList()).forEach((ref, name) -> contacts.put(ref.id(), name));
		model.addAttribute("participantContacts", contacts);
		return "activities/show";
	}

	/** How many of a series' coming occurrences its page lists. */
	static final int UPCOMING_SHOWN = 10;

	@GetMapping("/{id}/edit")
	String edit(@PathVariable UUID id, @RequestParam(required = false) Instant occurrence, Model model) {
		Actor actor = currentActor.get();
		Activity activity = activities.get(actor, id);
		model.addAttribute("activity", activity);
		if (occurrence != null) {
			Occurrence shown = activities.occurrence(actor, id, occurrence);
			if (!shown.isInSeries()) {
				return "redirect:/activities/" + shown.activity().getId() + "/edit";
			}
			model.addAttribute("input", ActivityForm.of(shown, actor.zone()));
		}
		else {
			model.addAttribute("input", ActivityForm.of(activity, actor.zone()));
		}
		return form(model, actor, CustomFieldForm.of(customFields.active(ActivityBook.ENTITY),
				activity.getCustomFields(), actor.zone()));
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("input") ActivityForm input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		Activity activity = activities.get(actor, id);
		model.addAttribute("activity", activity);
		Submitted custom = submitted(params, actor);
		CustomFieldForm form = custom.form();
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				long version = input.version() == null ? -1 : input.version();
				if (input.occurrence() != null) {
					Activity own = activities.updateOccurrence(actor, id, input.occurrence(), version,
							input.toDetails(actor.zone()), custom.values());
					redirect.addFlashAttribute("success", "flash.activity.occurrenceUpdated");
					return "redirect:/activities/" + own.getId();
				}
				activities.update(actor, id, version, input.toDetails(actor.zone()), custom.values());
				redirect.addFlashAttribute("success", "flash.activity.updated");
				return "redirect:/activities/" + id;
			}
			catch (InvalidField invalid) {
				form = reject(errors, form, invalid);
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
		}
		return form(model, actor, form);
	}

	@PostMapping("/{id}/{action:complete|reopen|cancel}")
	String change(@PathVariable UUID id, @PathVariable String action, @RequestParam long version,
			@RequestParam(required = false) String back, @RequestParam(required = false) Instant occurrence,
			RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		try {
			if (occurrence != null && !action.equals("reopen")) {
				// one occurrence of a series: it becomes an activity of its own, done or cancelled
				Activity own = action.equals("complete") ? activities.completeOccurrence(actor, id, occurrence)
						: activities.cancelOccurrence(actor, id, occurrence);
				redirect.addFlashAttribute("success", "flash.activity." + action);
				return "redirect:" + backTo(back, "/activities/" + own.getId());
			}
			switch (action) {
				case "complete" -> activities.complete(actor, id, version);
				case "reopen" -> activities.reopen(actor, id, version);
				default -> activities.cancel(actor, id, version);
			}
			redirect.addFlashAttribute("success", "flash.activity." + action);
		}
		catch (OptimisticLockingFailureException | RuleBroken | RecordNotFound refused) {
			redirect.addFlashAttribute("failure", "activity.change.refused");
		}
		return "redirect:" + backTo(back, "/activities/" + id);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		Activity activity = activities.get(actor, id);
		String page = AboutRecords.path(activity.about());
		try {
			activities.delete(actor, id, version);
			redirect.addFlashAttribute("success", "flash.activity.deleted");
			return "redirect:" + (page == null ? "/activities" : page);
		}
		catch (OptimisticLockingFailureException stale) {
			redirect.addFlashAttribute("failure", "activity.change.refused");
			return "redirect:/activities/" + id;
		}
	}

	/** Where to go after an action: a page of this application that the form named, else the default. */
	static String backTo(String back, String otherwise) {
		return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back
				: otherwise;
	}

	private String form(Model model, Actor actor, CustomFieldForm cf) {
		model.addAttribute("cf", cf);
		model.addAttribute("users", directory.activeUsers());
		model.addAttribute("teams", directory.teams());
		model.addAttribute("kinds", ActivityKind.values());
		model.addAttribute("statuses", ActivityStatus.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("directions", Direction.values());
		model.addAttribute("outcomes", CallOutcome.values());
		model.addAttribute("reminders", REMINDERS);
		model.addAttribute("frequencies", Recurrence.Frequency.values());
		model.addAttribute("weekdays", java.time.DayOfWeek.values());
		model.addAttribute("repeatEnds", ActivityForm.ENDS);
		Object input = model.getAttribute("input");
		if (input instanceof ActivityForm form && form.about() != null) {
			try {
				RecordRef ref = AboutRecords.parse("about", form.about());
				model.addAttribute("aboutRef", ref);
				model.addAttribute("aboutPath", AboutRecords.path(ref));
				model.addAttribute("contactChoices", about.contactsAround(actor, ref));
				model.addAttribute("aboutTitle", about.titles(List.of(ref)).get(ref));
			}
			catch (InvalidField malformed) {
				// the form shows the field's error
			}
		}
		return "activities/form";
	}

	private void addLabels(Model model, List<Activity> items, Actor actor) {
		model.addAttribute("aboutTitles", about.titles(items.stream().map(Activity::about).distinct().toList()));
		model.addAttribute("ownerNames", userNames(items.stream().map(Activity::getOwnerId).distinct().toList()));
		model.addAttribute("now", activities.now());
	}

	private Map<UUID, String> userNames(List<UUID> ids) {
		Map<UUID, String> names = new java.util.HashMap<>();
		directory.displayNames(ids.stream().map(org.rapport.identity.UserId::new).toList())
			.forEach((id, name) -> names.put(id.value(), name));
		return names;
	}

	private Submitted submitted(MultiValueMap<String, String> params, Actor actor) {
		var fields = customFields.active(ActivityBook.ENTITY);
		Map<String, String> text = CustomFieldForm.textFrom(params);
		CustomFieldInput input = customFields.read(ActivityBook.ENTITY, text, actor.zone());
		return new Submitted(CustomFieldForm.submitted(fields, text, input.errors()), input);
	}

	/** Shows a domain check's refusal at its field, which may be a custom field. */
	private static CustomFieldForm reject(BindingResult errors, CustomFieldForm form, InvalidField invalid) {
		if (CustomFieldForm.concerns(invalid.field())) {
			return form.withError(invalid.field(), invalid.messageKey());
		}
		errors.rejectValue(formField(invalid.field()), invalid.messageKey(), invalid.getArguments(),
				invalid.getDefaultMessage());
		return form;
	}

	/**
	 * The form's field for a field the domain names: a meeting's participants are chosen among contacts (users
	 * cannot be wrong), and the repetition is told at its frequency.
	 */
	static String formField(String field) {
		return switch (field) {
			case "participants" -> "participantContacts";
			case Recurrence.FIELD -> "repeat";
			default -> field;
		};
	}

	/** The accounts whose name starts with the text, as options of the form's "about" choice. */
	@GetMapping("/about-picker")
	String aboutPicker(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("accounts", customers.accountsNamed(currentActor.get(), q, 20));
		return "activities/form :: aboutOptions";
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** A submitted form's custom fields: the form to show again and the values read. */
	private record Submitted(CustomFieldForm form, CustomFieldInput input) {

		boolean hasErrors() {
			return input.hasErrors();
		}

		Map<String, Object> values() {
			return input.values();
		}
	}
}
