package org.rapport.sales.leads.web;

import org.rapport.sales.web.SalesCustomFields;
import org.springframework.util.MultiValueMap;
import org.rapport.customization.CustomFieldQuery;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadFilter;
import org.rapport.sales.leads.internal.LeadRating;
import org.rapport.sales.leads.internal.LeadService;
import org.rapport.sales.leads.internal.LeadStatus;
import org.rapport.sales.leads.internal.PossibleDuplicate;
import org.rapport.web.ApiPage;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.rapport.web.SortedBy;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads", description = "People who may become customers, until they are converted")
class LeadApiController {

	private final LeadService leads;
	private final CurrentActor currentActor;

	private final SalesCustomFields customFields;

	LeadApiController(LeadService leads, CurrentActor currentActor, SalesCustomFields customFields) {
		this.customFields = customFields;
		this.leads = leads;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "List the leads you may see", description = "Filters combine; q matches the start of the "
			+ "last or first name, company or e-mail. sort is name, createdAt or updatedAt with ,asc or ,desc.")
	ApiPage<LeadResource> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) UUID owner, @RequestParam(required = false) LeadStatus status,
			@RequestParam(required = false) LeadRating rating,
				@SortedBy(LeadService.class) @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		Paging paging = Paging.of(page, size);
		CustomFieldQuery custom = customFields.query(LeadService.ENTITY, params);
		return ApiPage.of(leads
			.list(currentActor.get(), new LeadFilter(q, owner, status, rating),
				SortParameter.parse(sort, LeadService.sorts(custom)), custom,
					paging.page(), paging.size())
			.map(LeadResource::of));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a lead", description = "The ETag header carries its version for If-Match.")
	ResponseEntity<LeadResource> get(@PathVariable UUID id) {
		Lead lead = leads.get(currentActor.get(), id);
		return ResponseEntity.ok().eTag(Versions.etag(lead.getVersion())).body(LeadResource.of(lead));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Create a lead", description = "The owner defaults to you, the team to the owner's. The "
			+ "answer lists in possibleDuplicates the leads and contacts you may see with the same e-mail, or the "
			+ "same name at the same company; the lead is created all the same.")
	ResponseEntity<LeadResource> create(@Valid @RequestBody LeadInput input) {
		Actor actor = currentActor.get();
		List<PossibleDuplicate> duplicates = leads.possibleDuplicates(actor, input.toDetails(), null);
		Lead lead = leads.create(actor, input.toDetails(), input.status(), input.disqualifiedReason(), input.owner(),
				input.team(), input.customFields() == null ? Map.of() : input.customFields());
		return ResponseEntity.created(URI.create("/api/v1/leads/" + lead.getId()))
			.eTag(Versions.etag(lead.getVersion()))
			.body(LeadResource.of(lead, duplicates));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a lead's fields", description = "Send If-Match with the ETag you read: a stale "
			+ "one answers 412, a change that races another answers 409. A converted lead cannot change (409).")
	ResponseEntity<LeadResource> update(@PathVariable UUID id, @Valid @RequestBody LeadInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		Lead current = leads.get(actor, id);
		long expected = Versions.required(ifMatch, input.version(), current.getVersion());
		Lead lead = leads.update(actor, id, expected, input.toDetails(), input.status(), input.disqualifiedReason(),
				input.owner(), input.team(), input.customFields());
		return ResponseEntity.ok().eTag(Versions.etag(lead.getVersion())).body(LeadResource.of(lead));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a lead", description = "A lead that other records name, such as the support cases "
			+ "it asked for, is not deleted: the answer is 409 with a detail naming them; convert the lead or merge it "
			+ "into another lead instead, and they follow it.")
	ResponseEntity<Void> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		if (ifMatch != null) {
			Versions.expected(ifMatch, null, leads.get(actor, id).getVersion());
		}
		leads.delete(actor, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/convert")
	@Operation(summary = "Convert a qualified lead", description = "In one transaction: a new account (named "
			+ "accountName, else the lead's company) or the existing account accountId, and a contact for the "
			+ "person. The answer is the converted lead with its links. A lead that is not qualified, or was "
			+ "converted already, answers 409.")
	ResponseEntity<LeadResource> convert(@PathVariable UUID id,
			@Valid @RequestBody(required = false) LeadConversionInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		LeadConversionInput request = input == null ? new LeadConversionInput(null, null, null, null) : input;
		Long expected = null;
		if (ifMatch != null || request.version() != null) {
			expected = Versions.expected(ifMatch, request.version(), leads.get(actor, id).getVersion());
		}
		Lead lead = leads.convert(actor, id, expected, request.toConversion());
		return ResponseEntity.ok().eTag(Versions.etag(lead.getVersion())).body(LeadResource.of(lead));
	}
}
