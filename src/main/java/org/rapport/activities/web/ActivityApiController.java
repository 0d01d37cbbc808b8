package org.rapport.activities.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.activities.ActivityKind;
import org.rapport.activities.internal.AboutRecords;
import org.rapport.activities.internal.Activity;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.activities.internal.ActivityFilter;
import org.rapport.activities.internal.ActivityStatus;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.InvalidField;
import org.rapport.web.ApiPage;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.rapport.web.SortedBy;
import org.rapport.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities", description = "Tasks, calls, meetings, logged e-mails and notes about records")
class ActivityApiController {

	private final ActivityBook activities;
	private final CurrentActor currentActor;
	private final CustomFields customFields;

	ActivityApiController(ActivityBook activities, CurrentActor currentActor, CustomFields customFields) {
		this.activities = activities;
		this.currentActor = currentActor;
		this.customFields = customFields;
	}

	@GetMapping
	@Operation(summary = "List the activities you may see", description = "about=account:{id} includes the "
			+ "activities about the account's contacts, opportunities, orders and contracts; from (inclusive) and to "
			+ "(exclusive) bound when an activity occurs: a task's due time, a meeting's or call's start, an e-mail's "
			+ "sending, a note's writing. sort is occursAt (latest first by default) or subject. Participants are "
			+ "left out of list entries (null); get an activity for them.")
	ApiPage<ActivityResource> list(@RequestParam(required = false) ActivityKind kind,
			@Parameter(description = "type:id of the record, as in account:{id}") @RequestParam(required = false) String about,
			@RequestParam(required = false) UUID owner, @RequestParam(required = false) ActivityStatus status,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@SortedBy(ActivityBook.class) @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		ActivityBook.requirePlausible("from", from);
		ActivityBook.requirePlausible("to", to);
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidField("to", "validation.activity.range", "The end of the range comes before its start");
		}
		Paging paging = Paging.of(page, size);
		CustomFieldQuery custom = CustomFieldQuery.of(customFields.active(ActivityBook.ENTITY), params);
		ActivityFilter filter = new ActivityFilter(kind, AboutRecords.parse("about", about), owner, status, from, to);
		return ApiPage.of(activities
			.list(currentActor.get(), filter, SortParameter.parse(sort, ActivityBook.sorts(custom)), custom,
					paging.page(), paging.size())
			.map(ActivityResource::listed));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get an activity", description = "The ETag header carries its version for If-Match.")
	ResponseEntity<ActivityResource> get(@PathVariable UUID id) {
		return answer(activities.get(currentActor.get(), id));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Record an activity", description = "About a record you may see. A meeting needs startsAt "
			+ "and endsAt (not before it); its participants are active users and contacts you may see. A note needs "
			+ "a body, whose HTML is sanitised.")
	ResponseEntity<ActivityResource> create(@Valid @RequestBody ActivityInput input) {
		Actor actor = currentActor.get();
		Activity activity = activities.create(actor, input.toDetails(actor.zone()),
				input.customFields() == null ? Map.of() : input.customFields());
		return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.getId()))
			.eTag(Versions.etag(activity.getVersion()))
			.body(ActivityResource.of(activity));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace an activity's content", description = "Its kind and what it is about stay. Send "
			+ "If-Match: a stale one answers 412, a race 409.")
	ResponseEntity<ActivityResource> update(@PathVariable UUID id, @Valid @RequestBody ActivityInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		long expected = Versions.required(ifMatch, input.version(), activities.get(actor, id).getVersion());
		return answer(activities.update(actor, id, expected, input.toDetails(actor.zone()), input.customFields()));
	}

	@GetMapping("/{id}/occurrences")
	@Operation(summary = "List a series' occurrences", description = "Those that start from from (inclusive) to to "
			+ "(exclusive), at most 400 days apart and 500 entries: each as the series gives it (with the series' id, "
			+ "its seriesId and originalStart) or as the activity it became when it changed apart from the series. An "
			+ "activity that does not repeat answers itself.")
	List<ActivityResource> occurrences(@PathVariable UUID id, @RequestParam Instant from, @RequestParam Instant to) {
		ActivityBook.requirePlausible("from", from);
		ActivityBook.requirePlausible("to", to);
		if (!to.isAfter(from)) {
			throw new InvalidField("to", "validation.activity.range", "The end of the range comes before its start");
		}
		if (java.time.Duration.between(from, to).compareTo(java.time.Duration.ofDays(MAX_OCCURRENCE_DAYS)) > 0) {
			throw new InvalidField("to", "validation.occurrences.window", "Ask for at most 400 days",
					MAX_OCCURRENCE_DAYS);
		}
		return activities.occurrencesOf(currentActor.get(), id, from, to, MAX_OCCURRENCES).stream()
			.map(ActivityResource::at)
			.toList();
	}

	/** The longest span of occurrences one request reads, in days, and the most it answers. */
	static final int MAX_OCCURRENCE_DAYS = 400;

	static final int MAX_OCCURRENCES = 500;

	@GetMapping("/{id}/occurrences/{start}")
	@Operation(summary = "Get one occurrence of a series", description = "start is its originalStart. As the series "
			+ "gives it, or as the activity it became apart from the series; 404 when the series has none then.")
	ActivityResource occurrence(@PathVariable UUID id, @PathVariable Instant start) {
		return ActivityResource.at(activities.occurrence(currentActor.get(), id, start));
	}

	@PutMapping("/{id}/occurrences/{start}")
	@Operation(summary = "Change one occurrence of a series", description = "start is its originalStart. It becomes "
			+ "an activity of its own (answered, with its own id and version; seriesId and originalStart name where it "
			+ "came from) with the content given; the rest of the series stays. It takes no recurrence. Send If-Match "
			+ "(or version) with the version you read of the occurrence: the series' while it is as the series gives "
			+ "it. Change the "
			+ "series itself with PUT /api/v1/activities/{id}.")
	ActivityResource updateOccurrence(@PathVariable UUID id, @PathVariable Instant start,
			@Valid @RequestBody ActivityInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		long expected = Versions.required(ifMatch, input.version(),
				activities.occurrence(actor, id, start).activity().getVersion());
		return ActivityResource.of(activities.updateOccurrence(actor, id, start, expected,
				input.toDetails(actor.zone()), input.customFields()));
	}

	@PostMapping("/{id}/occurrences/{start}/complete")
	@Operation(summary = "Mark one occurrence of a series done", description = "start is its originalStart; it "
			+ "becomes an activity of its own, done.")
	ActivityResource completeOccurrence(@PathVariable UUID id, @PathVariable Instant start) {
		return ActivityResource.of(activities.completeOccurrence(currentActor.get(), id, start));
	}

	@PostMapping("/{id}/occurrences/{start}/cancel")
	@Operation(summary = "Cancel one occurrence of a series", description = "start is its originalStart; it becomes "
			+ "an activity of its own, cancelled, and no longer shows on calendars. Cancel the whole series with POST "
			+ "/api/v1/activities/{id}/cancel.")
	ActivityResource cancelOccurrence(@PathVariable UUID id, @PathVariable Instant start) {
		return ActivityResource.of(activities.cancelOccurrence(currentActor.get(), id, start));
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "Mark a task, call or meeting done", description = "One done already stays as it is; a "
			+ "logged e-mail, a note or a series answers 409 (complete a series' occurrence instead).")
	ResponseEntity<ActivityResource> complete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		return answer(activities.complete(actor, id, expected(actor, id, ifMatch)));
	}

	@PostMapping("/{id}/reopen")
	@Operation(summary = "Open a done or cancelled task, call or meeting again")
	ResponseEntity<ActivityResource> reopen(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		return answer(activities.reopen(actor, id, expected(actor, id, ifMatch)));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a task, call or meeting")
	ResponseEntity<ActivityResource> cancel(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		return answer(activities.cancel(actor, id, expected(actor, id, ifMatch)));
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an activity", description = "Its owner, a manager of its team or an "
			+ "administrator may; others answer 403.")
	void delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		activities.delete(actor, id, expected(actor, id, ifMatch));
	}

	private long expected(Actor actor, UUID id, String ifMatch) {
		return Versions.expected(ifMatch, null, activities.get(actor, id).getVersion());
	}

	private static ResponseEntity<ActivityResource> answer(Activity activity) {
		return ResponseEntity.ok().eTag(Versions.etag(activity.getVersion())).body(ActivityResource.of(activity));
	}
}
