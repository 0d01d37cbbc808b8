package org.rapport.sales.opportunities.web;

import org.rapport.sales.web.SalesCustomFields;
import org.springframework.util.MultiValueMap;
import org.rapport.customization.CustomFieldQuery;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.StageKind;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.sales.opportunities.internal.OpportunityFilter;
import org.rapport.sales.opportunities.internal.OpportunityService;
import org.rapport.web.ApiPage;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.rapport.web.SortedBy;
import org.rapport.web.Versions;
import org.rapport.customers.AccountReferences;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/opportunities")
@Tag(name = "Opportunities", description = "Deals moving through a pipeline's stages")
class OpportunityApiController {

	private final OpportunityService opportunities;
	private final CurrentActor currentActor;

	private final SalesCustomFields customFields;
	private final Clock clock;
	private final AccountReferences accounts;

	OpportunityApiController(OpportunityService opportunities, CurrentActor currentActor, SalesCustomFields customFields,
			Clock clock, AccountReferences accounts) {
		this.accounts = accounts;
		this.clock = clock;
		this.customFields = customFields;
		this.opportunities = opportunities;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "List the opportunities you may see", description = "q matches the start of the name; "
			+ "kind is OPEN, WON or LOST; sort is name, closeDate or updatedAt with ,asc or ,desc.")
	ApiPage<OpportunityResource> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) UUID owner, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) UUID pipeline, @RequestParam(required = false) UUID stage,
			@RequestParam(required = false) StageKind kind, @RequestParam(required = false) UUID account,
			@SortedBy(OpportunityService.class) @RequestParam(required = false) String sort,
				@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		Paging paging = Paging.of(page, size);
		CustomFieldQuery custom = customFields.query(OpportunityService.ENTITY, params);
		return ApiPage.of(opportunities
			.list(currentActor.get(), new OpportunityFilter(q, owner, team, pipeline, stage, kind, account),
					SortParameter.parse(sort, OpportunityService.sorts(custom)), custom, paging.page(), paging.size())
			.map(OpportunityResource::of));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get an opportunity with its lines", description = "The ETag carries its version.")
	ResponseEntity<OpportunityResource> get(@PathVariable UUID id) {
		Opportunity o = opportunities.get(currentActor.get(), id);
		return ResponseEntity.ok().eTag(Versions.etag(o.getVersion())).body(OpportunityResource.of(o));
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "When the opportunity entered each stage and how long it stayed")
	List<StageStay> history(@PathVariable UUID id) {
		Instant now = clock.instant();
		return opportunities.history(currentActor.get(), id)
			.stream()
			.map(v -> new StageStay(v.getStageId(), v.getStageName(), v.getEnteredAt(), v.getLeftAt(), v.timeSpent(now)))
			.toList();
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Open an opportunity", description = "Without a pipeline it goes to the default one, "
			+ "without a stage to the first open stage. With lines, the amount is their sum.")
	ResponseEntity<OpportunityResource> create(@Valid @RequestBody OpportunityInput input) {
		Actor actor = currentActor.get();
		Opportunity o = opportunities.create(actor,
				input.toDraft(accounts.named(actor, input.accountId(), input.accountExternalId())),
				input.customFields() == null ? Map.of() : input.customFields());
		return ResponseEntity.created(URI.create("/api/v1/opportunities/" + o.getId()))
			.eTag(Versions.etag(o.getVersion()))
			.body(OpportunityResource.of(o));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace an opportunity's fields", description = "Send If-Match with the ETag you read. "
			+ "Moving to a lost stage needs lostReason.")
	ResponseEntity<OpportunityResource> update(@PathVariable UUID id, @Valid @RequestBody OpportunityInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		long expected = Versions.required(ifMatch, input.version(), opportunities.get(actor, id).getVersion());
		Opportunity o = opportunities.update(actor, id, expected,
				input.toDraft(accounts.named(actor, input.accountId(), input.accountExternalId())), input.customFields());
		return ResponseEntity.ok().eTag(Versions.etag(o.getVersion())).body(OpportunityResource.of(o));
	}

	@PostMapping("/{id}/stage")
	@Operation(summary = "Move an opportunity to another stage of its pipeline", description = "A lost stage "
			+ "needs lostReason (422 without). If-Match guards against moving a stale card.")
	ResponseEntity<OpportunityResource> move(@PathVariable UUID id, @Valid @RequestBody StageMove move,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		Long expected = ifMatch == null ? null
				: Versions.expected(ifMatch, null, opportunities.get(actor, id).getVersion());
		Opportunity o = opportunities.move(actor, id, expected, move.stageId(), move.lostReason(), null);
		return ResponseEntity.ok().eTag(Versions.etag(o.getVersion())).body(OpportunityResource.of(o));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an opportunity")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		opportunities.delete(currentActor.get(), id);
		return ResponseEntity.noContent().build();
	}

	record StageMove(@NotNull UUID stageId, String lostReason) {
	}

	record StageStay(UUID stageId, String stageName, Instant enteredAt, Instant leftAt, Duration timeSpent) {
	}
}
