package org.rapport.customers.web;

import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.rapport.web.SortedBy;
import org.rapport.web.Versions;
import org.rapport.web.ApiPage;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.util.MultiValueMap;
import org.rapport.customization.CustomFields;
import org.rapport.customization.CustomFieldQuery;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.rapport.customers.AccountReferences;
import org.rapport.customers.internal.CustomerDuplicates;
import org.rapport.customers.internal.Contact;
import org.rapport.customers.internal.ContactFilter;
import org.rapport.customers.internal.ContactService;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
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
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts", description = "People at accounts")
class ContactApiController {

	private final ContactService contacts;
	private final CurrentActor currentActor;

	private final CustomFields customFields;

	private final CustomerDuplicates duplicates;

	private final AccountReferences references;

	ContactApiController(ContactService contacts, CurrentActor currentActor, CustomerDuplicates duplicates,
			CustomFields customFields, AccountReferences references) {
		this.references = references;
		this.customFields = customFields;
		this.duplicates = duplicates;
		this.contacts = contacts;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "List the contacts you may see", description = "q matches the start of the last name, "
			+ "first name or e-mail. sort is name, createdAt or updatedAt with ,asc or ,desc. Custom fields filter as `cf.<key>=value` "
			+ "(the start of a text, an option, true or false) or `cf.<key>.from` / `cf.<key>.to` (numbers and dates), and "
			+ "sort as `sort=cf.<key>,desc`.")
	ApiPage<ContactResource> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) UUID owner, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) UUID account,
				@SortedBy(ContactService.class) @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		Paging paging = Paging.of(page, size);
		CustomFieldQuery custom = CustomFieldQuery.of(customFields.active(ContactService.ENTITY), params);
		return ApiPage.of(contacts
			.list(currentActor.get(), new ContactFilter(q, owner, team, account),
				SortParameter.parse(sort, ContactService.sorts(custom)), custom,
					paging.page(), paging.size())
			.map(ContactResource::of));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a contact", description = "The ETag header carries its version for If-Match.")
	ResponseEntity<ContactResource> get(@PathVariable UUID id) {
		Contact contact = contacts.get(currentActor.get(), id);
		return ResponseEntity.ok().eTag(Versions.etag(contact.getVersion())).body(ContactResource.of(contact));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Create a contact", description = "The Possible-Duplicates header lists the ids of "
			+ "contacts you may see with the same e-mail, or the same name at the same company (GET "
			+ "/api/v1/contacts/duplicates asks before creating); the contact is created all the same.")
	ResponseEntity<ContactResource> create(@Valid @RequestBody ContactInput input) {
		Actor actor = currentActor.get();
		Contact contact = contacts.create(actor, input.toDetails(),
				references.named(actor, input.accountId(), input.accountExternalId()), input.owner(), input.team(),
				input.customFields() == null ? java.util.Map.of() : input.customFields());
		List<Contact> alike = duplicates.contactsLike(actor, input.email(), input.firstName(), input.lastName(),
				contact.getAccount() == null ? null : contact.getAccount().getName(), contact.getId(), 20);
		return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.getId()))
			.header(AccountApiController.POSSIBLE_DUPLICATES,
					alike.stream().map(c -> c.getId().toString()).toArray(String[]::new))
			.eTag(Versions.etag(contact.getVersion()))
			.body(ContactResource.of(contact));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a contact's fields", description = "Send If-Match with the ETag you read: a "
			+ "stale one answers 412, a change that races another answers 409.")
	ResponseEntity<ContactResource> update(@PathVariable UUID id, @Valid @RequestBody ContactInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		Contact current = contacts.get(actor, id);
		long expected = Versions.required(ifMatch, input.version(), current.getVersion());
		Contact contact = contacts.update(actor, id, expected, input.toDetails(),
				references.named(actor, input.accountId(), input.accountExternalId()), input.owner(), input.team(),
				input.customFields());
		return ResponseEntity.ok().eTag(Versions.etag(contact.getVersion())).body(ContactResource.of(contact));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a contact")
	ResponseEntity<Void> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		if (ifMatch != null) {
			Versions.expected(ifMatch, null, contacts.get(actor, id).getVersion());
		}
		contacts.delete(actor, id);
		return ResponseEntity.noContent().build();
	}
}
