package org.rapport.sales.web;

import java.util.UUID;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountPanel;
import org.rapport.customers.Customers;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.shared.ResultPage;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The panels sales adds to the account page: the account's orders with its revenue to date, and its contracts
 * with the value of those running.
 */
@Controller
class AccountPanels {

	static final int SHOWN = 10;

	private final OrderBook orders;
	private final ContractBook contracts;
	private final Customers customers;
	private final CurrentActor currentActor;

	AccountPanels(OrderBook orders, ContractBook contracts, Customers customers, CurrentActor currentActor) {
		this.orders = orders;
		this.contracts = contracts;
		this.customers = customers;
		this.currentActor = currentActor;
	}

	@Bean
	static AccountPanel ordersPanel() {
		return new AccountPanel("/sales/accounts/{id}/orders", 40, false);
	}

	@Bean
	static AccountPanel contractsPanel() {
		return new AccountPanel("/sales/accounts/{id}/contracts", 50, false);
	}

	@GetMapping("/sales/accounts/{id}/orders")
	String orders(@PathVariable UUID id, Model model) {
		Actor actor = currentActor.get();
		AccountId account = visible(actor, id);
		model.addAttribute("accountId", id);
		ResultPage<SalesOrder> shown = orders.ordersOf(actor, account, SHOWN);
		model.addAttribute("orders", shown.items());
		model.addAttribute("orderCount", shown.total());
		model.addAttribute("revenue", orders.revenueOf(account));
		return "sales/orders/panel :: panel";
	}

	@GetMapping("/sales/accounts/{id}/contracts")
	String contracts(@PathVariable UUID id, Model model) {
		Actor actor = currentActor.get();
		AccountId account = visible(actor, id);
		model.addAttribute("accountId", id);
		model.addAttribute("contracts", contracts.contractsOf(actor, account, SHOWN));
		model.addAttribute("activeValue", contracts.activeValueOf(account));
		return "sales/contracts/panel :: panel";
	}

	private AccountId visible(Actor actor, UUID id) {
		return customers.findAccount(actor, new AccountId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No account " + id))
			.id();
	}
}
