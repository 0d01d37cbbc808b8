package org.rapport.customers.web;

import org.rapport.customers.MergeEntry;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rapport.customers.AccountSource;
import org.rapport.customers.AccountType;
import org.rapport.customers.Industry;
import org.rapport.customers.LifecycleStage;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.shared.BusinessRecord;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The choices that customer pages offer (owners, teams, stages...) and the names shown beside records.
 */
@Component
class Choices {

	private final UserDirectory directory;

	Choices(UserDirectory directory) {
		this.directory = directory;
	}

	void addTo(Model model) {
		model.addAttribute("users", directory.activeUsers());
		model.addAttribute("teams", directory.teams());
		model.addAttribute("stages", LifecycleStage.values());
		model.addAttribute("industries", Industry.values());
		model.addAttribute("accountTypes", AccountType.values());
		model.addAttribute("sources", AccountSource.values());
	}

	/** Names of who created and last changed the record, for its detail page. */
	void addAuthorNames(Model model, BusinessRecord<?> record) {
		Set<UserId> authors = java.util.stream.Stream.of(record.getCreatedBy(), record.getUpdatedBy())
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

	/** Names of the users who made the merges, in one query. */
	void addMergerNames(Model model, Collection<MergeEntry> merges) {
		Set<UserId> users = merges.stream().map(MergeEntry::mergedBy).filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<UserId, String> names = users.isEmpty() ? Map.of() : directory.displayNames(users);
		Map<UUID, String> byId = new HashMap<>();
		names.forEach((id, name) -> byId.put(id.value(), name));
		model.addAttribute("mergerNames", byId);
	}
}
