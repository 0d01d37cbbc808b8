package org.rapport.identity.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rapport.identity.Actor;
import org.rapport.identity.OwnerPolicy;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.TeamSummary;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.UserPreferences;
import org.rapport.identity.UserSummary;
import org.rapport.shared.InvalidField;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates and changes users and teams, and answers other modules' questions about them.
 */
@Service
@Transactional(readOnly = true)
public class UserAdministration implements UserDirectory, UserPreferences {

	private final Users users;
	private final Teams teams;
	private final PasswordEncoder passwords;
	private final Clock clock;
	private final LoadingCache<Boolean, Directory> directory;
	private final ApiTokenService tokens;
	private final VisibilityProperties visibility;

	UserAdministration(Users users, Teams teams, PasswordEncoder passwords, Clock clock,
			@Value("${rapport.directory.cache-time:30s}") Duration cacheTime, ApiTokenService tokens,
			VisibilityProperties visibility) {
		this.tokens = tokens;
		this.visibility = visibility;
		this.users = users;
		this.teams = teams;
		this.passwords = passwords;
		this.clock = clock;
		this.directory = Caffeine.newBuilder()
			.expireAfterWrite(cacheTime)
			.build(key -> new Directory(users.findAllByOrderByDisplayName().stream().map(User::summary).toList(),
					teams.findAllByOrderByName().stream().map(Team::summary).toList()));
	}

	/**
	 * The names and choices that nearly every page shows beside its records: every user's summary and every team, by
	 * name. Read on most pages, so they are kept for {@code rapport.directory.cache-time} (30 s unless set) and
	 * forgotten when a change of a user or team on this node commits; other nodes see such a change within that time.
	 * What decides who may own a record is always read from the database.
	 */
	private record Directory(List<UserSummary> users, List<TeamSummary> teams, Map<UUID, UserSummary> usersById,
			Map<UUID, TeamSummary> teamsById) {

		Directory(List<UserSummary> users, List<TeamSummary> teams) {
			this(users, teams,
					users.stream().collect(Collectors.toUnmodifiableMap(user -> user.id().value(), user -> user)),
					teams.stream().collect(Collectors.toUnmodifiableMap(team -> team.id().value(), team -> team)));
		}
	}

