package org.rapport.identity.internal;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's two teams and their people, all with the password {@code demo}; see the README.
 */
@Component
@Profile("demo")
@Order(1)
class DemoUsers implements ApplicationRunner {

	static final String PASSWORD = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	private final UserAdministration administration;

	DemoUsers(UserAdministration administration) {
		this.administration = administration;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (administration.usernameTaken("maria")) {
			return;
		}
		TeamId east = new TeamId(administration.createTeam("Sales East").getId());
		TeamId west = new TeamId(administration.createTeam("Sales West").getId());
		create("maria", "Maria Schmidt", Set.of(Role.MANAGER, Role.SALES), east, Locale.ENGLISH, "Europe/Berlin");
		create("tom", "Tom Baker", Set.of(Role.SALES), east, Locale.ENGLISH, "Europe/London");
		create("li", "Li Wei", Set.of(Role.SALES), east, Locale.SIMPLIFIED_CHINESE, "Asia/Shanghai");
		create("james", "James Carter", Set.of(Role.MANAGER, Role.SALES), west, Locale.ENGLISH, "America/New_York");
		create("sofia", "Sofia Rossi", Set.of(Role.SALES), west, Locale.ENGLISH, "Europe/Rome");
		create("chen", "Chen Jing", Set.of(Role.SUPPORT), west, Locale.SIMPLIFIED_CHINESE, "Asia/Shanghai");
		create("ava", "Ava Martin", Set.of(Role.MARKETING), west, Locale.ENGLISH, "America/Chicago");
		create("wang", "Wang Fang", Set.of(Role.ANALYST), east, Locale.SIMPLIFIED_CHINESE, "Asia/Shanghai");
		log.info("Demo users created in teams Sales East and Sales West; each signs in with the password '{}'.",
				PASSWORD);
	}

	private void create(String username, String name, Set<Role> roles, TeamId team, Locale locale, String zone) {
		administration.createUser(new UserAdministration.NewUser(username, name, username + "@demo.rapport.org",
				PASSWORD, roles, team, locale, ZoneId.of(zone)));
	}
}
