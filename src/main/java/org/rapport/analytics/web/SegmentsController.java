package org.rapport.analytics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.rapport.analytics.internal.AnalyticsModel;
import org.rapport.analytics.internal.AnalyticsRuns;
import org.rapport.analytics.internal.SavedSegmentations;
import org.rapport.analytics.internal.SavedSegmentations.Detail;
import org.rapport.analytics.internal.SavedSegmentations.Feature;
import org.rapport.analytics.internal.SavedSegmentations.Member;
import org.rapport.analytics.internal.SavedSegmentations.SavedCluster;
import org.rapport.analytics.internal.SavedSegmentations.SegmentationRequest;
import org.rapport.analytics.internal.Workbench;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.ConflictingChange;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordNotFound;
import org.rapport.web.CsvDownload;
import org.rapport.web.Paging;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The saved segmentations of the accounts for analysts and administrators: the list and the form of a new one (run by
 * the sweep), each segmentation's clusters with their profiles, names and a scatter chart, each cluster's accounts
 * (those the user may see) and their export; and on the account page, the account's cluster in each segmentation.
 */
@Controller
class SegmentsController {

	/** How many runs the page lists. */
	static final int RUNS_SHOWN = 10;

	/** How many segmentations a page of the list shows. */
	static final int SEGMENTATIONS_SHOWN = 20;

	private final SavedSegmentations segmentations;
	private final AnalyticsRuns runs;
	private final Customers customers;
	private final CurrentActor currentActor;
	private final WorkbenchCharts charts;
	private final MessageSource messages;

	SegmentsController(SavedSegmentations segmentations, AnalyticsRuns runs, Customers customers,
			CurrentActor currentActor, WorkbenchCharts charts, MessageSource messages) {
		this.segmentations = segmentations;
		this.runs = runs;
		this.customers = customers;
		this.currentActor = currentActor;
		this.charts = charts;
		this.messages = messages;
	}

	@GetMapping("/analytics/segments")
	String page(@RequestParam(required = false) Integer page, Model model, Locale locale) {
		model.addAttribute("segmentForm", SegmentForm.initial());
		fillList(model, page, locale);
		return "analytics/segments";
	}

	@PostMapping("/analytics/segments")
	String create(@ModelAttribute("segmentForm") SegmentForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
		Actor actor = currentActor.get();
		Workbench.check(actor);
		if (!errors.hasErrors()) {
			try {
				segmentations.queue(actor, form.request());
				redirect.addFlashAttribute("success", "segments.queued");
				return "redirect:/analytics/segments";
			}
			catch (InvalidField invalid) {
				errors.rejectValue(invalid.field(), invalid.messageKey(), invalid.getArguments(),
						invalid.getDefaultMessage());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		fillList(model, 0, locale);
		return "analytics/segments";
	}

	private void fillList(Model model, Integer page, Locale locale) {
		Actor actor = currentActor.get();
		Paging paging = Paging.of(page, SEGMENTATIONS_SHOWN);
		model.addAttribute("result", segmentations.page(actor, paging.page(), paging.size()));
		model.addAttribute("features", segmentations.features());
		model.addAttribute("labels", labels(segmentations.features(), locale));
		model.addAttribute("pending", runs.pending(AnalyticsModel.SEGMENTS).orElse(null));
		model.addAttribute("runs", runs.latest(AnalyticsModel.SEGMENTS, RUNS_SHOWN));
	}

	@GetMapping("/analytics/segments/{id}")
	String detail(@PathVariable UUID id, @RequestParam(required = false) Integer x,
			@RequestParam(required = false) Integer y, Model model, Locale locale) {
		fillDetail(model, id, x, y, locale);
		return "analytics/segment";
	}

	private Detail fillDetail(Model model, UUID id, Integer x, Integer y, Locale locale) {
		Actor actor = currentActor.get();
		Detail detail = found(() -> segmentations.find(actor, id));
		List<String> features = detail.summary().features();
		Map<String, String> labels = labels(segmentations.features(), locale);
		int d = features.size();
		int chosenX = x == null || x < 0 || x >= d ? 0 : x;
		int chosenY = y == null || y < 0 || y >= d ? Math.min(1, d - 1) : y;
		List<String> clusterNames = new ArrayList<>();
		detail.clusters().stream().filter(cluster -> !cluster.noise()).forEach(cluster -> clusterNames.add(
				name(cluster, locale)));
		model.addAttribute("segmentation", detail);
		model.addAttribute("labels", labels);
		model.addAttribute("featureLabels", features.stream().map(f -> labels.getOrDefault(f, f)).toList());
		model.addAttribute("x", chosenX);
		model.addAttribute("y", chosenY);
		model.addAttribute("mayDelete", actor.isAdmin() || actor.id().value().equals(detail.summary().createdBy()));
		model.addAttribute("clusterNames", clusterNameMap(detail, locale));
		model.addAttribute("scatterChart", charts.scatter(detail.sampleRows(), detail.sampleLabels(), clusterNames,
				chosenX, chosenY, text("segments.noise", locale), labels.getOrDefault(features.get(chosenX),
						features.get(chosenX)),
				labels.getOrDefault(features.get(chosenY), features.get(chosenY))));
		return detail;
	}

	@PostMapping("/analytics/segments/{id}/clusters/{n}/name")
	String rename(@PathVariable UUID id, @PathVariable int n, @RequestParam(required = false) String name,
			@RequestParam long version, Model model, RedirectAttributes redirect, Locale locale,
			HttpServletResponse response) {
		Actor actor = currentActor.get();
		try {
			segmentations.rename(actor, id, n, name, version);
			redirect.addFlashAttribute("success", "segments.cluster.renamed");
			return "redirect:/analytics/segments/" + id;
		}
		catch (RecordNotFound missing) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, missing.getMessage());
		}
		catch (InvalidField | ConflictingChange refused) {
			response.setStatus(refused instanceof InvalidField ? HttpStatus.UNPROCESSABLE_CONTENT.value()
					: HttpStatus.CONFLICT.value());
			fillDetail(model, id, null, null, locale);
			model.addAttribute("renamed", n);
			model.addAttribute("renamedValue", name);
			model.addAttribute("renameError", messages.getMessage(refused.messageKey(), refused.getArguments(),
					refused.getMessage(), locale));
			return "analytics/segment";
		}
	}

