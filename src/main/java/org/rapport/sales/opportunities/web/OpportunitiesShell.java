package org.rapport.sales.opportunities.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.AccountPanel;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.StageKind;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.sales.opportunities.internal.OpportunityService;
import org.rapport.shared.Money;
import org.rapport.web.MenuEntry;
import org.rapport.web.MenuGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What the opportunity part of sales adds to the shell and to the account page.
 */
@Controller
class OpportunitiesShell {

	private final OpportunityService opportunities;
	private final CurrentActor currentActor;
	private final OpportunityChoices choices;

	OpportunitiesShell(OpportunityService opportunities, CurrentActor currentActor, OpportunityChoices choices) {
		this.opportunities = opportunities;
		this.currentActor = currentActor;
		this.choices = choices;
	}

	/** Opportunities are in the sales menu, since they are the deals sellers work on. */
	@Bean
	static MenuEntry opportunitiesMenu() {
		return MenuEntry.in(MenuGroup.SALES, "nav.opportunities", "/opportunities", "trophy", 40);
	}

	/** The forecast is in the sales menu beside the opportunities it sums, since sellers and their managers read it. */
	@Bean
	static MenuEntry forecastMenu() {
		return MenuEntry.in(MenuGroup.SALES, "nav.forecast", "/forecast", "graph-up-arrow", 50);
	}

	/** Pipelines are in the administration menu, since only administrators change the stages everybody sells by. */
	@Bean
	static MenuEntry pipelinesMenu() {
		return MenuEntry.admin("nav.pipelines", "/admin/pipelines", "kanban", 915);
	}

	@Bean
	static AccountPanel opportunitiesPanel() {
		return new AccountPanel("/sales/accounts/{id}/opportunities", 20, false);
	}

	/** The account's opportunities with its open pipeline and won revenue, per currency. */
	@GetMapping("/sales/accounts/{id}/opportunities")
	String accountOpportunities(@PathVariable UUID id, Model model) {
		Actor actor = currentActor.get();
		List<Opportunity> list = opportunities.ofAccount(actor, id, 20);
		model.addAttribute("accountId", id);
		model.addAttribute("opportunities", list);
		model.addAttribute("openPipeline", sums(list, StageKind.OPEN));
		model.addAttribute("won", sums(list, StageKind.WON));
		choices.addNames(model, list);
		return "sales/opportunities/account-panel :: panel";
	}

	private static List<Money> sums(List<Opportunity> list, StageKind kind) {
		Map<String, Money> sums = new java.util.TreeMap<>();
		list.stream()
			.filter(o -> o.getStageKind() == kind)
			.forEach(o -> sums.merge(o.getAmount().currency(), o.getAmount(), Money::plus));
		return List.copyOf(sums.values());
	}
}
