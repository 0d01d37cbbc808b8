package org.rapport.activities.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.rapport.activities.internal.AboutRecords;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.activities.internal.ChangeKind;
import org.rapport.activities.internal.EntryKind;
import org.rapport.activities.internal.Timeline;
import org.rapport.activities.internal.TimelineChange;
import org.rapport.activities.internal.TimelineCursor;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordRef;
import org.rapport.web.NamesRecord;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/timeline")
@Tag(name = "Timeline", description = "What happened and is planned about a record, latest first")
class TimelineApiController {

	private final Timeline timeline;
	private final CurrentActor currentActor;

	TimelineApiController(Timeline timeline, CurrentActor currentActor) {
		this.timeline = timeline;
		this.currentActor = currentActor;
	}

	@GetMapping
	@NamesRecord
	@Operation(summary = "A page of a record's timeline", description = "Entries latest first; an account's timeline "
			+ "holds those of its contacts, opportunities, orders and contracts too. Pass the answer's next as before "
			+ "for the following page; next is null on the last one.")
	TimelinePage timeline(
			@Parameter(description = "type:id of the record, as in account:{id}", required = true) @RequestParam String about,
			@Parameter(description = "Only activities of this kind, or CHANGE for only the changes other parts "
					+ "reported (stage moves, lifecycle changes, conversions, orders, contracts, merges)")
			@RequestParam(required = false) EntryKind kind,
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
		Timeline.Page page = timeline.page(currentActor.get(), record, kind, TimelineCursor.parse(before), limit);
		return new TimelinePage(page.entries().stream().map(TimelineApiController::entry).toList(),
				page.next() == null ? null : page.next().toString());
	}

	private static Entry entry(Timeline.Entry entry) {
		if (entry.isActivity()) {
			return new Entry("activity", entry.at(), entry.id(), ActivityResource.listed(entry.activity()), null);
		}
		TimelineChange c = entry.change();
		return new Entry("change", entry.at(), entry.id(), null,
				new ChangeResource(c.getKind(), AboutRecords.format(c.about()), c.getAccountId(), c.getFromValue(),
						c.getToValue(), c.getAmount(), c.getCurrency(), c.getNote(), AboutRecords.format(c.refers())));
	}

	/** A page of entries and the cursor of the next one. */
	record TimelinePage(List<Entry> items, String next) {
	}

	/**
	 * An entry: its source ({@code activity} or {@code change}), when it happens, its id and the activity or the
	 * change it shows.
	 */
	record Entry(String source, Instant at, UUID id, ActivityResource activity, ChangeResource change) {
	}

	/**
	 * A change another part of Rapport reported: OPPORTUNITY_STAGE (from and to are stage ids), LIFECYCLE (stage
	 * names; note is why), LEAD_CONVERTED (refers is what the lead became), ORDER_PLACED (note is its number, amount
	 * its total), CONTRACT_ACTIVATED (from and to are its dates, amount its value), ACCOUNT_MERGED, CONTACT_MERGED,
	 * CASE_OPENED (note is the case's number), CASE_STATUS (from and to are statuses), CASE_ESCALATED (to is the
	 * level).
	 */
	record ChangeResource(ChangeKind kind, String about, UUID accountId, String from, String to,
			java.math.BigDecimal amount, String currency, String note, String refers) {
	}
}
