package org.rapport.support.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.support.internal.CaseBook;
import org.rapport.support.internal.CaseComment;
import org.rapport.support.internal.CaseFilter;
import org.rapport.support.internal.CasePriority;
import org.rapport.support.internal.CaseStatus;
import org.rapport.support.internal.SlaState;
import org.rapport.support.internal.SupportCase;
import org.rapport.web.ApiPage;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.rapport.web.SortedBy;
import org.rapport.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
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
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Customers' requests to the service desk, held to SLA policies in business hours")
class CaseApiController {

	private final CaseBook cases;
	private final CurrentActor currentActor;
	private final CustomFields customFields;

	CaseApiController(CaseBook cases, CurrentActor currentActor, CustomFields customFields) {
		this.cases = cases;
		this.currentActor = currentActor;
		this.customFields = customFields;
	}

	@GetMapping
	@Operation(summary = "List the cases you may see", description = "Every filter is optional: account, status, "
			+ "priority, queue (a team id), owner (a user id), sla (the SLA state now), open (true for the open cases, "
			+ "false for the resolved and closed ones), lead (the cases a lead asked for); custom fields filter as "
			+ "cf.key=value. sort is created (the default), number or due, descending unless ,asc follows: due,asc "
			+ "puts the earliest SLA due time first, and is the default when sla is AT_RISK, ON_TRACK or BREACHED.")
	ApiPage<CaseResource> list(@RequestParam(required = false) UUID account,
			@RequestParam(required = false) CaseStatus status, @RequestParam(required = false) CasePriority priority,
			@RequestParam(required = false) UUID queue, @RequestParam(required = false) UUID owner,
			@RequestParam(required = false) SlaState sla, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) UUID lead,
			@SortedBy(CaseBook.class) @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		Paging paging = Paging.of(page, size);
		CustomFieldQuery custom = CustomFieldQuery.of(customFields.active(CaseBook.ENTITY), params);
		Instant now = cases.now();
		return ApiPage.of(cases
			.list(currentActor.get(), new CaseFilter(account, status, priority, queue, owner, sla, open, lead),
					SortParameter.parse(CaseBook.sortOrDefault(sort, sla), CaseBook.sorts(custom)), custom, paging.page(),
					paging.size())
			.map(found -> CaseResource.of(found, now)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a case", description = "The ETag header carries its version for If-Match.")
	ResponseEntity<CaseResource> get(@PathVariable UUID id) {
		return answer(cases.get(currentActor.get(), id));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Open a case", description = "For an account you see (accountId) or for a lead you see "
			+ "that is not converted (leadId), exactly one of them: neither answers 422 naming accountId, both 422 "
			+ "naming leadId. In a team's queue (yours unless queueId names another); you take it unless assignToMe "
			+ "is false. The first active SLA policy that matches its priority, the account's tier (a lead's case has "
			+ "none) and the service level of its contract sets its due times.")
	ResponseEntity<CaseResource> create(@Valid @RequestBody CaseInput input) {
		Actor actor = currentActor.get();
		SupportCase opened = cases.create(actor, input.toDetails(),
				input.customFields() == null ? Map.of() : input.customFields(), input.queueId(), input.takes());
		return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.getId()))
			.eTag(Versions.etag(opened.getVersion()))
			.body(CaseResource.of(opened, cases.now()));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a case's details", description = "Send If-Match: a stale one answers 412, a race "
			+ "409; a closed case answers 409. Custom fields left out keep their values; a new priority, account or "
			+ "contract holds the case to the policy that matches it then.")
	ResponseEntity<CaseResource> update(@PathVariable UUID id, @Valid @RequestBody CaseInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		long expected = Versions.required(ifMatch, input.version(), cases.get(actor, id).getVersion());
		return answer(cases.update(actor, id, expected, input.toDetails(), input.customFields()));
	}

	@PostMapping("/{id}/status")
	@Operation(summary = "Move a case to another status", description = "The case's nextStatuses are the moves it "
			+ "allows; any other answers 409. Resolving or closing needs a resolution unless the case has one; a "
			+ "closed case only reopens (REOPENED).")
	ResponseEntity<CaseResource> move(@PathVariable UUID id, @Valid @RequestBody CaseStatusInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		return answer(cases.move(actor, id, expected(actor, id, ifMatch), input.status(), input.resolution()));
	}

	@PostMapping("/{id}/take")
	@Operation(summary = "Take a case from its queue", description = "You become its owner; a resolved or closed "
			+ "case answers 409.")
	ResponseEntity<CaseResource> take(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		return answer(cases.take(actor, id, expected(actor, id, ifMatch)));
	}

	@GetMapping("/{id}/comments")
	@Operation(summary = "List a case's comments, oldest first",
			description = "Internal ones among agents and public ones, the customer's replies among them.")
	List<CaseCommentResource> comments(@PathVariable UUID id) {
		return cases.commentsOf(currentActor.get(), id).stream().map(CaseCommentResource::of).toList();
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/{id}/comments")
	@Operation(summary = "Comment on a case", description = "A public comment is an answer to the customer: the "
			+ "first one is the case's first response and moves a new case to IN_PROGRESS. An internal one (the "
			+ "default) is for agents.")
	ResponseEntity<CaseCommentResource> comment(@PathVariable UUID id, @Valid @RequestBody CaseCommentInput input) {
		CaseComment comment = cases.comment(currentActor.get(), id, Boolean.TRUE.equals(input.publicReply()),
				input.body());
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/comments"))
			.body(CaseCommentResource.of(comment));
	}

	private long expected(Actor actor, UUID id, String ifMatch) {
		return Versions.expected(ifMatch, null, cases.get(actor, id).getVersion());
	}

	private ResponseEntity<CaseResource> answer(SupportCase found) {
		return ResponseEntity.ok()
			.eTag(Versions.etag(found.getVersion()))
			.body(CaseResource.of(found, cases.now()));
	}

	/** A move of a case to another status, with how it was resolved when it is resolved or closed. */
	record CaseStatusInput(@NotNull CaseStatus status,
			@Schema(description = "How the case was resolved; needed to resolve or close a case that has none")
			@Size(max = SupportCase.MAX_RESOLUTION) String resolution) {
	}

	/** A comment an agent writes; {@code public} says whether the customer reads it. */
	record CaseCommentInput(@NotBlank @Size(max = CaseComment.MAX_BODY) String body,
			@Schema(description = "Whether the customer reads the comment (an answer); false (the default) for an "
					+ "internal note") @JsonProperty("public") Boolean publicReply) {
	}

	/** A comment as the API shows it; a customer's has no author id but their e-mail address. */
	record CaseCommentResource(UUID id, UUID caseId,
			@Schema(description = "The agent who wrote it; null for the customer's reply") UUID authorId,
			@Schema(description = "The customer's address, for a reply of theirs") String authorEmail,
			@JsonProperty("public") boolean publicReply, String body, Instant createdAt) {

		static CaseCommentResource of(CaseComment c) {
			return new CaseCommentResource(c.getId(), c.getCaseId(), c.getAuthorId(), c.getAuthorEmail(),
					c.isPublicReply(), c.getBody(), c.getCreatedAt());
		}
	}
}
