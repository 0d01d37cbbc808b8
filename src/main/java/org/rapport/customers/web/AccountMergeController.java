package org.rapport.customers.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.DuplicateRule;
import org.rapport.customers.internal.Account;
import org.rapport.customers.internal.AccountFilter;
import org.rapport.customers.internal.AccountMerge;
import org.rapport.customers.internal.AccountService;
import org.rapport.customers.internal.CustomerDuplicates;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' list of duplicate accounts, and the page that merges two accounts.
 */
@Controller
class AccountMergeController {

	private static final List<DuplicateRule> RULES = List.of(DuplicateRule.NAME, DuplicateRule.DOMAIN);

	private final AccountService accounts;
	private final AccountMerge merge;
	private final CustomerDuplicates duplicates;
	private final CurrentActor currentActor;
	private final MergePages<Account> pages;

	AccountMergeController(AccountService accounts, AccountMerge merge, CustomerDuplicates duplicates,
			CurrentActor currentActor, MergeTable table) {
		this.accounts = accounts;
		this.merge = merge;
		this.duplicates = duplicates;
		this.currentActor = currentActor;
		this.pages = MergePages.of(table, "account", "accounts", merge::fields, Account::getName,
				a -> MergePages.joined(a.getWebsite(), a.getEmail(), a.getBillingAddress().city()));
	}

	@GetMapping("/accounts/duplicates")
	String duplicates(@RequestParam(required = false) String by, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		return pages.duplicates(RULES, by, page, size,
				(rule, number, length) -> duplicates.accountGroups(currentActor.get(), rule, number, length), model);
	}

	/** Without {@code with}: the accounts to pick from; with it, the side-by-side merge table. */
	@GetMapping("/accounts/{id}/merge")
	String mergePage(@PathVariable UUID id, @RequestParam(required = false) UUID with,
			@RequestParam(required = false) String q, Model model) {
		Actor actor = currentActor.get();
		Account account = accounts.get(actor, id);
		pages.requireMayMerge(AccountMerge.mayMerge(actor, account));
		if (with == null) {
			return pages.candidates(account,
					duplicates.accountsLike(actor, account.getName(), account.getWebsite(), id, 20), q,
					search -> accounts
						.list(actor, new AccountFilter(search, null, null, null, null),
							AccountService.SORTS.defaultSort(), 0, 20)
						.items(),
					model);
		}
		return pages.form(account, accounts.get(actor, with), null, model);
	}

	@PostMapping("/accounts/{id}/merge")
	String merge(@PathVariable UUID id, @RequestParam UUID mergedId, @RequestParam long version,
			@RequestParam long mergedVersion, @RequestParam Map<String, String> parameters, Model model,
			RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		return pages.submit(id, mergedId, parameters,
				choices -> merge.merge(actor, id, version, mergedId, mergedVersion, choices),
				record -> accounts.get(actor, record), model, redirect);
	}
}
