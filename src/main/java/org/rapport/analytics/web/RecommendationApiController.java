package org.rapport.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.rapport.analytics.internal.AnalyticsModel;
import org.rapport.analytics.internal.AnalyticsRuns;
import org.rapport.analytics.internal.ProductRecommendations;
import org.rapport.analytics.internal.ProductRecommendations.PairedProduct;
import org.rapport.analytics.internal.ProductRecommendations.RecommendedProduct;
import org.rapport.analytics.internal.Workbench;
import org.rapport.analytics.web.CustomerValueApiController.RunResource;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.ProductId;
import org.rapport.sales.ProductNames.NamedProduct;
import org.rapport.shared.RecordNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Recommendations", description = "The products recommended to each account and the products bought "
		+ "together, as the nightly run of the item-based model on the confirmed orders found them, and its runs")
class RecommendationApiController {

	private final ProductRecommendations recommendations;
	private final AnalyticsRuns runs;
	private final Customers customers;
	private final CurrentActor currentActor;

	RecommendationApiController(ProductRecommendations recommendations, AnalyticsRuns runs, Customers customers,
			CurrentActor currentActor) {
		this.recommendations = recommendations;
		this.runs = runs;
		this.customers = customers;
		this.currentActor = currentActor;
	}

	@GetMapping("/accounts/{id}/recommendations")
	@Operation(summary = "The products recommended to an account", description = "For an account you may see: at "
			+ "most 10 products it has not bought, best first, each with its score (the summed similarity to the "
			+ "products it bought) and the products it bought that led to it. Empty before the first run or for an "
			+ "account that never bought; 404 for an account you may not see.")
	List<RecommendationResource> recommendations(@PathVariable UUID id) {
		AccountId account = VisibleAccount.of(customers, currentActor.get(), id);
		return recommendations.of(account).stream().map(RecommendationResource::of).toList();
	}

	@GetMapping("/products/{id}/bought-together")
	@Operation(summary = "The products bought together with a product", description = "At most 10 products, most "
			+ "similar first (the scaled cosine of the sets of accounts that bought each), with how many accounts "
			+ "bought both. Empty before the first run or for a product nobody bought; 404 for an unknown product.")
	List<PairingResource> boughtTogether(@PathVariable UUID id) {
		ProductId product = recommendations.product(new ProductId(id))
			.orElseThrow(() -> new RecordNotFound("product.notFound", "No product {0}", id))
			.id();
		return recommendations.boughtWith(product).stream().map(PairingResource::of).toList();
	}

	@GetMapping("/recommendations/runs")
	@Operation(summary = "The latest runs of the recommendations", description = "Newest first, at most 20, with "
			+ "their parameters and figures as JSON: the accounts, products and interactions, and the precision and "
			+ "recall at 10 of the model and of the most popular products on each account's latest orders held out; "
			+ "for administrators and analysts.")
	List<RunResource> runs() {
		Workbench.check(currentActor.get());
		return RunResource.latest(runs, AnalyticsModel.RECOMMENDATIONS);
	}

	@PostMapping("/recommendations/runs")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Run the recommendations now", description = "Queues a run (one already queued or running "
			+ "is answered instead); the scheduler starts it within a minute. For administrators and analysts.")
	RunResource runNow() {
		return RunResource.queued(runs, AnalyticsModel.RECOMMENDATIONS, recommendations.runNow(currentActor.get()));
	}

	/** A product as the recommendations name it. */
	record NamedProductResource(UUID id, String sku, String name, boolean active) {

		static NamedProductResource of(NamedProduct product) {
			return new NamedProductResource(product.id().value(), product.sku(), product.name(), product.active());
		}
	}

	/** A product recommended to an account, with the products it bought that led to it. */
	record RecommendationResource(int rank, NamedProductResource product, double score, List<NamedProductResource> because) {

		static RecommendationResource of(RecommendedProduct recommended) {
			return new RecommendationResource(recommended.rank(), NamedProductResource.of(recommended.product()),
					recommended.score(), recommended.because().stream().map(NamedProductResource::of).toList());
		}
	}

	/** A product bought together with another, with the similarity and how many accounts bought both. */
	record PairingResource(int rank, NamedProductResource product, double similarity, int buyers) {

		static PairingResource of(PairedProduct paired) {
			return new PairingResource(paired.rank(), NamedProductResource.of(paired.product()), paired.similarity(),
					paired.buyers());
		}
	}
}
