package org.rapport.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;

/**
 * The names of the owners and teams that an export writes beside their ids, so that a spreadsheet reader sees
 * who owns a record, and the owner's login, by which an import of the file gives the record to the same user. Each
 * is looked up once per export, however many rows carry it.
 */
public final class OwnerNames {

	private final UserDirectory directory;
	private final Map<UUID, String> users = new HashMap<>();
	private final Map<UUID, String> teams = new HashMap<>();
	private final Map<UUID, String> logins = new HashMap<>();

	public OwnerNames(UserDirectory directory) {
		this.directory = directory;
	}

	/** The display name of the user, or an empty cell for none. */
	public String user(UUID id) {
		if (id == null) {
			return "";
		}
		return users.computeIfAbsent(id,
				key -> directory.displayNames(List.of(new UserId(key))).getOrDefault(new UserId(key), ""));
	}

	/** The login of the user, or an empty cell for none. */
	public String login(UUID id) {
		if (id == null) {
			return "";
		}
		return logins.computeIfAbsent(id,
				key -> directory.find(new UserId(key)).map(user -> user.username()).orElse(""));
	}

	/** The name of the team, or an empty cell for none. */
	public String team(UUID id) {
		if (id == null) {
			return "";
		}
		return teams.computeIfAbsent(id,
				key -> directory.teamNames(List.of(new TeamId(key))).getOrDefault(new TeamId(key), ""));
	}
}
