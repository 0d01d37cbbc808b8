package org.rapport.sales.contracts.web;

import org.rapport.sales.web.SalesCustomFields;
import org.springframework.util.MultiValueMap;
import org.rapport.customization.CustomFieldQuery;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.contracts.internal.Contract;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.sales.contracts.internal.ContractFilter;
import org.rapport.sales.contracts.internal.ContractStatus;
import org.rapport.web.Versions;
import org.rapport.web.ApiPage;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.rapport.web.SortedBy;
import org.rapport.customers.AccountReferences;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/api/v1/contracts")
@Tag(name = "Contracts", description = "Agreements with accounts over a period, renewed or ended")
class ContractApiController {

	private final ContractBook contracts;
	private final CurrentActor currentActor;

	private final SalesCustomFields customFields;

	private final AccountReferences accounts;

	ContractApiController(ContractBook contracts, CurrentActor currentActor, SalesCustomFields customFields,
			AccountReferences accounts) {
		this.accounts = accounts;
		this.customFields = customFields;
		this.contracts = contracts;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "List the contracts you may see", description = "endingWithin=N keeps the contracts that "
			+ "end in the next N days (running ones unless status is given); sort is endDate or number.")
	ApiPage<ContractResource> list(@RequestParam(required = false) UUID account,
			@RequestParam(required = false) ContractStatus status,
			@RequestParam(required = false) Integer endingWithin,
				@SortedBy(ContractBook.class) @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		Paging paging = Paging.of(page, size);
		CustomFieldQuery custom = customFields.query(ContractBook.ENTITY, params);
		return ApiPage.of(contracts
			.list(currentActor.get(), new ContractFilter(account, status, endingWithin),
					SortParameter.parse(sort, ContractBook.sorts(custom)), custom, paging.page(), paging.size())
			.map(ContractResource::of));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a contract", description = "The ETag header carries its version for If-Match.")
	ResponseEntity<ContractResource> get(@PathVariable UUID id) {
		return answer(contracts.get(currentActor.get(), id));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Make a contract", description = "For an account you see, optionally from a won "
			+ "opportunity (opportunityId). Its status follows its dates: Draft before the start, Active during.")
	ResponseEntity<ContractResource> create(@Valid @RequestBody ContractInput input) {
		Actor actor = currentActor.get();
		Contract contract = contracts.create(actor,
				input.toDetails(accounts.named(actor, input.accountId(), input.accountExternalId())),
				input.customFields() == null ? Map.of() : input.customFields());
		return ResponseEntity.created(URI.create("/api/v1/contracts/" + contract.getId()))
			.eTag(Versions.etag(contract.getVersion()))
			.body(ContractResource.of(contract));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a contract's terms", description = "Send If-Match: a stale one answers 412, a "
			+ "race 409; an expired, terminated or renewed contract answers 409.")
	ResponseEntity<ContractResource> update(@PathVariable UUID id, @Valid @RequestBody ContractInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		long expected = Versions.required(ifMatch, input.version(), contracts.get(actor, id).getVersion());
		return answer(contracts.update(actor, id, expected,
				input.toDetails(accounts.named(actor, input.accountId(), input.accountExternalId())),
				input.customFields()));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/{id}/renew")
	@Operation(summary = "Renew a running or expired contract", description = "Answers 201 with the contract of "
			+ "the next period (same length and value), which starts the day after the old one ends; the two are linked. "
			+ "A running contract runs to its end and then becomes RENEWED while its renewal becomes ACTIVE; an "
			+ "expired one becomes RENEWED at once. A contract renewed already answers 409.")
	ResponseEntity<ContractResource> renew(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		Contract next = contracts.renew(actor, id, expected(actor, id, ifMatch));
		return ResponseEntity.created(URI.create("/api/v1/contracts/" + next.getId()))
			.eTag(Versions.etag(next.getVersion()))
			.body(ContractResource.of(next));
	}

	@PostMapping("/{id}/terminate")
	@Operation(summary = "End a draft or running contract early")
	ResponseEntity<ContractResource> terminate(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		return answer(contracts.terminate(actor, id, expected(actor, id, ifMatch)));
	}

	private long expected(Actor actor, UUID id, String ifMatch) {
		return Versions.expected(ifMatch, null, contracts.get(actor, id).getVersion());
	}

	private static ResponseEntity<ContractResource> answer(Contract contract) {
		return ResponseEntity.ok().eTag(Versions.etag(contract.getVersion())).body(ContractResource.of(contract));
	}
}
