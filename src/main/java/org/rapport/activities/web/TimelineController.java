package org.rapport.activities.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import org.rapport.activities.ActivityKind;
import org.rapport.activities.internal.AboutRecords;
import org.rapport.activities.internal.Activity;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.activities.internal.ActivityPreferences;
import org.rapport.activities.internal.ChangeKind;
import org.rapport.activities.internal.EntryKind;
import org.rapport.activities.internal.Timeline;
import org.rapport.activities.internal.TimelineCursor;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserDirectory;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordRef;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The timeline panel of a record's page: its activities latest first, filtered by kind and paged by a cursor, with
 * a quick entry of a note, call, task or meeting at the top.
 */
@Controller
class TimelineController {

	static final int PAGE = 20;

	private final ActivityBook activities;
	private final Timeline timeline;
	private final AboutRecords about;
	private final CurrentActor currentActor;
	private final CustomFields customFields;
	private final UserDirectory directory;
	private final ActivityPreferences preferences;

	TimelineController(ActivityBook activities, Timeline timeline, AboutRecords about, CurrentActor currentActor,
			CustomFields customFields, UserDirectory directory, ActivityPreferences preferences) {
		this.activities = activities;
		this.timeline = timeline;
		this.about = about;
		this.currentActor = currentActor;
		this.customFields = customFields;
		this.directory = directory;
		this.preferences = preferences;
	}

	/** The whole panel, or with {@code before} only the entries of the next page and its "more" button. */
	@GetMapping("/timeline")
	String panel(@RequestParam("about") String aboutText, @RequestParam(required = false) EntryKind kind,
			@RequestParam(required = false) String before, @RequestParam(required = false) ActivityKind entry,
			Model model) {
		Actor actor = currentActor.get();
		RecordRef record = AboutRecords.parse("about", aboutText);
		TimelineCursor cursor = TimelineCursor.parse(before);
		ActivityKind quick = entry == null ? ActivityKind.NOTE : entry;
		model.addAttribute("input", ActivityForm.blank(quick, AboutRecords.format(record), activities.now(),
				actor.zone(), preferences.reminderOf(actor.id())));
		fill(model, actor, record, kind, cursor);
		return cursor == null ? "activities/timeline :: panel" : "activities/timeline :: entries";
	}

	/** Records what the quick entry holds and shows the panel again, with the new entry or the form's errors. */
	@PostMapping("/timeline")
	String quickEntry(@Valid @ModelAttribute("input") ActivityForm input, BindingResult errors, Model model) {
		Actor actor = currentActor.get();
		RecordRef record = AboutRecords.parse("about", input.about());
		ActivityForm next = input;
		if (!errors.hasErrors()) {
			try {
				activities.create(actor, input.toDetails(actor.zone()), java.util.Map.of());
				model.addAttribute("added", true);
				next = ActivityForm.blank(input.kind(), input.about(), activities.now(), actor.zone(),
						preferences.reminderOf(actor.id()));
			}
			catch (InvalidField invalid) {
				if (org.rapport.customization.CustomFieldForm.concerns(invalid.field())) {
					// a custom field the quick entry does not offer needs a value: the full form has it
					errors.reject("activity.quick.customRequired");
				}
				else {
					errors.rejectValue(ActivityController.formField(invalid.field()), invalid.messageKey(), invalid.getArguments(),
						invalid.getDefaultMessage());
				}
			}
		}
		if (errors.hasErrors()) {
			model.addAttribute("org.springframework.validation.BindingResult.input", errors);
		}
		else {
			model.addAttribute("input", next);
		}
		fill(model, actor, record, null, null);
		return "activities/timeline :: panel";
	}

	private void fill(Model model, Actor actor, RecordRef record, EntryKind only, TimelineCursor cursor) {
		Timeline.Page page = timeline.page(actor, record, only, cursor, PAGE);
		model.addAttribute("record", record);
		model.addAttribute("recordKey", AboutRecords.format(record));
		model.addAttribute("page", page);
		model.addAttribute("only", only);
		model.addAttribute("kinds", EntryKind.values());
		model.addAttribute("kindQuery", only == null ? "" : "kind=" + only + "&");
		List<RecordRef> named = new java.util.ArrayList<>();
		java.util.Set<java.util.UUID> stages = new java.util.HashSet<>();
		for (Timeline.Entry entry : page.entries()) {
			if (entry.isActivity()) {
				named.add(entry.activity().about());
			}
			else {
				named.add(entry.change().about());
				if (entry.change().refers() != null) {
					named.add(entry.change().refers());
				}
				if (entry.change().getKind() == ChangeKind.OPPORTUNITY_STAGE) {
					addStage(stages, entry.change().getFromValue());
					addStage(stages, entry.change().getToValue());
				}
			}
		}
		model.addAttribute("aboutTitles", about.titles(named.stream().distinct().toList()));
		java.util.Map<String, String> stageNames = new java.util.HashMap<>();
		about.stageNames(stages).forEach((id, name) -> stageNames.put(id.toString(), name));
		model.addAttribute("stageNames", stageNames);
		model.addAttribute("ownerNames", names(page.entries().stream().filter(Timeline.Entry::isActivity)
			.map(Timeline.Entry::activity).toList()));
		model.addAttribute("now", activities.now());
		model.addAttribute("directions", org.rapport.activities.internal.Direction.values());
		model.addAttribute("outcomes", org.rapport.activities.internal.CallOutcome.values());
	}

	private static void addStage(java.util.Set<java.util.UUID> stages, String id) {
		if (id != null) {
			stages.add(java.util.UUID.fromString(id));
		}
	}

	private java.util.Map<java.util.UUID, String> names(List<Activity> items) {
		java.util.Map<java.util.UUID, String> names = new java.util.HashMap<>();
		directory.displayNames(items.stream().map(a -> new org.rapport.identity.UserId(a.getOwnerId())).distinct()
			.toList()).forEach((id, name) -> names.put(id.value(), name));
		return names;
	}
}
