package org.rapport.sales.leads.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rapport.customers.AccountSource;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.sales.leads.internal.LeadRating;
import org.rapport.sales.leads.internal.LeadStatus;
import org.rapport.shared.BusinessRecord;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The choices that lead pages offer (owners, teams, statuses, ratings, sources) and the names shown beside leads.
 */
@Component
class LeadChoices {

	/** The statuses a user may pick; a lead becomes converted only through its conversion. */
	static final LeadStatus[] PICKABLE = { LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED,
			LeadStatus.DISQUALIFIED };

	private final UserDirectory directory;

	LeadChoices(UserDirectory directory) {
		this.directory = directory;
	}

	void addTo(Model model) {
		model.addAttribute("users", directory.activeUsers());
		model.addAttribute("teams", directory.teams());
		model.addAttribute("statuses", LeadStatus.values());
		model.addAttribute("pickableStatuses", PICKABLE);
		model.addAttribute("ratings", LeadRating.values());
		model.addAttribute("sources", AccountSource.values());
	}

	/** Names of who created and last changed the lead, for its detail page. */
	void addAuthorNames(Model model, BusinessRecord<?> record) {
		Set<UserId> authors = Stream.of(record.getCreatedBy(), record.getUpdatedBy())
			.filter(Objects::nonNull)
			.map(UserId::new)
			.collect(Collectors.toSet());
		Map<UUID, String> names = new HashMap<>();
		directory.displayNames(authors).forEach((id, name) -> names.put(id.value(), name));
		model.addAttribute("authorNames", names);
	}

	/** Names of the owners and teams of the given records, in two queries whatever their number. */
	<T> void addNames(Model model, Collection<T> records, Function<T, UUID> owner, Function<T, UUID> team) {
		Set<UserId> owners = records.stream().map(owner).filter(Objects::nonNull).map(UserId::new)
			.collect(Collectors.toSet());
		Set<TeamId> teams = records.stream().map(team).filter(Objects::nonNull).map(TeamId::new)
			.collect(Collectors.toSet());
		Map<UUID, String> ownerNames = new HashMap<>();
		directory.displayNames(owners).forEach((id, name) -> ownerNames.put(id.value(), name));
		Map<UUID, String> teamNames = new HashMap<>();
		directory.teamNames(teams).forEach((id, name) -> teamNames.put(id.value(), name));
		model.addAttribute("ownerNames", ownerNames);
		model.addAttribute("teamNames", teamNames);
	}
}
