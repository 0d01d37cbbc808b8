package org.rapport.marketing.web;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.marketing.internal.Campaign;
import org.rapport.marketing.internal.CampaignBook;
import org.rapport.marketing.internal.CampaignFilter;
import org.rapport.marketing.internal.CampaignStatus;
import org.rapport.marketing.internal.CampaignType;
import org.rapport.shared.DefaultCurrency;
import org.rapport.shared.InvalidField;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
import org.rapport.web.FilterQuery;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign pages: the list with its filters, the detail page with the sub-campaigns and the rolled-up figures,
 * and the form, which a campaign's page opens for a sub-campaign with the parent filled in.
 */
@Controller
@RequestMapping("/campaigns")
class CampaignController {

	/** How many options the parent picker offers. */
	static final int PICKER_SIZE = 20;

	private final CampaignBook campaigns;
	private final CurrentActor currentActor;
	private final UserDirectory directory;
	private final DefaultCurrency defaultCurrency;
	private final java.time.Clock clock;

	CampaignController(CampaignBook campaigns, CurrentActor currentActor, UserDirectory directory,
			DefaultCurrency defaultCurrency, java.time.Clock clock) {
		this.campaigns = campaigns;
		this.currentActor = currentActor;
		this.directory = directory;
		this.defaultCurrency = defaultCurrency;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) CampaignStatus status,
			@RequestParam(required = false) CampaignType type, @RequestParam(required = false) UUID owner,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-Target", required = false) String target, Model model) {
		Actor actor = currentActor.get();
		CampaignFilter filter = new CampaignFilter(q, status, type, owner);
		SortWhitelist.Choice sorting = SortParameter.choose(sort, CampaignBook.SORTS);
		Paging paging = Paging.of(page, size);
		ResultPage<Campaign> result = campaigns.list(actor, filter, sorting.sort(), paging.page(), paging.size());
		model.addAttribute("result", result);
		model.addAttribute("filter", filter);
		model.addAttribute("baseQuery", new FilterQuery().with("q", q).with("status", status).with("type", type)
			.with("owner", owner).with("size", size).encoded());
		model.addAttribute("sort", sorting.param());
		model.addAttribute("sorting", sorting);
		model.addAttribute("ownerNames", ownerNames(result.items()));
		if (htmx != null && "results".equals(target)) {
			return "marketing/campaigns/list :: results";
		}
		model.addAttribute("statuses", CampaignStatus.values());
		model.addAttribute("types", CampaignType.values());
		model.addAttribute("users", directory.activeUsers());
		return "marketing/campaigns/list";
	}

	/** Options for the parent picker: the first visible campaigns whose name starts with the typed text. */
	@GetMapping("/picker")
	String picker(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("options", campaigns.list(currentActor.get(), new CampaignFilter(q, null, null, null),
				CampaignBook.SORTS.defaultSort(), 0, PICKER_SIZE).items());
		return "marketing/campaigns/picker :: options";
	}

	@GetMapping("/new")
	String newCampaign(@RequestParam(required = false) UUID parent, Model model) {
		Actor actor = currentActor.get();
		UUID parentId = campaigns.find(actor, parent).map(Campaign::getId).orElse(null);
		model.addAttribute("input", CampaignInput.planned(java.time.LocalDate.now(clock.withZone(actor.zone())),
				defaultCurrency.code(), parentId));
		return form(model, null, parentId);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("input") CampaignInput input, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				Campaign campaign = campaigns.create(currentActor.get(), input.toDetails());
				redirect.addFlashAttribute("success", "flash.campaign.created");
				return "redirect:/campaigns/" + campaign.getId();
			}
			catch (InvalidField invalid) {
				reject(errors, invalid);
			}
		}
		return form(model, null, input.parentId());
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		Actor actor = currentActor.get();
		Campaign campaign = campaigns.get(actor, id);
		Paging paging = Paging.of(page, size);
		ResultPage<Campaign> children = campaigns.children(actor, id, paging.page(), paging.size());
		model.addAttribute("campaign", campaign);
		model.addAttribute("parent", campaigns.find(actor, campaign.getParentId()).orElse(null));
		model.addAttribute("children", children);
		model.addAttribute("figures", campaigns.figures(actor, id));
		model.addAttribute("moves", campaign.getStatus().next());
		model.addAttribute("ownerNames", ownerNames(List.of(campaign)));
		return "marketing/campaigns/show";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		Campaign campaign = campaigns.get(currentActor.get(), id);
		model.addAttribute("input", CampaignInput.of(campaign));
		return form(model, campaign, campaign.getParentId());
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("input") CampaignInput input, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		Campaign campaign = campaigns.get(actor, id);
		if (!errors.hasErrors()) {
			try {
				campaigns.update(actor, id, input.version() == null ? -1 : input.version(), input.toDetails());
				redirect.addFlashAttribute("success", "flash.campaign.updated");
				return "redirect:/campaigns/" + id;
			}
			catch (InvalidField invalid) {
				reject(errors, invalid);
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
		}
		return form(model, campaign, input.parentId());
	}

	@PostMapping("/{id}/status")
	String move(@PathVariable UUID id, @RequestParam long version, @RequestParam CampaignStatus status,
			RedirectAttributes redirect) {
		try {
			campaigns.move(currentActor.get(), id, version, status);
			redirect.addFlashAttribute("success", "flash.campaign.moved");
		}
		catch (OptimisticLockingFailureException | InvalidField refused) {
			redirect.addFlashAttribute("failure", "campaign.move.refused");
		}
		return "redirect:/campaigns/" + id;
	}

	private String form(Model model, Campaign campaign, UUID parentId) {
		Actor actor = currentActor.get();
		model.addAttribute("campaign", campaign);
		model.addAttribute("types", CampaignType.values());
		// a stored campaign offers only the statuses it may move to
		Set<CampaignStatus> statuses = campaign == null ? EnumSet.allOf(CampaignStatus.class)
				: EnumSet.copyOf(campaign.getStatus().next());
		if (campaign != null) {
			statuses.add(campaign.getStatus());
		}
		model.addAttribute("statuses", Arrays.stream(CampaignStatus.values()).filter(statuses::contains).toList());
		model.addAttribute("chosenParent", campaigns.find(actor, parentId).orElse(null));
		model.addAttribute("users", directory.activeUsers());
		model.addAttribute("teams", directory.teams());
		CampaignInput input = (CampaignInput) model.getAttribute("input");
		model.addAttribute("ownerId", input == null ? null : input.ownerId());
		model.addAttribute("teamId", input == null ? null : input.teamId());
		return "marketing/campaigns/form";
	}

	/** Shows the domain's refusal at its field, in the user's language, with the values that it names. */
	private static void reject(BindingResult errors, InvalidField invalid) {
		errors.rejectValue(invalid.field(), invalid.messageKey(), invalid.getArguments(),
				invalid.getDefaultMessage());
	}

	private Map<UUID, String> ownerNames(List<Campaign> shown) {
		Map<UUID, String> names = new HashMap<>();
		directory.displayNames(shown.stream().map(Campaign::owner).collect(Collectors.toSet()))
			.forEach((id, name) -> names.put(id.value(), name));
		return names;
	}
}
