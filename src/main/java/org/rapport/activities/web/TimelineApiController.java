package org.rapport.activities.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.rapport.activities.ActivityKind;
import org.rapport.activities.internal.AboutRecords;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.activities.internal.TimelineCursor;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordRef;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/timeline")
@Tag(name = "Timeline", description = "What happened and is planned about a record, latest first")
class TimelineApiController {

	private final ActivityBook activities;
	private final CurrentActor currentActor;

	TimelineApiController(ActivityBook activities, CurrentActor currentActor) {
		this.activities = activities;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "A page of a record's timeline", description = "Entries latest first; an account's timeline "
			+ "holds those of its contacts, opportunities, orders and contracts too. Pass the answer's next as before "
			+ "for the following page; next is null on the last one.")
	TimelinePage timeline(
			@Parameter(description = "type:id of the record, as in account:{id}", required = true) @RequestParam String about,
			@Parameter(description = "Only entries of this kind") @RequestParam(required = false) ActivityKind kind,
			@Parameter(description = "The next of the page before") @RequestParam(required = false) String before,
			@RequestParam(required = false) Integer size) {
		RecordRef record = AboutRecords.parse("about", about);
		if (record == null) {
			throw new InvalidField("about", "validation.required", "Name the record as type:id");
		}
		int limit = size == null ? TimelineController.PAGE : size;
		if (limit < 1 || limit > ActivityBook.MAX_PAGE) {
			throw new InvalidField("size", "validation.activity.size", "A page holds 1 to 100 entries",
					ActivityBook.MAX_PAGE);
		}
		ActivityBook.TimelinePage page = activities.timeline(currentActor.get(), record,
				kind == null ? EnumSet.allOf(ActivityKind.class) : EnumSet.of(kind),
				TimelineCursor.parse(before), limit);
		return new TimelinePage(page.items().stream().map(a -> new Entry("activity", a.getOccursAt(), a.getId(),
				ActivityResource.listed(a))).toList(), page.next() == null ? null : page.next().toString());
	}

	/** A page of entries and the cursor of the next one. */
	record TimelinePage(List<Entry> items, String next) {
	}

	/** An entry: its source ({@code activity}), when it happens, its id and the activity it shows. */
	record Entry(String source, Instant at, UUID id, ActivityResource activity) {
	}
}
