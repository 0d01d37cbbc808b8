package org.rapport.sales.opportunities.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.StageKind;
import org.rapport.sales.opportunities.internal.Pipeline;
import org.rapport.sales.opportunities.internal.PipelineService;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * Pipelines and their stages over the API. A pipeline's version covers its stages: every change of either gives it
 * a new one, and the replacing writes (PUT) name the version they change, in If-Match or in the body.
 */
@RestController
@RequestMapping("/api/v1/pipelines")
@Tag(name = "Pipelines", description = "Sales processes and their stages; administrators change them")
class PipelineApiController {

	private final PipelineService pipelines;
	private final CurrentActor currentActor;

	PipelineApiController(PipelineService pipelines, CurrentActor currentActor) {
		this.pipelines = pipelines;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "List the pipelines with their stages in order")
	List<PipelineResource> list() {
		return pipelines.all().stream().map(PipelineResource::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a pipeline with its stages", description = "The ETag header carries its version for "
			+ "If-Match; it changes with every change of the pipeline or of one of its stages.")
	PipelineResource get(@PathVariable UUID id) {
		return PipelineResource.of(pipelines.get(id));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Create a pipeline", description = "It starts with an open, a won and a lost stage.")
	ResponseEntity<PipelineResource> create(@Valid @RequestBody PipelineRequest request) {
		requireAdmin();
		Pipeline pipeline = pipelines.create(request.name());
		if (request.isDefault()) {
			pipeline = pipelines.rename(pipeline.getId(), pipeline.getVersion(), request.name(), true);
		}
		return ResponseEntity.created(URI.create("/api/v1/pipelines/" + pipeline.getId()))
			.body(PipelineResource.of(pipelines.get(pipeline.getId())));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rename a pipeline or make it the default", description = "Send If-Match with the ETag you "
			+ "read, or its version in the body: a stale If-Match answers 412, a stale version or a change that races "
			+ "another answers 409, neither answers 428.")
	PipelineResource update(@PathVariable UUID id, @Valid @RequestBody PipelineRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		requireAdmin();
		pipelines.rename(id, expected(id, ifMatch, request.version()), request.name(), request.isDefault());
		return PipelineResource.of(pipelines.get(id));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/{id}/stages")
	@Operation(summary = "Add a stage at the end of the pipeline")
	ResponseEntity<PipelineResource> addStage(@PathVariable UUID id, @Valid @RequestBody StageRequest request) {
		requireAdmin();
		pipelines.addStage(id, request.name(), request.probability(), request.kind());
		return ResponseEntity.status(HttpStatus.CREATED).body(PipelineResource.of(pipelines.get(id)));
	}

	@PutMapping("/{id}/stages/{stageId}")
	@Operation(summary = "Rename a stage or change its probability or kind", description = "Send If-Match with the "
			+ "pipeline's ETag, or the pipeline's version in the body: a stale If-Match answers 412, a stale version or "
			+ "a change that races another answers 409, neither answers 428.")
	PipelineResource describeStage(@PathVariable UUID id, @PathVariable UUID stageId,
			@Valid @RequestBody StageRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		requireAdmin();
		pipelines.describeStage(id, expected(id, ifMatch, request.version()), stageId, request.name(),
				request.probability(), request.kind());
		return PipelineResource.of(pipelines.get(id));
	}

	@PutMapping("/{id}/stages")
	@Operation(summary = "Reorder the stages", description = "Send every stage id of the pipeline once, in order, "
			+ "with If-Match naming the pipeline's ETag: a stale one answers 412, none 428.")
	PipelineResource reorder(@PathVariable UUID id, @RequestBody @NotEmpty List<UUID> order,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		requireAdmin();
		long expected = expected(id, ifMatch, null);
		try {
			pipelines.reorder(id, expected, order);
		}
		catch (IllegalArgumentException wrong) {
			throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, wrong.getMessage());
		}
		return PipelineResource.of(pipelines.get(id));
	}

	@DeleteMapping("/{id}/stages/{stageId}")
	@Operation(summary = "Remove a stage", description = "A stage that opportunities are in needs moveTo, a stage "
			+ "of the same kind to move them to; without it the answer is 409.")
	PipelineResource removeStage(@PathVariable UUID id, @PathVariable UUID stageId,
			@RequestParam(required = false) UUID moveTo,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		requireAdmin();
		if (ifMatch != null) {
			Versions.expected(ifMatch, null, pipelines.get(id).getVersion());
		}
		pipelines.removeStage(id, stageId, moveTo);
		return PipelineResource.of(pipelines.get(id));
	}

	/** The version a replacing write changes: 404 for no such pipeline, 412 for a stale If-Match, 428 for none. */
	private long expected(UUID id, String ifMatch, Long bodyVersion) {
		return Versions.required(ifMatch, bodyVersion, pipelines.get(id).getVersion());
	}

	private void requireAdmin() {
		if (!currentActor.get().isAdmin()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only administrators change pipelines");
		}
	}

	/** A pipeline's name; {@code version} is the one a change (PUT) was read at. */
	record PipelineRequest(@NotBlank @Size(max = 100) String name, Boolean makeDefault, Long version) {

		boolean isDefault() {
			return Boolean.TRUE.equals(makeDefault);
		}
	}

	/** A stage; {@code version} is the pipeline's version that a change (PUT) was read at. */
	record StageRequest(@NotBlank @Size(max = 100) String name, @NotNull @Min(0) @Max(100) Integer probability,
			@NotNull StageKind kind, Long version) {
	}

	record PipelineResource(UUID id, long version, String name, boolean isDefault, List<StageResource> stages) {

		static PipelineResource of(Pipeline p) {
			return new PipelineResource(p.getId(), p.getVersion(), p.getName(), p.isDefaultPipeline(), p.getStages()
				.stream()
				.map(s -> new StageResource(s.getId(), s.getName(), s.getPosition(), s.getProbability(), s.getKind()))
				.toList());
		}
	}

	record StageResource(UUID id, String name, int position, int probability, StageKind kind) {
	}
}
