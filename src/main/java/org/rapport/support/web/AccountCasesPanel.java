package org.rapport.support.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountPanel;
import org.rapport.customers.Customers;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.shared.RecordNotFound;
import org.rapport.support.internal.CaseBook;
import org.rapport.support.internal.SupportCase;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The account page's panel of cases: the latest, open ones first, and the share of cases within their SLA. */
@Controller
class AccountCasesPanel {

	static final int SHOWN = 10;

	private final CaseBook cases;
	private final Customers customers;
	private final CurrentActor currentActor;
	private final UserDirectory directory;

	AccountCasesPanel(CaseBook cases, Customers customers, CurrentActor currentActor, UserDirectory directory) {
		this.cases = cases;
		this.customers = customers;
		this.currentActor = currentActor;
		this.directory = directory;
	}

	@Bean
	static AccountPanel casesPanel() {
		return new AccountPanel("/support/accounts/{id}/cases", 60, false);
	}

	@GetMapping("/support/accounts/{id}/cases")
	String cases(@PathVariable UUID id, Model model) {
		Actor actor = currentActor.get();
		AccountId account = customers.findAccount(actor, new AccountId(id))
			.orElseThrow(() -> new RecordNotFound("account.notFound", "No account " + id, id))
			.id();
		List<SupportCase> latest = cases.casesOf(actor, account, SHOWN);
		Map<UUID, String> owners = new HashMap<>();
		directory.displayNames(latest.stream().map(c -> new UserId(c.getOwnerId())).collect(Collectors.toSet()))
			.forEach((user, name) -> owners.put(user.value(), name));
		model.addAttribute("accountId", id);
		model.addAttribute("cases", latest);
		model.addAttribute("ownerNames", owners);
		model.addAttribute("counts", cases.countsOf(account));
		model.addAttribute("now", cases.now());
		return "support/cases/panel :: panel";
	}
}
