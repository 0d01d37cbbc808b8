package org.rapport.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.shared.RecordNotFound;
import org.rapport.support.internal.CaseBook;
import org.rapport.web.ApiPage;
import org.rapport.web.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/queues")
@Tag(name = "Cases")
class QueueApiController {

	private final CaseBook cases;
	private final CurrentActor currentActor;
	private final UserDirectory directory;

	QueueApiController(CaseBook cases, CurrentActor currentActor, UserDirectory directory) {
		this.cases = cases;
		this.currentActor = currentActor;
		this.directory = directory;
	}

	@GetMapping("/{team}")
	@Operation(summary = "A team's queue", description = "Its open cases that nobody has taken and that you may see, "
			+ "the earliest due first (those without a due time last), then the oldest.")
	ApiPage<CaseResource> queue(@PathVariable UUID team, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		TeamId queue = new TeamId(team);
		if (directory.findTeam(queue).isEmpty()) {
			throw new RecordNotFound("validation.team.unknown", "There is no such team.");
		}
		Paging paging = Paging.of(page, size);
		Instant now = cases.now();
		return ApiPage.of(cases.queue(currentActor.get(), queue, paging.page(), paging.size())
			.map(found -> CaseResource.of(found, now)));
	}
}
