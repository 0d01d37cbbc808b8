package org.rapport.sales.leads.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.DuplicateRule;
import org.rapport.customers.MergeEntry;
import org.rapport.customers.MergeKind;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadMerge;
import org.rapport.sales.leads.internal.LeadService;
import org.rapport.web.ApiPage;
import org.rapport.web.Paging;
import org.rapport.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' duplicate lead groups and the merge of leads.
 */
@RestController
@Tag(name = "Duplicates and merge")
class LeadMergeApiController {

	private final LeadService leads;
	private final LeadMerge merge;
	private final CurrentActor currentActor;

	LeadMergeApiController(LeadService leads, LeadMerge merge, CurrentActor currentActor) {
		this.leads = leads;
		this.merge = merge;
		this.currentActor = currentActor;
	}

	/** A merge of leads as the API takes it; see the account merge. */
	record LeadMergeInput(@NotNull UUID mergedId,
			@Schema(description = "The survivor's version; If-Match does the same") Long version,
			@NotNull Long mergedVersion,
			@Schema(description = "Field name to \"survivor\" or \"merged\"") Map<String, String> fields) {
	}

	record Group(String key, List<LeadResource> members) {
	}

	record MergeEntryResource(UUID id, MergeKind kind, UUID survivorId, UUID mergedId, String mergedLabel,
			Map<String, String> mergedValues, Map<String, String> chosenFields, UUID mergedBy, Instant mergedAt) {

		static MergeEntryResource of(MergeEntry e) {
			return new MergeEntryResource(e.id(), e.kind(), e.survivor(), e.merged(), e.mergedLabel(),
					e.mergedValues(), e.chosenFields(), e.mergedBy() == null ? null : e.mergedBy().value(),
					e.mergedAt());
		}
	}

	@GetMapping("/api/v1/leads/duplicate-groups")
	@Operation(summary = "Groups of probable duplicate leads (administrators)",
			description = "by is email (default) or name (the same name at the same company, normalised).")
	ApiPage<Group> groups(@RequestParam(required = false) String by, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		Paging paging = Paging.of(page, size);
		DuplicateRule rule = DuplicateRule.parse(by, DuplicateRule.EMAIL) == DuplicateRule.NAME ? DuplicateRule.NAME
				: DuplicateRule.EMAIL;
		return ApiPage.of(merge.groups(currentActor.get(), rule, paging.page(), paging.size())
			.map(g -> new Group(g.key(), g.members().stream().map(LeadResource::of).toList())));
	}

	@PostMapping("/api/v1/leads/{id}/merge")
	@Operation(summary = "Merge another lead into this one",
			description = "This lead remains, keeps its status and takes, per field, the value chosen in fields "
					+ "(survivor or merged); the other lead is removed. Converted leads cannot be merged (409). "
					+ "Administrators, or managers of both leads' team. A stale If-Match answers 412, a stale "
					+ "version in the body 409.")
	ResponseEntity<LeadResource> mergeLeads(@PathVariable UUID id, @Valid @RequestBody LeadMergeInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		long expected = Versions.expected(ifMatch, input.version(), leads.get(actor, id).getVersion());
		Lead survivor = merge.merge(actor, id, expected, input.mergedId(), input.mergedVersion(), input.fields());
		return ResponseEntity.ok().eTag(Versions.etag(survivor.getVersion())).body(LeadResource.of(survivor));
	}

	@GetMapping("/api/v1/leads/{id}/merges")
	@Operation(summary = "The merges into a lead, newest first")
	List<MergeEntryResource> merges(@PathVariable UUID id) {
		return merge.mergesInto(currentActor.get(), id, 100).stream().map(MergeEntryResource::of).toList();
	}
}
