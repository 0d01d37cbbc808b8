package org.rapport.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.rapport.identity.CurrentActor;
import org.rapport.support.internal.ServiceLevels;
import org.rapport.support.internal.SlaPolicy;
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
@RequestMapping("/api/v1/sla-policies")
@Tag(name = "SLA policies", description = "The first-response and resolution targets that cases are held to; "
		+ "everybody reads them, administrators change them")
class SlaPolicyApiController {

	private final ServiceLevels levels;
	private final CurrentActor currentActor;

	SlaPolicyApiController(ServiceLevels levels, CurrentActor currentActor) {
		this.levels = levels;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "List the SLA policies in the order they are tried")
	List<SlaPolicyResource> list() {
		return levels.policies().stream().map(SlaPolicyResource::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get an SLA policy", description = "The ETag header carries its version for If-Match.")
	ResponseEntity<SlaPolicyResource> get(@PathVariable UUID id) {
		return answer(levels.policy(id));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Create an SLA policy", description = "Administrators only. It applies to the cases opened "
			+ "from now on, and to those whose priority changes.")
	ResponseEntity<SlaPolicyResource> create(@Valid @RequestBody SlaPolicyInput input) {
		SlaPolicy policy = levels.createPolicy(currentActor.get(), input.toTerms());
		return ResponseEntity.created(URI.create("/api/v1/sla-policies/" + policy.getId()))
			.eTag(Versions.etag(policy.getVersion()))
			.body(SlaPolicyResource.of(policy));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change an SLA policy", description = "Administrators only. Send If-Match: a stale one "
			+ "answers 412. The cases held to it keep their targets until their priority changes.")
	ResponseEntity<SlaPolicyResource> update(@PathVariable UUID id, @Valid @RequestBody SlaPolicyInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		long expected = Versions.required(ifMatch, input.version(), levels.policy(id).getVersion());
		return answer(levels.changePolicy(currentActor.get(), id, expected, input.toTerms()));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an SLA policy", description = "Administrators only. The cases held to it keep their "
			+ "targets and due times.")
	ResponseEntity<Void> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		if (ifMatch != null) {
			Versions.expected(ifMatch, null, levels.policy(id).getVersion());
		}
		levels.deletePolicy(currentActor.get(), id);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<SlaPolicyResource> answer(SlaPolicy policy) {
		return ResponseEntity.ok().eTag(Versions.etag(policy.getVersion())).body(SlaPolicyResource.of(policy));
	}
}
