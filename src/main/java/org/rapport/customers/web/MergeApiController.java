package org.rapport.customers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.rapport.customers.DuplicateRule;
import org.rapport.customers.internal.Account;
import org.rapport.customers.internal.AccountMerge;
import org.rapport.customers.internal.AccountService;
import org.rapport.customers.internal.Contact;
import org.rapport.customers.internal.ContactMerge;
import org.rapport.customers.internal.ContactService;
import org.rapport.customers.internal.CustomerDuplicates;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.web.ApiPage;
import org.rapport.web.Paging;
import org.rapport.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Duplicate look-ups, the administrators' duplicate groups, and merges of accounts and contacts.
 */
@RestController
@Tag(name = "Duplicates and merge", description = "Possible duplicates of accounts and contacts, and their merge")
class MergeApiController {

	private static final int LOOKUP_LIMIT = 20;

	private final AccountService accounts;
	private final ContactService contacts;
	private final AccountMerge accountMerge;
	private final ContactMerge contactMerge;
	private final CustomerDuplicates duplicates;
	private final CurrentActor currentActor;

	MergeApiController(AccountService accounts, ContactService contacts, AccountMerge accountMerge,
			ContactMerge contactMerge, CustomerDuplicates duplicates, CurrentActor currentActor) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.accountMerge = accountMerge;
		this.contactMerge = contactMerge;
		this.duplicates = duplicates;
		this.currentActor = currentActor;
	}

	/** A group of records sharing a key. */
	record Group<T>(String key, List<T> members) {
	}

	@GetMapping("/api/v1/accounts/duplicates")
	@Operation(summary = "Accounts you may see that may be the one you are about to enter",
			description = "The same name once case, spacing, punctuation and legal forms (Inc, Ltd, GmbH, 有限公司 …) "
					+ "are left aside, or the same website domain. Ask before creating an account.")
	List<AccountResource> accountsLike(@RequestParam(required = false) String name,
			@RequestParam(required = false) String website, @RequestParam(required = false) UUID except) {
		return duplicates.accountsLike(currentActor.get(), name, website, except, LOOKUP_LIMIT)
			.stream()
			.map(AccountResource::of)
			.toList();
	}

	@GetMapping("/api/v1/accounts/duplicate-groups")
	@Operation(summary = "Groups of probable duplicate accounts (administrators)",
			description = "by is name (default) or domain; groups come in key order, without a total.")
	ApiPage<Group<AccountResource>> accountGroups(@RequestParam(required = false) String by,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Paging paging = Paging.of(page, size);
		DuplicateRule rule = DuplicateRule.parse(by, DuplicateRule.NAME) == DuplicateRule.DOMAIN ? DuplicateRule.DOMAIN
				: DuplicateRule.NAME;
		return ApiPage.of(duplicates.accountGroups(currentActor.get(), rule, paging.page(), paging.size())
			.map(g -> new Group<>(g.key(), g.members().stream().map(AccountResource::of).toList())));
	}

	@PostMapping("/api/v1/accounts/{id}/merge")
	@Operation(summary = "Merge another account into this one",
			description = "This account remains and takes, per field, the value chosen in fields (survivor or "
					+ "merged); the other account's contacts, opportunities, orders, contracts and converted leads "
					+ "move here and it is removed. Administrators, or managers of both accounts' team (else 403). "
					+ "Send the versions you read (If-Match for this one): a stale If-Match answers 412, a stale "
					+ "version in the body 409.")
	ResponseEntity<AccountResource> mergeAccounts(@PathVariable UUID id, @Valid @RequestBody MergeInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		long expected = Versions.expected(ifMatch, input.version(), accounts.get(actor, id).getVersion());
		Account survivor = accountMerge.merge(actor, id, expected, input.mergedId(), input.mergedVersion(),
				input.fields());
		return ResponseEntity.ok().eTag(Versions.etag(survivor.getVersion())).body(AccountResource.of(survivor));
	}

	@GetMapping("/api/v1/accounts/{id}/merges")
	@Operation(summary = "The merges into an account, newest first")
	List<MergeEntryResource> accountMerges(@PathVariable UUID id) {
		return accountMerge.mergesInto(currentActor.get(), id, 100).stream().map(MergeEntryResource::of).toList();
	}

	@GetMapping("/api/v1/contacts/duplicates")
	@Operation(summary = "Contacts you may see that may be the one you are about to enter",
			description = "The same e-mail (case-insensitive), or the same first and last name at an account whose "
					+ "name is the company's (give company, or accountId for that account's name).")
	List<ContactResource> contactsLike(@RequestParam(required = false) String email,
			@RequestParam(required = false) String firstName, @RequestParam(required = false) String lastName,
			@RequestParam(required = false) String company, @RequestParam(required = false) UUID accountId,
			@RequestParam(required = false) UUID except) {
		Actor actor = currentActor.get();
		String companyName = company;
		if ((companyName == null || companyName.isBlank()) && accountId != null) {
			companyName = accounts.get(actor, accountId).getName();
		}
		return duplicates.contactsLike(actor, email, firstName, lastName, companyName, except, LOOKUP_LIMIT)
			.stream()
			.map(ContactResource::of)
			.toList();
	}

	@GetMapping("/api/v1/contacts/duplicate-groups")
	@Operation(summary = "Groups of probable duplicate contacts (administrators)",
			description = "by is email (default) or name (the same name at the same account).")
	ApiPage<Group<ContactResource>> contactGroups(@RequestParam(required = false) String by,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Paging paging = Paging.of(page, size);
		DuplicateRule rule = DuplicateRule.parse(by, DuplicateRule.EMAIL) == DuplicateRule.NAME ? DuplicateRule.NAME
				: DuplicateRule.EMAIL;
		return ApiPage.of(duplicates.contactGroups(currentActor.get(), rule, paging.page(), paging.size())
			.map(g -> new Group<>(g.key(), g.members().stream().map(ContactResource::of).toList())));
	}

	@PostMapping("/api/v1/contacts/{id}/merge")
	@Operation(summary = "Merge another contact into this one",
			description = "As for accounts: this contact remains with the chosen values, converted leads that "
					+ "name the other contact name this one, and the other is removed.")
	ResponseEntity<ContactResource> mergeContacts(@PathVariable UUID id, @Valid @RequestBody MergeInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		long expected = Versions.expected(ifMatch, input.version(), contacts.get(actor, id).getVersion());
		Contact survivor = contactMerge.merge(actor, id, expected, input.mergedId(), input.mergedVersion(),
				input.fields());
		return ResponseEntity.ok().eTag(Versions.etag(survivor.getVersion())).body(ContactResource.of(survivor));
	}

	@GetMapping("/api/v1/contacts/{id}/merges")
	@Operation(summary = "The merges into a contact, newest first")
	List<MergeEntryResource> contactMerges(@PathVariable UUID id) {
		return contactMerge.mergesInto(currentActor.get(), id, 100).stream().map(MergeEntryResource::of).toList();
	}
}
