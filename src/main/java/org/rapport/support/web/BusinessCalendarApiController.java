package org.rapport.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.rapport.identity.CurrentActor;
import org.rapport.support.internal.BusinessCalendar;
import org.rapport.support.internal.ServiceLevels;
import org.rapport.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/business-calendars")
@Tag(name = "Business calendars", description = "Working hours and holidays in which SLA targets count; everybody "
		+ "reads them, administrators change them")
class BusinessCalendarApiController {

	private final ServiceLevels levels;
	private final CurrentActor currentActor;

	BusinessCalendarApiController(ServiceLevels levels, CurrentActor currentActor) {
		this.levels = levels;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "List the business calendars")
	List<BusinessCalendarResource> list() {
		return levels.calendars().stream().map(BusinessCalendarResource::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a business calendar", description = "The ETag header carries its version for If-Match.")
	ResponseEntity<BusinessCalendarResource> get(@PathVariable UUID id) {
		return answer(levels.calendar(id));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Create a business calendar", description = "Administrators only. A time zone, hours or "
			+ "holidays that cannot be read answer 422 naming timeZone, hours or holidays.")
	ResponseEntity<BusinessCalendarResource> create(@Valid @RequestBody BusinessCalendarInput input) {
		BusinessCalendar calendar = levels.createCalendar(currentActor.get(), input.name(), input.timeZone(),
				input.hours(), input.holidays());
		return ResponseEntity.created(URI.create("/api/v1/business-calendars/" + calendar.getId()))
			.eTag(Versions.etag(calendar.getVersion()))
			.body(BusinessCalendarResource.of(calendar));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a business calendar", description = "Administrators only. Send If-Match: a stale one "
			+ "answers 412. Cases count their time left in the new hours from their next change.")
	ResponseEntity<BusinessCalendarResource> update(@PathVariable UUID id,
			@Valid @RequestBody BusinessCalendarInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		long expected = Versions.required(ifMatch, input.version(), levels.calendar(id).getVersion());
		return answer(levels.changeCalendar(currentActor.get(), id, expected, input.name(), input.timeZone(),
				input.hours(), input.holidays()));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a business calendar", description = "Administrators only. A calendar that a policy "
			+ "uses answers 409; the cases held to it keep their due times.")
	ResponseEntity<Void> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		if (ifMatch != null) {
			Versions.expected(ifMatch, null, levels.calendar(id).getVersion());
		}
		levels.deleteCalendar(currentActor.get(), id);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<BusinessCalendarResource> answer(BusinessCalendar calendar) {
		return ResponseEntity.ok().eTag(Versions.etag(calendar.getVersion())).body(BusinessCalendarResource.of(calendar));
	}
}
