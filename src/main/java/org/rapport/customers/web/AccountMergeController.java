package org.rapport.customers.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.DuplicateGroup;
import org.rapport.customers.DuplicateRule;
import org.rapport.customers.MergeFields;
import org.rapport.customers.MergeFields.Side;
import org.rapport.customers.MergeTable;
import org.rapport.customers.internal.Account;
import org.rapport.customers.internal.AccountFilter;
import org.rapport.customers.internal.AccountMerge;
import org.rapport.customers.internal.AccountService;
import org.rapport.customers.internal.CustomerDuplicates;
import org.rapport.customers.internal.ListSort;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.InvalidField;
import org.rapport.shared.ResultPage;
import org.rapport.web.Paging;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' list of duplicate accounts, and the page that merges two accounts.
 */
@Controller
class AccountMergeController {

	private static final List<String> RULES = List.of("name", "domain");

	private final AccountService accounts;
	private final AccountMerge merge;
	private final CustomerDuplicates duplicates;
	private final CurrentActor currentActor;
	private final MergeTable table;

	AccountMergeController(AccountService accounts, AccountMerge merge, CustomerDuplicates duplicates,
			CurrentActor currentActor, MergeTable table) {
		this.accounts = accounts;
		this.merge = merge;
		this.duplicates = duplicates;
		this.currentActor = currentActor;
		this.table = table;
	}

	@GetMapping("/accounts/duplicates")
	String duplicates(@RequestParam(required = false) String by, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		DuplicateRule rule = DuplicateRule.parse(by, DuplicateRule.NAME) == DuplicateRule.DOMAIN ? DuplicateRule.DOMAIN
				: DuplicateRule.NAME;
		Paging paging = Paging.of(page, size);
		ResultPage<DuplicateGroup<Account>> result = duplicates.accountGroups(currentActor.get(), rule, paging.page(),
				paging.size());
		model.addAttribute("kind", "accounts");
		model.addAttribute("rules", RULES);
		model.addAttribute("by", rule.param());
		model.addAttribute("result", result);
		model.addAttribute("groups", result.items().stream().map(g -> {
			UUID oldest = g.members().get(0).getId();
			return new MergeViews.Group(g.key(), g.members().stream()
				.map(a -> candidate(a, "/accounts/" + oldest + "/merge?with=" + a.getId()))
				.toList());
		}).toList());
		return "merge/duplicates";
	}

	/** Without {@code with}: the accounts to pick from; with it, the side-by-side merge table. */
	@GetMapping("/accounts/{id}/merge")
	String mergePage(@PathVariable UUID id, @RequestParam(required = false) UUID with,
			@RequestParam(required = false) String q, Model model) {
		Actor actor = currentActor.get();
		Account account = accounts.get(actor, id);
		if (!AccountMerge.mayMerge(actor, account)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Not allowed to merge this account");
		}
		if (with == null) {
			model.addAttribute("kind", "account");
			model.addAttribute("listHref", "/accounts");
			model.addAttribute("recordHref", "/accounts/" + id);
			model.addAttribute("recordLabel", account.getName());
			model.addAttribute("candidates",
					duplicates.accountsLike(actor, account.getName(), account.getWebsite(), id, 20)
						.stream()
						.map(a -> candidate(a, "/accounts/" + id + "/merge?with=" + a.getId()))
						.toList());
			model.addAttribute("q", q);
			model.addAttribute("found", q == null || q.isBlank() ? List.of()
					: accounts.list(actor, new AccountFilter(q, null, null, null, null), ListSort.parse("name"), 0, 20)
						.items()
						.stream()
						.filter(a -> !a.getId().equals(id))
						.map(a -> candidate(a, "/accounts/" + id + "/merge?with=" + a.getId()))
						.toList());
			return "merge/candidates";
		}
		return form(actor, account, accounts.get(actor, with), Map.of(), null, model);
	}

	@PostMapping("/accounts/{id}/merge")
	String merge(@PathVariable UUID id, @RequestParam UUID mergedId, @RequestParam long version,
			@RequestParam long mergedVersion, @RequestParam Map<String, String> parameters, Model model,
			RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		Map<String, String> choices = MergeViews.choices(parameters);
		try {
			merge.merge(actor, id, version, mergedId, mergedVersion, choices);
			redirect.addFlashAttribute("success", "flash.merge.done");
			return "redirect:/accounts/" + id;
		}
		catch (OptimisticLockingFailureException stale) {
			return form(actor, accounts.get(actor, id), accounts.get(actor, mergedId), Map.of(), "form.stale", model);
		}
		catch (InvalidField invalid) {
			return form(actor, accounts.get(actor, id), accounts.get(actor, mergedId), Map.of(),
					invalid.messageKey(), model);
		}
	}

	private String form(Actor actor, Account survivor, Account merged, Map<String, String> choices, String failure,
			Model model) {
		if (survivor.getId().equals(merged.getId())) {
			throw new InvalidField("mergedId", "validation.merge.same", "An account cannot be merged into itself");
		}
		MergeFields<Account> fields = merge.fields();
		Map<String, Side> chosen = fields.choose(survivor, merged, choices);
		model.addAttribute("kind", "account");
		model.addAttribute("listHref", "/accounts");
		model.addAttribute("rows", table.rows(fields, survivor, merged, chosen));
		model.addAttribute("survivorLabel", survivor.getName());
		model.addAttribute("mergedLabel", merged.getName());
		model.addAttribute("survivorHref", "/accounts/" + survivor.getId());
		model.addAttribute("mergedHref", "/accounts/" + merged.getId());
		model.addAttribute("action", "/accounts/" + survivor.getId() + "/merge");
		model.addAttribute("swapHref", "/accounts/" + merged.getId() + "/merge?with=" + survivor.getId());
		model.addAttribute("mergedId", merged.getId());
		model.addAttribute("survivorVersion", survivor.getVersion());
		model.addAttribute("mergedVersion", merged.getVersion());
		model.addAttribute("failure", failure);
		return "merge/form";
	}

	private static MergeViews.Candidate candidate(Account account, String mergeHref) {
		return new MergeViews.Candidate(account.getName(),
				MergeViews.joined(account.getWebsite(), account.getEmail(), account.getBillingAddress().city()),
				"/accounts/" + account.getId(), mergeHref);
	}
}
