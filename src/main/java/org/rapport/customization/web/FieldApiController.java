package org.rapport.customization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.rapport.customization.CustomField;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.customization.internal.FieldDefinition;
import org.rapport.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Custom field definitions over the API: everybody reads them (to know what {@code customFields} of a record may
 * hold); administrators define, change, retire and restore them under {@code /api/v1/admin}.
 */
@RestController
@Tag(name = "Custom fields", description = "Fields that administrators add to each kind of record")
class FieldApiController {

	private final CustomFieldService fields;

	FieldApiController(CustomFieldService fields) {
		this.fields = fields;
	}

	@GetMapping("/api/v1/custom-fields")
	@Operation(summary = "The custom fields of a kind of record", description = "entity is account, contact, lead, "
			+ "opportunity, product, order or contract; retired fields are listed with retired=true.")
	List<CustomField> list(@RequestParam String entity) {
		return fields.all(entity);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/admin/custom-fields")
	@Operation(summary = "Define a custom field (administrators)")
	ResponseEntity<CustomField> create(@RequestBody FieldForm form) {
		FieldDefinition definition = fields.define(form.entity(), form.key(), form.type(), form.text());
		return ResponseEntity.created(URI.create("/api/v1/admin/custom-fields/" + definition.getId()))
			.body(definition.toField());
	}

	@PutMapping("/api/v1/admin/custom-fields/{id}")
	@Operation(summary = "Change a custom field's labels, help, options, default or required flag (administrators)",
			description = "The key and the type stay. Send If-Match with the ETag you read, or its version in the "
					+ "body: a stale If-Match answers 412, a stale version or a change that races another answers 409, "
					+ "neither answers 428.")
	CustomField update(@PathVariable UUID id, @RequestBody FieldForm form,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		long expected = Versions.required(ifMatch, form.version(), fields.get(id).getVersion());
		return fields.describe(id, expected, form.text()).toField();
	}

	@PostMapping("/api/v1/admin/custom-fields/{id}/retire")
	@Operation(summary = "Retire a custom field: no longer offered, its values kept (administrators)")
	CustomField retire(@PathVariable UUID id) {
		return fields.retire(id).toField();
	}

	@PostMapping("/api/v1/admin/custom-fields/{id}/restore")
	@Operation(summary = "Offer a retired custom field again (administrators)")
	CustomField restore(@PathVariable UUID id) {
		return fields.restore(id).toField();
	}

}
