package org.rapport;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.rapport.customers.AccountType;
import org.rapport.customers.LifecycleStage;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.ApiTokenService;
import org.rapport.identity.internal.RapportPrincipal;
import org.rapport.identity.internal.Team;
import org.rapport.identity.internal.User;
import org.rapport.identity.internal.UserAdministration;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;


/**
 * Builds the people and teams a test needs, each with names of its own, so that tests sharing one database
 * never see each other's records.
 */
@TestComponent
public class TestData {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	public static final String PASSWORD = "secret-password";

	private final UserAdministration administration;
	private final UserDetailsService principals;
	private final ApiTokenService tokens;

	TestData(UserAdministration administration, UserDetailsService principals, ApiTokenService tokens) {
		this.administration = administration;
		this.principals = principals;
		this.tokens = tokens;
	}

	public static String unique(String prefix) {
		return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
	}

	public TeamId team() {
		Team team = administration.createTeam(unique("Team"));
		return new TeamId(team.getId());
	}

	public User user(TeamId team, Role... roles) {
		return user(team, Locale.ENGLISH, roles);
	}

	/** A user whose pages and API answers speak the given language. */
	public User user(TeamId team, Locale language, Role... roles) {
		String username = unique("user").toLowerCase(Locale.ROOT);
		return administration.createUser(new UserAdministration.NewUser(username, "User " + username, null, PASSWORD,
				Set.of(roles), team, language, ZoneId.of("UTC")));
	}

	/** A user with an e-mail address, for what Rapport mails them. */
	public User userWithEmail(TeamId team, Locale language, Role... roles) {
		String username = unique("user").toLowerCase(Locale.ROOT);
		return administration.createUser(new UserAdministration.NewUser(username, "User " + username,
				username + "@example.com", PASSWORD, Set.of(roles), team, language, ZoneId.of("UTC")));
	}

	/** Signs a MockMvc request in as the user. */
	public RequestPostProcessor as(User user) {
		return SecurityMockMvcRequestPostProcessors.user(principals.loadUserByUsername(user.getUsername()));
	}

	/** The actor a service call runs for. */
	public Actor actor(User user) {
		return ((RapportPrincipal) principals.loadUserByUsername(user.getUsername())).actor();
	}

	/** A fresh API token of the user, for the Authorization header. */
	public String bearer(User user) {
		return "Bearer " + tokens.issue(user.userId(), unique("token"), null).secret();
	}

	public ApiTokenService.IssuedToken issue(User user) {
		return tokens.issue(user.userId(), unique("token"), null);
	}

	public void revoke(User user, ApiTokenService.IssuedToken token) {
		tokens.revoke(user.userId(), token.token().getId());
	}

	public void deactivate(User user) {
		User current = administration.user(user.getId()).orElseThrow();
		administration.updateUser(user.getId(), current.getVersion(), new UserAdministration.UserChange(
				current.getDisplayName(), current.getEmail(), current.getRoles(), current.team(), current.getLocale(),
				current.getTimeZone(), false, null));
	}

	/** An administrator gives the user a new password. */
	public void setPassword(User user, String password) {
		User current = administration.user(user.getId()).orElseThrow();
		administration.updateUser(user.getId(), current.getVersion(), new UserAdministration.UserChange(
				current.getDisplayName(), current.getEmail(), current.getRoles(), current.team(), current.getLocale(),
				current.getTimeZone(), true, password));
	}

	public static String accountJson(String name) {
		return """
				{"name": "%s", "type": "%s", "lifecycleStage": "%s", "website": "example.com"}
				""".formatted(name, AccountType.COMPANY, LifecycleStage.PROSPECT);
	}
}
