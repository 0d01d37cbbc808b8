package org.rapport.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.analytics.internal.AnalyticsRuns;
import org.rapport.analytics.internal.SavedSegmentations;
import org.rapport.analytics.internal.SavedSegmentations.Detail;
import org.rapport.analytics.internal.SavedSegmentations.Member;
import org.rapport.analytics.internal.SavedSegmentations.SegmentationRequest;
import org.rapport.analytics.internal.SavedSegmentations.Summary;
import org.rapport.analytics.web.CustomerValueApiController.RunResource;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.RecordNotFound;
import org.rapport.web.ApiPage;
import org.rapport.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/analytics/segmentations")
@Tag(name = "Segments", description = "Saved segmentations of the accounts: each clusters the accounts that bought (or "
		+ "all of them) by recency, frequency and monetary value of their confirmed orders in the installation's "
		+ "currency, their age and numeric custom fields, with K-Means, hierarchical clustering or DBSCAN, and keeps "
		+ "each account's cluster; for administrators and analysts. A cluster's accounts are those you may see.")
class SegmentsApiController {

	private final SavedSegmentations segmentations;
	private final AnalyticsRuns runs;
	private final Customers customers;
	private final CurrentActor currentActor;

	SegmentsApiController(SavedSegmentations segmentations, AnalyticsRuns runs, Customers customers,
			CurrentActor currentActor) {
		this.segmentations = segmentations;
		this.runs = runs;
		this.customers = customers;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "The saved segmentations", description = "Newest first, a page at a time: name, algorithm, "
			+ "features, silhouette (null where not defined), how many accounts and how many in noise.")
	ApiPage<SavedSegmentationResource> list(@Parameter(description = "The page, from 0") @RequestParam(required = false) Integer page,
			@Parameter(description = "Segmentations per page, up to 200") @RequestParam(required = false) Integer size) {
		Paging paging = Paging.of(page, size);
		return ApiPage.of(segmentations.page(currentActor.get(), paging.page(), paging.size())
			.map(SavedSegmentationResource::of));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Make a new saved segmentation", description = "Queues a run of the segmentation model with "
			+ "these parameters and answers the run; the scheduler starts it within a minute and its figures then "
			+ "name the new segmentation. `features`: recency (days since the last purchase), frequency (purchase "
			+ "days), monetary (the orders' sum), tenure (days since the account was made) and `cf.<key>` for a "
			+ "numeric custom field of accounts (accounts without a value are left out). `scaling`: standardize or "
			+ "log. `algorithm`: kmeans (k, or kMin to kMax to choose k by silhouette), hierarchical (k and linkage; "
			+ "up to 10,000 accounts) or dbscan (eps in the scaled units and minSamples). A bad value answers 422 "
			+ "naming the field.")
	RunResource create(@RequestBody NewSegmentationBody body) {
		UUID run = segmentations.queue(currentActor.get(), body.request());
		return runs.find(run).map(RunResource::of).orElseThrow();
	}

	@GetMapping("/{id}")
	@Operation(summary = "A saved segmentation", description = "Its parameters and each cluster: number (from 1 by "
			+ "falling size; 0 holds DBSCAN's noise), name, size and the means of the features in their own units.")
	SavedSegmentationDetailResource find(@PathVariable UUID id) {
		Detail detail = segmentations.find(currentActor.get(), id);
		List<String> features = detail.summary().features();
		return new SavedSegmentationDetailResource(SavedSegmentationResource.of(detail.summary()), detail.parameters(),
				detail.clusters().stream().map(cluster -> {
					Map<String, Double> means = new LinkedHashMap<>();
					for (int j = 0; j < cluster.means().length && j < features.size(); j++) {
						means.put(features.get(j), cluster.means()[j]);
					}
					return new SavedClusterResource(cluster.number(), cluster.nameOrDefault(), cluster.size(), means);
				}).toList());
	}

	@GetMapping("/{id}/clusters/{cluster}/accounts")
	@Operation(summary = "The accounts of a cluster", description = "Those you may see, in the order of their ids, a "
			+ "page at a time, with their names and the raw values of the segmentation's features.")
	ApiPage<SegmentMemberResource> members(@PathVariable UUID id, @PathVariable int cluster,
			@Parameter(description = "The page, from 0") @RequestParam(required = false) Integer page,
			@Parameter(description = "Accounts per page, up to 200") @RequestParam(required = false) Integer size) {
		Actor actor = currentActor.get();
		Detail detail = segmentations.find(actor, id);
		if (detail.cluster(cluster).isEmpty()) {
			throw new RecordNotFound("segments.clusterNotFound", "No cluster {1} in segmentation {0}", id, cluster);
		}
		Paging paging = Paging.of(page, size);
		var members = segmentations.members(actor, id, cluster, paging.page(), paging.size());
		Map<AccountId, String> names = customers.accountNames(members.items().stream().map(Member::account).toList());
		List<String> features = detail.summary().features();
		return ApiPage.of(members.map(member -> {
			Map<String, Double> values = new LinkedHashMap<>();
			for (int j = 0; j < member.values().length && j < features.size(); j++) {
				values.put(features.get(j), member.values()[j]);
			}
			return new SegmentMemberResource(member.account().value(), names.get(member.account()), member.cluster(),
					values);
		}));
	}

	/** A new segmentation as the API takes it. */
	record NewSegmentationBody(String name, List<String> features, String scaling, String algorithm, Integer k,
			Integer kMin, Integer kMax, String linkage, Double eps, Integer minSamples, Boolean allAccounts) {

		SegmentationRequest request() {
			return new SegmentationRequest(name, features, scaling, algorithm, k, kMin, kMax, linkage, eps,
					minSamples, Boolean.TRUE.equals(allAccounts));
		}
	}

	/** A saved segmentation as the API lists it. */
	record SavedSegmentationResource(UUID id, UUID runId, String name, String algorithm, List<String> features,
			Double silhouette, int accounts, int noise, Instant created) {

		static SavedSegmentationResource of(Summary summary) {
			return new SavedSegmentationResource(summary.id(), summary.runId(), summary.name(), summary.algorithm(),
					summary.features(), summary.silhouette(), summary.accounts(), summary.noise(), summary.created());
		}
	}

	/** A saved segmentation with its parameters (JSON text) and clusters. */
	record SavedSegmentationDetailResource(SavedSegmentationResource segmentation, String parameters,
			List<SavedClusterResource> clusters) {
	}

	/** A cluster: its number, name, size and feature means. */
	record SavedClusterResource(int number, String name, int size, Map<String, Double> means) {
	}

	/** An account of a cluster with its features' raw values. */
	record SegmentMemberResource(UUID accountId, String name, int cluster, Map<String, Double> values) {
	}
}
