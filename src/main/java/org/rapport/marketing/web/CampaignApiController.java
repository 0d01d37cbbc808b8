package org.rapport.marketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.marketing.internal.Campaign;
import org.rapport.marketing.internal.CampaignBook;
import org.rapport.marketing.internal.CampaignFilter;
import org.rapport.marketing.internal.CampaignStatus;
import org.rapport.marketing.internal.CampaignType;
import org.rapport.web.ApiPage;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.rapport.web.SortedBy;
import org.rapport.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Marketing campaigns, their hierarchy and their rolled-up figures")
class CampaignApiController {

	private final CampaignBook campaigns;
	private final CurrentActor currentActor;

	CampaignApiController(CampaignBook campaigns, CurrentActor currentActor) {
		this.campaigns = campaigns;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "List the campaigns you may see", description = "q matches the start of the name; sort is "
			+ "startDate (the default, latest first) or name.")
	ApiPage<CampaignResource> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) CampaignStatus status, @RequestParam(required = false) CampaignType type,
			@RequestParam(required = false) UUID owner,
			@SortedBy(CampaignBook.class) @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Paging paging = Paging.of(page, size);
		return ApiPage.of(campaigns
			.list(currentActor.get(), new CampaignFilter(q, status, type, owner),
					SortParameter.parse(sort, CampaignBook.SORTS), paging.page(), paging.size())
			.map(CampaignResource::of));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a campaign", description = "The ETag header carries its version for If-Match.")
	ResponseEntity<CampaignResource> get(@PathVariable UUID id) {
		return answer(campaigns.get(currentActor.get(), id));
	}

	@GetMapping("/{id}/children")
	@Operation(summary = "List the campaigns placed directly under a campaign", description = "Those you may see, "
			+ "the first to start first.")
	ApiPage<CampaignResource> children(@PathVariable UUID id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		Paging paging = Paging.of(page, size);
		return ApiPage
			.of(campaigns.children(currentActor.get(), id, paging.page(), paging.size()).map(CampaignResource::of));
	}

	@GetMapping("/{id}/figures")
	@Operation(summary = "Get a campaign's figures rolled up over its sub-campaigns", description = "Budget, actual "
			+ "cost and expected revenue summed over the campaign and every campaign below it that you may see. "
			+ "Sub-campaigns in another currency are summed apart in otherCurrencies, not converted.")
	FiguresResource figures(@PathVariable UUID id) {
		return FiguresResource.of(campaigns.figures(currentActor.get(), id));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Plan a campaign", description = "Owned by ownerId (you when left out); under parentId "
			+ "when given.")
	ResponseEntity<CampaignResource> create(@Valid @RequestBody CampaignInput input) {
		Campaign campaign = campaigns.create(currentActor.get(), input.toDetails());
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.getId()))
			.eTag(Versions.etag(campaign.getVersion()))
			.body(CampaignResource.of(campaign));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a campaign", description = "Send If-Match: a stale one answers 412, a race 409. "
			+ "A status move that the campaign's status does not allow answers 422 naming status.")
	ResponseEntity<CampaignResource> update(@PathVariable UUID id, @Valid @RequestBody CampaignInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		long expected = Versions.required(ifMatch, input.version(), campaigns.get(actor, id).getVersion());
		return answer(campaigns.update(actor, id, expected, input.toDetails()));
	}

	private static ResponseEntity<CampaignResource> answer(Campaign campaign) {
		return ResponseEntity.ok().eTag(Versions.etag(campaign.getVersion())).body(CampaignResource.of(campaign));
	}
}
