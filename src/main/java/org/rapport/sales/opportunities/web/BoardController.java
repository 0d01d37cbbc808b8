package org.rapport.sales.opportunities.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.sales.opportunities.internal.OpportunityService.ColumnTotals;
import org.rapport.sales.opportunities.internal.OpportunityService;
import org.rapport.sales.opportunities.internal.Pipeline;
import org.rapport.sales.opportunities.internal.PipelineService;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.ResultPage;
import org.rapport.web.Paging;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The kanban board of a pipeline: a column per stage whose cards load page by page, and the drop of a card on
 * another column, which moves the opportunity there.
 */
@Controller
@RequestMapping("/opportunities/board")
class BoardController {

	static final int CARDS_PER_PAGE = 25;

	private final OpportunityService opportunities;
	private final PipelineService pipelines;
	private final CurrentActor currentActor;
	private final OpportunityChoices choices;
	private final MessageSource messages;
	private final BoardFormat format;

	BoardController(OpportunityService opportunities, PipelineService pipelines, CurrentActor currentActor,
			OpportunityChoices choices, MessageSource messages, BoardFormat format) {
		this.opportunities = opportunities;
		this.pipelines = pipelines;
		this.currentActor = currentActor;
		this.choices = choices;
		this.messages = messages;
		this.format = format;
	}

	@GetMapping
	String board(@RequestParam(required = false) UUID pipeline, Model model) {
		Pipeline shown = pipeline == null ? pipelines.defaultPipeline() : pipelines.get(pipeline);
		model.addAttribute("pipeline", shown);
		model.addAttribute("wide", true);
		model.addAttribute("pipelines", pipelines.all());
		model.addAttribute("totals", opportunities.columnTotals(currentActor.get(), shown.getId()));
		return "sales/opportunities/board";
	}

	@GetMapping("/column")
	String column(@RequestParam UUID stage, @RequestParam(defaultValue = "0") int page, Model model) {
		Paging paging = new Paging(page, CARDS_PER_PAGE);
		ResultPage<Opportunity> cards = opportunities.column(currentActor.get(), stage, paging.page(), paging.size());
		model.addAttribute("cards", cards);
		model.addAttribute("stage", stage);
		choices.addNames(model, cards.items());
		return "sales/opportunities/board :: cards";
	}

	/** The drop of a card: moves the opportunity and answers the new totals of every column. */
	@PostMapping("/{id}/move")
	@ResponseBody
	ResponseEntity<Map<String, Object>> move(@PathVariable UUID id, @RequestParam UUID stageId,
			@RequestParam(required = false) UUID before, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String lostReason) {
		Actor actor = currentActor.get();
		try {
			Opportunity moved = opportunities.move(actor, id, version, stageId, lostReason, before);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", moved.getId());
			body.put("version", moved.getVersion());
			body.put("columns", columns(actor, moved.getPipelineId()));
			return ResponseEntity.ok(body);
		}
		catch (InvalidField invalid) {
			return ResponseEntity.unprocessableContent()
				.body(Map.of("field", invalid.field(), "message", text(invalid.messageKey())));
		}
		catch (OptimisticLockingFailureException stale) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", text("board.stale")));
		}
	}

	private Map<UUID, Map<String, Object>> columns(Actor actor, UUID pipelineId) {
		Map<UUID, ColumnTotals> totals = opportunities.columnTotals(actor, pipelineId);
		return pipelines.get(pipelineId).getStages().stream().collect(Collectors.toMap(stage -> stage.getId(), stage -> {
			ColumnTotals column = totals.getOrDefault(stage.getId(), new ColumnTotals(0, Map.of()));
			List<Money> sums = column.sumList();
			return Map.<String, Object>of("count", column.count(), "sum", format.sums(sums));
		}, (a, b) -> a, LinkedHashMap::new));
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
