package org.rapport.sales.opportunities.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.sales.StageKind;
import org.rapport.sales.opportunities.internal.OpportunityRows;
import org.rapport.sales.opportunities.internal.Pipeline;
import org.rapport.sales.opportunities.internal.PipelineService;
import org.rapport.sales.opportunities.internal.Stage;
import org.rapport.shared.InvalidField;
import org.springframework.dao.OptimisticLockingFailureException;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page for pipelines and their stages (under /admin, so for administrators only). Each form
 * sends the pipeline's version that the page showed, so that a change made meanwhile is not overwritten.
 */
@Controller
@RequestMapping("/admin/pipelines")
class PipelineAdminController {

	private final PipelineService pipelines;
	private final OpportunityRows opportunities;

	PipelineAdminController(PipelineService pipelines, OpportunityRows opportunities) {
		this.pipelines = pipelines;
		this.opportunities = opportunities;
	}

	@GetMapping
	String page(Model model) {
		List<Pipeline> all = pipelines.all();
		model.addAttribute("pipelines", all);
		model.addAttribute("kinds", StageKind.values());
		Map<UUID, Long> inUse = new java.util.HashMap<>();
		all.forEach(p -> p.getStages().forEach(s -> inUse.put(s.getId(), 0L)));
		opportunities.countPerStage().forEach(row -> inUse.put((UUID) row[0], (Long) row[1]));
		model.addAttribute("inUse", inUse);
		return "sales/pipelines/admin";
	}

	@PostMapping
	String create(@RequestParam String name, RedirectAttributes redirect) {
		return act(redirect, "flash.pipeline.created", () -> {
			requireName(name);
			pipelines.create(name);
		});
	}

	@PostMapping("/{id}")
	String rename(@PathVariable UUID id, @RequestParam String name,
			@RequestParam(defaultValue = "false") boolean makeDefault, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		return act(redirect, "flash.pipeline.saved", () -> {
			requireName(name);
			pipelines.rename(id, read(version), name, makeDefault);
		});
	}

	@PostMapping("/{id}/stages")
	String addStage(@PathVariable UUID id, @RequestParam String name, @RequestParam(defaultValue = "0") int probability,
			@RequestParam StageKind kind, RedirectAttributes redirect) {
		return act(redirect, "flash.stage.added", () -> {
			requireName(name);
			pipelines.addStage(id, name, probability, kind);
		});
	}

	@PostMapping("/{id}/stages/{stageId}")
	String describeStage(@PathVariable UUID id, @PathVariable UUID stageId, @RequestParam String name,
			@RequestParam(defaultValue = "0") int probability, @RequestParam StageKind kind,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(redirect, "flash.stage.saved", () -> {
			requireName(name);
			pipelines.describeStage(id, read(version), stageId, name, probability, kind);
		});
	}

	@PostMapping("/{id}/stages/{stageId}/move")
	String shift(@PathVariable UUID id, @PathVariable UUID stageId, @RequestParam int by,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(redirect, "flash.stage.saved", () -> {
			List<UUID> order = new ArrayList<>(pipelines.get(id).getStages().stream().map(Stage::getId).toList());
			int from = order.indexOf(stageId);
			int to = Math.max(0, Math.min(order.size() - 1, from + Integer.signum(by)));
			if (from >= 0 && from != to) {
				order.add(to, order.remove(from));
				pipelines.reorder(id, read(version), order);
			}
		});
	}

	@PostMapping("/{id}/stages/{stageId}/delete")
	String removeStage(@PathVariable UUID id, @PathVariable UUID stageId, @RequestParam(required = false) UUID moveTo,
			RedirectAttributes redirect) {
		return act(redirect, "flash.stage.removed", () -> pipelines.removeStage(id, stageId, moveTo));
	}

	/** The version the form was shown at; a form without one is taken as stale rather than overwriting. */
	private static long read(Long version) {
		return version == null ? -1 : version;
	}

	private static void requireName(String name) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidField("name", "validation.pipeline.name", "A name of 1 to 100 characters");
		}
	}

	private static String act(RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("success", success);
		}
		catch (InvalidField invalid) {
			redirect.addFlashAttribute("failure", invalid.messageKey());
		}
		catch (OptimisticLockingFailureException stale) {
			redirect.addFlashAttribute("failure", "form.stale");
		}
		catch (RuleBroken refused) {
			redirect.addFlashAttribute("failure", "pipelines.stage.inUse");
		}
		return "redirect:/admin/pipelines";
	}
}
