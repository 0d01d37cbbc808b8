package org.rapport.sales.opportunities.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.sales.StageKind;
import org.rapport.sales.catalogue.internal.Products;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.sales.opportunities.internal.PipelineService;
import org.rapport.sales.opportunities.internal.Stage;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The choices that opportunity pages offer and the names shown beside opportunities.
 */
@Component
class OpportunityChoices {

	private final UserDirectory directory;
	private final PipelineService pipelines;
	private final Products products;
	private final Customers customers;

	OpportunityChoices(UserDirectory directory, PipelineService pipelines, Products products, Customers customers) {
		this.directory = directory;
		this.pipelines = pipelines;
		this.products = products;
		this.customers = customers;
	}

	void addFilters(Model model) {
		model.addAttribute("users", directory.activeUsers());
		model.addAttribute("teams", directory.teams());
		model.addAttribute("pipelines", pipelines.all());
		model.addAttribute("kinds", StageKind.values());
	}

	void addForm(Model model) {
		addFilters(model);
		model.addAttribute("products", products.findByActiveTrueOrderByName());
	}

	/** Names of the products on the opportunity's lines. */
	void addProductNames(Model model, Opportunity opportunity) {
		Map<UUID, String> names = new HashMap<>();
		products.findAllById(opportunity.getLines().stream().map(l -> l.getProductId()).toList())
			.forEach(p -> names.put(p.getId(), p.getName() + " (" + p.getSku() + ")"));
		model.addAttribute("productNames", names);
	}

	/** The account's name if the actor may see it. */
	String accountName(org.rapport.identity.Actor actor, UUID account) {
		return customers.findAccount(actor, new AccountId(account)).map(a -> a.name()).orElse(null);
	}

	/** Stage, account and owner names of the given opportunities: one query per kind of name. */
	void addNames(Model model, Collection<Opportunity> opportunities) {
		Map<UUID, Stage> stages = new HashMap<>();
		pipelines.all().forEach(p -> p.getStages().forEach(s -> stages.put(s.getId(), s)));
		model.addAttribute("stagesById", stages);
		Set<AccountId> accounts = opportunities.stream().map(Opportunity::account).collect(Collectors.toSet());
		Map<UUID, String> accountNames = new HashMap<>();
		customers.accountNames(accounts).forEach((id, name) -> accountNames.put(id.value(), name));
		model.addAttribute("accountNames", accountNames);
		Set<UserId> owners = opportunities.stream().map(Opportunity::owner).filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<UUID, String> ownerNames = new HashMap<>();
		directory.displayNames(owners).forEach((id, name) -> ownerNames.put(id.value(), name));
		model.addAttribute("ownerNames", ownerNames);
	}
}