	/**
	 * Forgets the directory, and what this node read of API tokens and their users, once the current transaction
	 * commits, so that the next page shows the change and a deactivated user's tokens stop at once.
	 */
	private void forgetDirectoryAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					directory.invalidateAll();
					tokens.forgetAll();
				}
			});
		}
		directory.invalidateAll();
		tokens.forgetAll();
	}

	public List<User> allUsers() {
		return users.findAllByOrderByDisplayName();
	}

	public Optional<User> user(UUID id) {
		return users.findById(id);
	}

	public boolean hasUsers() {
		return users.count() > 0;
	}

	public boolean usernameTaken(String username) {
		return users.findByUsernameIgnoreCase(username.strip()).isPresent();
	}

	@Transactional
	public User createUser(NewUser request) {
		if (usernameTaken(request.username())) {
			throw new IllegalArgumentException("Username " + request.username() + " is taken");
		}
		requireTeam(request.team());
		forgetDirectoryAfterCommit();
		return users.save(new User(request.username().strip(), request.displayName().strip(), request.email(),
				passwords.encode(request.password()), request.roles(), request.team(), request.locale(),
				request.zone(), clock.instant()));
	}

	@Transactional
	public User updateUser(UUID id, long expectedVersion, UserChange change) {
		User user = users.findById(id).orElseThrow();
		if (user.getVersion() != expectedVersion) {
			throw new org.springframework.orm.ObjectOptimisticLockingFailureException(User.class, id);
		}
		requireTeam(change.team());
		forgetDirectoryAfterCommit();
		Instant now = clock.instant();
		user.describe(change.displayName().strip(), change.email(), change.roles(), change.team(), change.locale(),
				change.zone(), change.active(), now);
		if (change.newPassword() != null && !change.newPassword().isBlank()) {
			user.changePassword(passwords.encode(change.newPassword()), now);
		}
		return user;
	}

	/** Changes a user's own password after checking the current one; answers whether it matched. */
	@Transactional
	public boolean changeOwnPassword(UserId id, String current, String next) {
		User user = users.findById(id.value()).orElseThrow();
		if (!passwords.matches(current, user.getPasswordHash())) {
			return false;
		}
		user.changePassword(passwords.encode(next), clock.instant());
		return true;
	}

	@Transactional
	@Override
	public void preferLocale(UserId id, Locale locale) {
		users.findById(id.value()).ifPresent(user -> user.preferLocale(locale, clock.instant()));
	}

	public List<Team> allTeams() {
		return teams.findAllByOrderByName();
	}

	public Optional<Team> team(UUID id) {
		return teams.findById(id);
	}

	public boolean teamNameTaken(String name, UUID except) {
		return teams.findByNameIgnoreCase(name.strip()).filter(team -> !team.getId().equals(except)).isPresent();
	}

	@Transactional
	public Team createTeam(String name) {
		if (teamNameTaken(name, null)) {
			throw new IllegalArgumentException("Team " + name + " exists");
		}
		forgetDirectoryAfterCommit();
		return teams.save(new Team(name, clock.instant()));
	}

	@Transactional
	public Team renameTeam(UUID id, String name) {
		if (teamNameTaken(name, id)) {
			throw new IllegalArgumentException("Team " + name + " exists");
		}
		Team team = teams.findById(id).orElseThrow();
		forgetDirectoryAfterCommit();
		team.rename(name);
		return team;
	}

	public Map<UUID, Long> memberCounts() {
		return users.findAll()
			.stream()
			.filter(user -> user.getTeamId() != null)
			.collect(Collectors.groupingBy(User::getTeamId, Collectors.counting()));
	}

	private void requireTeam(TeamId team) {
		if (team != null && !teams.existsById(team.value())) {
			throw new IllegalArgumentException("No team " + team);
		}
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public Map<UserId, String> displayNames(Collection<UserId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, UserSummary> known = directory.get(Boolean.TRUE).usersById();
		Map<UserId, String> names = new HashMap<>();
		Set<UUID> unknown = new HashSet<>();
		for (UserId id : ids) {
			UserSummary user = known.get(id.value());
			if (user != null) {
				names.put(id, user.displayName());
			}
			else {
				unknown.add(id.value());
			}
		}
		if (!unknown.isEmpty()) {
			// a user made on another node since the directory was read
			users.findByIdIn(unknown).forEach(user -> names.put(user.userId(), user.getDisplayName()));
		}
		return names;
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public Map<TeamId, String> teamNames(Collection<TeamId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, TeamSummary> known = directory.get(Boolean.TRUE).teamsById();
		Map<TeamId, String> names = new HashMap<>();
		Set<UUID> unknown = new HashSet<>();
		for (TeamId id : ids) {
			TeamSummary team = known.get(id.value());
			if (team != null) {
				names.put(id, team.name());
			}
			else {
				unknown.add(id.value());
			}
		}
		if (!unknown.isEmpty()) {
			teams.findByIdIn(unknown).forEach(team -> names.put(new TeamId(team.getId()), team.getName()));
		}
		return names;
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<UserSummary> activeUsers() {
		return directory.get(Boolean.TRUE).users().stream().filter(UserSummary::active).toList();
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<TeamSummary> teams() {
		return directory.get(Boolean.TRUE).teams();
	}

	@Override
	public Optional<UserSummary> find(UserId id) {
		return users.findById(id.value()).map(User::summary);
	}

	/**
	 * Work done for many users at once, such as a sweep of reminders, asks for the same few users again and again: a
	 * user read here is kept for two seconds.
	 */
	private final com.github.benmanes.caffeine.cache.Cache<UUID, Optional<Actor>> actors = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(2))
		.maximumSize(10_000)
		.build();

	@Override
	@Transactional(readOnly = true)
	public Optional<Actor> actorOf(UserId id) {
		return actors.get(id.value(), key -> users.findById(key)
			.filter(User::isActive)
			.map(user -> new Actor(user.userId(), user.getDisplayName(), user.team(), user.getRoles(),
					visibility.scopeOf(user.getRoles()), user.getTimeZone(), user.getLocale())));
	}

	@Override
	public Optional<UserSummary> findActiveByUsername(String username) {
		if (username == null || username.isBlank()) {
			return Optional.empty();
		}
		return users.findByUsernameIgnoreCase(username.strip()).filter(User::isActive).map(User::summary);
	}

	@Override
	public Optional<UserSummary> firstActiveAdministrator() {
		return users.findByActiveTrueOrderByCreatedAtAscIdAsc()
			.stream()
			.filter(user -> user.getRoles().contains(Role.ADMIN))
			.findFirst()
			.map(User::summary);
	}

	@Override
	public List<UserSummary> managersOf(TeamId team) {
		return users.findByTeamIdAndActiveTrueOrderByDisplayName(team.value())
			.stream()
			.filter(user -> user.getRoles().contains(Role.MANAGER))
			.map(User::summary)
			.toList();
	}

	@Override
	public Optional<TeamSummary> findTeam(TeamId id) {
		return teams.findById(id.value()).map(Team::summary);
	}

	@Override
	public TeamId teamForOwner(UserId owner, TeamId requested) {
		UserSummary user = find(owner).filter(UserSummary::active)
			.orElseThrow(() -> new InvalidField("ownerId", "validation.owner.unknown", "No active user with this id"));
		if (requested != null) {
			findTeam(requested)
				.orElseThrow(() -> new InvalidField("teamId", "validation.team.unknown", "No team with this id"));
			return requested;
		}
		return user.team();
	}

	@Override
	public TeamId assign(Actor actor, UserId owner, TeamId requested, UserId currentOwner, TeamId currentTeam) {
		if (owner.equals(currentOwner) && (requested == null || requested.equals(currentTeam))) {
			return currentTeam;
		}
		TeamId team = teamForOwner(owner, requested);
		TeamId ownersTeam = find(owner).map(UserSummary::team).orElse(null);
		OwnerPolicy.Refusal refusal = OwnerPolicy.check(actor, owner, ownersTeam, team);
		if (refusal == OwnerPolicy.Refusal.OWNER) {
			throw new InvalidField("ownerId", "validation.owner.notAllowed",
					"You may give records only to yourself or to a user of your team");
		}
		if (refusal == OwnerPolicy.Refusal.TEAM) {
			throw new InvalidField("teamId", "validation.team.notAllowed", "Records stay in your own team");
		}
		return team;
	}

	public Map<UUID, Team> teamsById() {
		return teams.findAll().stream().collect(Collectors.toMap(Team::getId, Function.identity()));
	}

	public record NewUser(String username, String displayName, String email, String password, Set<Role> roles,
			TeamId team, Locale locale, ZoneId zone) {
	}

	public record UserChange(String displayName, String email, Set<Role> roles, TeamId team, Locale locale,
			ZoneId zone, boolean active, String newPassword) {
	}
}
