package org.rapport.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Finds a user by what a file or a person calls them: their login, e-mail address, id or display name, each without
 * case and in that order. Logins and addresses name one user each; a display name that several users share names
 * none of them, and says so.
 */
public final class UserNames {

	/** What a name found: the user, or nobody, or several users who share it. */
	public record Found(UserSummary user, boolean ambiguous) {

		static final Found NOBODY = new Found(null, false);

		static final Found SEVERAL = new Found(null, true);
	}

	private final Map<UUID, UserSummary> byId = new HashMap<>();
	private final Map<String, UserSummary> byLogin = new HashMap<>();
	private final Map<String, UserSummary> byEmail = new HashMap<>();
	private final Map<String, List<UserSummary>> byDisplayName = new HashMap<>();

	private UserNames(List<UserSummary> users) {
		for (UserSummary user : users) {
			byId.put(user.id().value(), user);
			byLogin.put(lower(user.username()), user);
			if (user.email() != null && !user.email().isBlank()) {
				byEmail.putIfAbsent(lower(user.email()), user);
			}
			if (user.displayName() != null && !user.displayName().isBlank()) {
				byDisplayName.computeIfAbsent(lower(user.displayName()), name -> new ArrayList<>()).add(user);
			}
		}
	}

	/** The names of these users, such as the active ones. */
	public static UserNames of(List<UserSummary> users) {
		return new UserNames(users);
	}

	/** The user the text names. */
	public Found find(String text) {
		if (text == null || text.isBlank()) {
			return Found.NOBODY;
		}
		String name = lower(text);
		UserSummary user = byLogin.get(name);
		if (user == null) {
			user = byEmail.get(name);
		}
		if (user == null && name.length() == 36) {
			try {
				user = byId.get(UUID.fromString(name));
			}
			catch (IllegalArgumentException notAnId) {
				user = null;
			}
		}
		if (user != null) {
			return new Found(user, false);
		}
		List<UserSummary> named = byDisplayName.getOrDefault(name, List.of());
		return named.isEmpty() ? Found.NOBODY : named.size() > 1 ? Found.SEVERAL : new Found(named.get(0), false);
	}

	private static String lower(String text) {
		return text.strip().toLowerCase(Locale.ROOT);
	}
}
