package org.rapport.customers.web;

import org.rapport.customers.internal.AccountService;
import org.rapport.identity.CurrentActor;
import org.rapport.web.HomeCard;
import org.rapport.web.MenuEntry;
import org.rapport.web.MenuGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What the customers module adds to the shell: its menu entries and the home card with the user's figures.
 */
@Controller
class CustomersShell {

	private final AccountService accounts;
	private final CurrentActor currentActor;

	CustomersShell(AccountService accounts, CurrentActor currentActor) {
		this.accounts = accounts;
		this.currentActor = currentActor;
	}

	/** Accounts head the sales menu: every other sales record belongs to one. */
	@Bean
	static MenuEntry accountsMenu() {
		return MenuEntry.in(MenuGroup.SALES, "nav.accounts", "/accounts", "building", 10);
	}

	/** Contacts follow accounts in the sales menu, since sellers reach the people of the accounts they sell to. */
	@Bean
	static MenuEntry contactsMenu() {
		return MenuEntry.in(MenuGroup.SALES, "nav.contacts", "/contacts", "person-lines-fill", 20);
	}

	@Bean
	static HomeCard customersCard() {
		return new HomeCard("/customers/home-card", 10);
	}

	@GetMapping("/customers/home-card")
	String homeCard(Model model) {
		model.addAttribute("figures", accounts.ownFigures(currentActor.get()));
		return "customers/home-card :: card";
	}
}
