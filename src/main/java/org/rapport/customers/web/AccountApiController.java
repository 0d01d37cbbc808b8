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
import java.util.UUID;
import org.rapport.customers.Industry;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.Account;
import org.rapport.customers.internal.AccountFilter;
import org.rapport.customers.internal.AccountService;
import org.rapport.customers.internal.AccountService.ContactsOnDelete;
import org.rapport.customers.internal.AccountService.RelatedOnDelete;
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
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Companies and people the business sells to")
class AccountApiController {

	private final AccountService accounts;
	private final CurrentActor currentActor;

	private final CustomFields customFields;

	/** The answer header that lists the ids of possible duplicates of a record just created. */
	static final String POSSIBLE_DUPLICATES = "Possible-Duplicates";

	AccountApiController(AccountService accounts, CurrentActor currentActor, CustomFields customFields) {
		this.customFields = customFields;
		this.accounts = accounts;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "List the accounts you may see", description = "Filters combine; q matches the start of "
			+ "the name or e-mail. sort is name, createdAt or updatedAt with ,asc or ,desc. Custom fields filter as `cf.<key>=value` "
			+ "(the start of a text, an option, true or false) or `cf.<key>.from` / `cf.<key>.to` (numbers and dates), and "
			+ "sort as `sort=cf.<key>,desc`.")
	ApiPage<AccountResource> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) UUID owner, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) LifecycleStage stage, @RequestParam(required = false) Industry industry,
			@SortedBy(AccountService.class) @RequestParam(required = false) String sort,
				@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		Paging paging = Paging.of(page, size);
		CustomFieldQuery custom = CustomFieldQuery.of(customFields.active(AccountService.ENTITY), params);
		return ApiPage.of(accounts
			.list(currentActor.get(), new AccountFilter(q, owner, team, stage, industry),
				SortParameter.parse(sort, AccountService.sorts(custom)), custom,
					paging.page(), paging.size())
			.map(AccountResource::of));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get an account", description = "The ETag header carries its version for If-Match.")
	ResponseEntity<AccountResource> get(@PathVariable UUID id) {
		Account account = accounts.get(currentActor.get(), id);
		return ResponseEntity.ok().eTag(Versions.etag(account.getVersion())).body(AccountResource.of(account));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Create an account", description = "The owner defaults to you, the team to the owner's. "
			+ "The Possible-Duplicates header lists the ids of accounts you may see with the same normalised name or "
			+ "website domain (GET /api/v1/accounts/duplicates asks before creating); the account is created all the same.")
	ResponseEntity<AccountResource> create(@Valid @RequestBody AccountInput input) {
		AccountService.Created created = accounts.createNotingLookalikes(currentActor.get(), input.toDetails(),
				input.owner(), input.team(), input.customFields() == null ? java.util.Map.of() : input.customFields(),
				20);
		Account account = created.account();
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.getId()))
			.header(POSSIBLE_DUPLICATES,
					created.lookalikes().stream().map(a -> a.getId().toString()).toArray(String[]::new))
			.eTag(Versions.etag(account.getVersion()))
			.body(AccountResource.of(account));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace an account's fields", description = "Send If-Match with the ETag you read: a "
			+ "stale one answers 412, a change that races another answers 409.")
	ResponseEntity<AccountResource> update(@PathVariable UUID id, @Valid @RequestBody AccountInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		Account current = accounts.get(actor, id);
		long expected = Versions.required(ifMatch, input.version(), current.getVersion());
		Account account = accounts.update(actor, id, expected, input.toDetails(), input.owner(), input.team(),
				input.customFields());
		return ResponseEntity.ok().eTag(Versions.etag(account.getVersion())).body(AccountResource.of(account));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an account", description = "An account with contacts needs contacts=DELETE or "
			+ "contacts=DETACH (keep them without an account); without it the answer is 409. An account with "
			+ "opportunities needs related=DELETE (they go with it) or related=MOVE with moveTo, the id of another "
			+ "account they move to (422 naming moveTo when that is missing or not visible); without it the answer is "
			+ "409. An account that has orders or contracts is not deleted: they are kept as financial records, and "
			+ "the answer is 409 with a detail naming them; merge the account into another one instead.")
	ResponseEntity<Void> delete(@PathVariable UUID id, @RequestParam(required = false) ContactsOnDelete contacts,
			@RequestParam(required = false) RelatedOnDelete related, @RequestParam(required = false) UUID moveTo,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		if (ifMatch != null) {
			Versions.expected(ifMatch, null, accounts.get(actor, id).getVersion());
		}
		accounts.delete(actor, id, contacts, related, moveTo);
		return ResponseEntity.noContent().build();
	}
}