	@PostMapping("/analytics/segments/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		found(() -> {
			segmentations.delete(actor, id);
			return id;
		});
		redirect.addFlashAttribute("success", "segments.deleted");
		return "redirect:/analytics/segments";
	}

	@GetMapping("/analytics/segments/{id}/clusters/{n}")
	String cluster(@PathVariable UUID id, @PathVariable int n, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model, Locale locale) {
		Actor actor = currentActor.get();
		Detail detail = found(() -> segmentations.find(actor, id));
		SavedCluster cluster = detail.cluster(n)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No cluster " + n));
		Paging paging = Paging.of(page, size);
		var members = segmentations.members(actor, id, n, paging.page(), paging.size());
		Map<String, String> labels = labels(segmentations.features(), locale);
		model.addAttribute("segmentation", detail);
		model.addAttribute("cluster", cluster);
		model.addAttribute("clusterName", name(cluster, locale));
		model.addAttribute("featureLabels", detail.summary().features().stream()
			.map(f -> labels.getOrDefault(f, f)).toList());
		model.addAttribute("result", members);
		model.addAttribute("names", customers.accountNames(ids(members.items())));
		return "analytics/segment-cluster";
	}

	@GetMapping("/analytics/segments/{id}/clusters/{n}/export")
	void export(@PathVariable UUID id, @PathVariable int n, HttpServletResponse response) throws IOException {
		Actor actor = currentActor.get();
		Detail detail = found(() -> segmentations.find(actor, id));
		detail.cluster(n).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No cluster " + n));
		List<String> features = detail.summary().features();
		CsvDownload.write(response, "segment-" + n + ".csv",
				CsvDownload.header(new String[] { "account_id", "account_name", "cluster" }, features),
				rows -> segmentations.forEachVisibleMember(actor, id, n, batch -> {
					Map<AccountId, String> names = customers.accountNames(ids(batch));
					for (Member member : batch) {
						List<Double> values = new ArrayList<>();
						for (double value : member.values()) {
							values.add(value);
						}
						rows.row(CsvDownload.values(new Object[] { member.account().value(),
								names.get(member.account()), member.cluster() }, values));
					}
				}));
	}

	@GetMapping("/analytics/accounts/{id}/segments")
	String panel(@PathVariable UUID id, Model model) {
		Actor actor = currentActor.get();
		AccountId account = VisibleAccount.of(customers, actor, id);
		model.addAttribute("memberships", segmentations.of(account));
		return "analytics/segments-panel :: panel";
	}

	private static List<AccountId> ids(Collection<Member> members) {
		return members.stream().map(Member::account).toList();
	}

	/** The cluster's name: the one a user gave it, or the default in the user's language. */
	private String name(SavedCluster cluster, Locale locale) {
		if (cluster.name() != null) {
			return cluster.name();
		}
		return cluster.noise() ? text("segments.noise", locale)
				: messages.getMessage("segments.cluster.default", new Object[] { cluster.number() }, locale);
	}

	private Map<Integer, String> clusterNameMap(Detail detail, Locale locale) {
		Map<Integer, String> names = new java.util.HashMap<>();
		detail.clusters().forEach(cluster -> names.put(cluster.number(), name(cluster, locale)));
		return names;
	}

	/** The features' labels in the user's language, by key. */
	private Map<String, String> labels(List<Feature> features, Locale locale) {
		Map<String, String> labels = new java.util.LinkedHashMap<>();
		for (Feature feature : features) {
			labels.put(feature.key(), feature.custom() ? feature.field().label(locale)
					: text("segments.feature." + feature.key(), locale));
		}
		return labels;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static <T> T found(java.util.function.Supplier<T> find) {
		try {
			return find.get();
		}
		catch (RecordNotFound missing) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, missing.getMessage());
		}
	}

	/**
	 * The form of a new segmentation: its name, the features, the scaling, the algorithm and its parameters, and
	 * whether accounts that never bought take part.
	 */
	record SegmentForm(String name, List<String> features, String scaling, String algorithm, Integer k, Integer kMin,
			Integer kMax, String linkage, Double eps, Integer minSamples, Boolean allAccounts) {

		static SegmentForm initial() {
			return new SegmentForm("", List.of("recency", "frequency", "monetary"), "log", "kmeans", null, 2, 8,
					"ward", 0.5, 5, false);
		}

		/** Whether the feature is ticked. */
		public boolean has(String feature) {
			return features != null && features.contains(feature);
		}

		SegmentationRequest request() {
			return new SegmentationRequest(name, features, scaling, algorithm, k, kMin, kMax, linkage, eps,
					minSamples, Boolean.TRUE.equals(allAccounts));
		}
	}
}
