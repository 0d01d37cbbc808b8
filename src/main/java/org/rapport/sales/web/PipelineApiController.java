package org.rapport.sales.web;

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
import org.rapport.sales.internal.Pipeline;
import org.rapport.sales.internal.PipelineService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

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
			pipeline = pipelines.rename(pipeline.getId(), request.name(), true);
		}
		return ResponseEntity.created(URI.create("/api/v1/pipelines/" + pipeline.getId()))
			.body(PipelineResource.of(pipelines.get(pipeline.getId())));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rename a pipeline or make it the default")
	PipelineResource update(@PathVariable UUID id, @Valid @RequestBody PipelineRequest request) {
		requireAdmin();
		pipelines.rename(id, request.name(), request.isDefault());
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
	@Operation(summary = "Rename a stage or change its probability or kind")
	PipelineResource describeStage(@PathVariable UUID id, @PathVariable UUID stageId,
			@Valid @RequestBody StageRequest request) {
		requireAdmin();
		pipelines.describeStage(id, stageId, request.name(), request.probability(), request.kind());
		return PipelineResource.of(pipelines.get(id));
	}

	@PutMapping("/{id}/stages")
	@Operation(summary = "Reorder the stages", description = "Send every stage id of the pipeline once, in order.")
	PipelineResource reorder(@PathVariable UUID id, @RequestBody @NotEmpty List<UUID> order) {
		requireAdmin();
		try {
			pipelines.reorder(id, order);
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
			@RequestParam(required = false) UUID moveTo) {
		requireAdmin();
		pipelines.removeStage(id, stageId, moveTo);
		return PipelineResource.of(pipelines.get(id));
	}

	private void requireAdmin() {
		if (!currentActor.get().isAdmin()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only administrators change pipelines");
		}
	}

	record PipelineRequest(@NotBlank @Size(max = 100) String name, Boolean makeDefault) {

		boolean isDefault() {
			return Boolean.TRUE.equals(makeDefault);
		}
	}

	record StageRequest(@NotBlank @Size(max = 100) String name, @NotNull @Min(0) @Max(100) Integer probability,
			@NotNull StageKind kind) {
	}

	record PipelineResource(UUID id, String name, boolean isDefault, List<StageResource> stages) {

		static PipelineResource of(Pipeline p) {
			return new PipelineResource(p.getId(), p.getName(), p.isDefaultPipeline(), p.getStages()
				.stream()
				.map(s -> new StageResource(s.getId(), s.getName(), s.getPosition(), s.getProbability(), s.getKind()))
				.toList());
		}
	}

	record StageResource(UUID id, String name, int position, int probability, StageKind kind) {
	}
}
