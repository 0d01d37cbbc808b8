package org.rapport.analytics.web;

import java.util.UUID;
import org.rapport.analytics.internal.AnalyticsModel;
import org.rapport.analytics.internal.AnalyticsRuns;
import org.rapport.analytics.internal.AnalyticsRuns.Run;
import org.rapport.analytics.internal.ProductRecommendations;
import org.rapport.analytics.internal.Workbench;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.ProductId;
import org.rapport.shared.RecordNotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recommendations' page (the last run's check against the most popular products, Run now, the history of runs)
 * for analysts and administrators; the products recommended to an account on its page for whoever sees the account,
 * and the products bought together on a product's page.
 */
@Controller
class RecommendationController {

	private final ProductRecommendations recommendations;
	private final AnalyticsRuns runs;
	private final Customers customers;
	private final CurrentActor currentActor;
	private final JsonMapper json;

	RecommendationController(ProductRecommendations recommendations, AnalyticsRuns runs, Customers customers,
			CurrentActor currentActor, JsonMapper json) {
		this.recommendations = recommendations;
		this.runs = runs;
		this.customers = customers;
		this.currentActor = currentActor;
		this.json = json;
	}

	@GetMapping("/analytics/recommendations")
	String page(Model model) {
		Workbench.check(currentActor.get());
		Run last = RunProgressController.addRuns(model, runs, AnalyticsModel.RECOMMENDATIONS);
		if (last != null && last.figures() != null) {
			model.addAttribute("figures", json.readTree(last.figures()));
		}
		return "analytics/recommendations";
	}

	@PostMapping("/analytics/recommendations/run")
	String run(RedirectAttributes redirect) {
		recommendations.runNow(currentActor.get());
		redirect.addFlashAttribute("success", "value.run.queued");
		return "redirect:/analytics/recommendations";
	}

	@GetMapping("/analytics/accounts/{id}/recommendations")
	String accountPanel(@PathVariable UUID id, Model model) {
		AccountId account = VisibleAccount.of(customers, currentActor.get(), id);
		model.addAttribute("recommended", recommendations.of(account));
		model.addAttribute("computedAt", recommendations.computedAt().orElse(null));
		return "analytics/recommendation-panels :: account";
	}

	@GetMapping("/analytics/products/{id}/bought-together")
	String productPanel(@PathVariable UUID id, Model model) {
		ProductId product = recommendations.product(new ProductId(id))
			.orElseThrow(() -> new RecordNotFound("product.notFound", "No product {0}", id))
			.id();
		model.addAttribute("paired", recommendations.boughtWith(product));
		model.addAttribute("computedAt", recommendations.computedAt().orElse(null));
		return "analytics/recommendation-panels :: product";
	}
}
