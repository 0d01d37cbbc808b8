package org.rapport.sales.leads.web;

import java.util.List;
import java.util.UUID;
import org.rapport.customers.AccountPanel;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadService;
import org.rapport.web.MenuEntry;
import org.rapport.web.MenuGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What leads add to the shell and to other modules' pages: the menu entry, and the account page's panel of the
 * leads converted into the account.
 */
@Controller
class LeadsShell {

	private final LeadService leads;
	private final CurrentActor currentActor;

	LeadsShell(LeadService leads, CurrentActor currentActor) {
		this.leads = leads;
		this.currentActor = currentActor;
	}

	/** Leads are in the sales menu, since sellers qualify them into accounts and opportunities. */
	@Bean
	static MenuEntry leadsMenu() {
		return MenuEntry.in(MenuGroup.SALES, "nav.leads", "/leads", "funnel", 30);
	}

	@Bean
	static AccountPanel convertedLeadsPanel() {
		return new AccountPanel("/sales/accounts/{id}/leads", 30, false);
	}

	@GetMapping("/sales/accounts/{id}/leads")
	String convertedLeads(@PathVariable UUID id, Model model) {
		List<Lead> converted = leads.convertedInto(currentActor.get(), id, 20);
		model.addAttribute("leads", converted);
		return "sales/leads/account-panel :: panel";
	}
}
