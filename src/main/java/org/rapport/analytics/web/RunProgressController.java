package org.rapport.analytics.web;

import org.rapport.analytics.internal.AnalyticsModel;
import org.rapport.analytics.internal.AnalyticsRuns;
import org.rapport.analytics.internal.Workbench;
import org.rapport.identity.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The progress of a model's pending run, which its page asks for every few seconds while the run waits or runs: once
 * it is over, how it ended and a link to its results.
 */
@Controller
class RunProgressController {

	private final AnalyticsRuns runs;
	private final CurrentActor currentActor;

	RunProgressController(AnalyticsRuns runs, CurrentActor currentActor) {
		this.runs = runs;
		this.currentActor = currentActor;
	}

	@GetMapping("/analytics/runs/{model}/progress")
	String progress(@PathVariable String model, Model page) {
		Workbench.check(currentActor.get());
		AnalyticsModel which;
		try {
			which = AnalyticsModel.valueOf(model);
		}
		catch (IllegalArgumentException unknown) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No model " + model);
		}
		var pending = runs.pending(which).orElse(null);
		page.addAttribute("pending", pending);
		if (pending == null) {
			page.addAttribute("finished", runs.latest(which, 1).stream().findFirst().orElse(null));
		}
		page.addAttribute("reload", pageOf(which));
		page.addAttribute("progressId", idOf(which));
		page.addAttribute("model", which.name());
		return "analytics/runs :: pending(id=${progressId}, model=${model}, pending=${pending})";
	}

	/**
	 * Puts the model's pending run, its latest runs and its last run that finished well on its page (as
	 * {@code pending}, {@code runs} and {@code last}, for the fragments of {@code analytics/runs}); answers the last.
	 */
	static AnalyticsRuns.Run addRuns(Model page, AnalyticsRuns runs, AnalyticsModel model) {
		page.addAttribute("pending", runs.pending(model).orElse(null));
		page.addAttribute("runs", runs.latest(model, RUNS_SHOWN));
		AnalyticsRuns.Run last = runs.lastDone(model).orElse(null);
		page.addAttribute("last", last);
		return last;
	}

	/** How many runs a model's page lists. */
	static final int RUNS_SHOWN = 10;

	/** The page that shows the model's results. */
	static String pageOf(AnalyticsModel model) {
		return switch (model) {
			case CUSTOMER_VALUE -> "/analytics/value";
			case SEGMENTS -> "/analytics/segments";
			case RECOMMENDATIONS -> "/analytics/recommendations";
			case CHURN -> "/analytics/churn";
		};
	}

	/** The id of the progress element on that page. */
	static String idOf(AnalyticsModel model) {
		return switch (model) {
			case CUSTOMER_VALUE -> "value-pending";
			case SEGMENTS -> "segments-pending";
			case RECOMMENDATIONS -> "recommendations-pending";
			case CHURN -> "churn-pending";
		};
	}
}
