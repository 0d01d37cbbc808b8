package org.rapport.customization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.rapport.customization.internal.SavedView;
import org.rapport.customization.internal.SavedViewService;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
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
@RequestMapping("/api/v1/views")
@Tag(name = "Saved views", description = "Filters, sort and page size of a list saved under a name")
class ViewApiController {

	private final SavedViewService views;
	private final CurrentActor currentActor;

	ViewApiController(SavedViewService views, CurrentActor currentActor) {
		this.views = views;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "Your views of a list and those your team shares", description = "list is accounts, "
			+ "contacts, leads, opportunities, products, orders or contracts.")
	List<ViewResource> list(@RequestParam String list) {
		return views.visible(currentActor.get(), list).stream().map(ViewResource::of).toList();
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Save a view", description = "query is the list's query string, such as "
			+ "stage=NEW&sort=name,asc&size=50; the page number is not kept.")
	ResponseEntity<ViewResource> create(@Valid @RequestBody ViewRequest request) {
		SavedView view = views.save(currentActor.get(), request.list(), request.name(), request.query(),
				Boolean.TRUE.equals(request.shared()), Boolean.TRUE.equals(request.makeDefault()));
		return ResponseEntity.created(URI.create("/api/v1/views/" + view.getId())).body(ViewResource.of(view));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rename a view, change its filters, share it or make it your default", description = "Send "
			+ "If-Match with the ETag you read, or its version in the body: a stale If-Match answers 412, a stale "
			+ "version or a change that races another answers 409, neither answers 428. The list stays.")
	ViewResource update(@PathVariable UUID id, @Valid @RequestBody ViewRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		long expected = Versions.required(ifMatch, request.version(), views.own(actor, id).getVersion());
		return ViewResource.of(views.change(actor, id, expected, request.name(), request.query(),
				Boolean.TRUE.equals(request.shared()), Boolean.TRUE.equals(request.makeDefault())));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete one of your views")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		views.delete(currentActor.get(), id);
		return ResponseEntity.noContent().build();
	}

	/** A view; {@code version} is the one a change (PUT) was read at. */
	record ViewRequest(@NotBlank String list, @NotBlank @Size(max = 100) String name, @Size(max = 2000) String query,
			Boolean shared, Boolean makeDefault, Long version) {
	}

	record ViewResource(UUID id, long version, String list, String name, String query, boolean shared,
			boolean isDefault, UUID ownerId) {

		static ViewResource of(SavedView view) {
			return new ViewResource(view.getId(), view.getVersion(), view.getList(), view.getName(), view.getQuery(),
					view.isShared(), view.isDefaultView(), view.getOwnerId());
		}
	}
}
