package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.rapport.web.NavigationHtml.count;
import static org.rapport.web.NavigationHtml.hrefs;
import static org.rapport.web.NavigationHtml.item;
import static org.rapport.web.NavigationHtml.link;
import static org.rapport.web.NavigationHtml.menu;
import static org.rapport.web.NavigationHtml.navbar;
import static org.rapport.web.NavigationHtml.toggle;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.Role;
import org.rapport.identity.UserId;
import org.rapport.identity.VisibilityScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The main navigation built from whatever entries the modules contribute: groups in the order of
 * {@link MenuGroup} whatever the order of the beans, each with the entries the user's roles let them see, a group
 * with none of those left out, and entries without a group as links of their own after the groups.
 */
@WebSliceTest(NavigationWebMvcTests.Pages.class)
@Import({ NavigationWebMvcTests.Pages.class, NavigationWebMvcTests.Entries.class })
@WithMockUser
class NavigationWebMvcTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CurrentActor currentActor;

	/** Entries of a few groups, declared out of order; the analytics entry is for managers only. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Entries {

		@Bean
		MenuEntry reportsMenu() {
			return new MenuEntry("nav.api", "/reports", "bar-chart", 10, "MANAGER", MenuGroup.ANALYTICS);
		}

		@Bean
		MenuEntry contactsMenu() {
			return MenuEntry.in(MenuGroup.SALES, "nav.contacts", "/contacts", "person-lines-fill", 20);
		}

		@Bean
		MenuEntry accountsMenu() {
			return MenuEntry.in(MenuGroup.SALES, "nav.accounts", "/accounts", "building", 10);
		}

		@Bean
		MenuEntry todayMenu() {
			return MenuEntry.of("nav.profile", "/today", "sun", 5);
		}

		@Bean
		MenuEntry usersMenu() {
			return MenuEntry.admin("nav.users", "/admin/users", "people", 900);
		}
	}

	/** Every page of the entries, shown as a page of the layout. */
	@Controller
	static class Pages {

		@GetMapping({ "/", "/reports/monthly", "/accounts", "/today" })
		String page() {
			return "error/404";
		}
	}

	@Test
	void aUserSeesTheGroupsInTheirOrderWithTheEntriesTheirRolesAllow() throws Exception {
		String page = pageAs("/", Role.SALES);

		assertThat(hrefs(menu(page, "nav-group-sales"))).containsExactly("/accounts", "/contacts");
		assertThat(page).doesNotContain("nav-group-analytics").doesNotContain("href=\"/reports\"")
			.doesNotContain("admin-menu").doesNotContain("href=\"/admin/users\"");

		String managers = pageAs("/", Role.MANAGER, Role.SALES);
		assertThat(hrefs(menu(managers, "nav-group-analytics"))).containsExactly("/reports");
		assertThat(toggle(managers, "nav-group-analytics")).contains("bi-bar-chart-line", ">Analytics<");
		assertThat(managers.indexOf("id=\"nav-group-sales\""))
			.isLessThan(managers.indexOf("id=\"nav-group-analytics\""));
		assertThat(managers).doesNotContain("admin-menu");

		String admins = pageAs("/", Role.ADMIN);
		assertThat(hrefs(menu(admins, "admin-menu"))).containsExactly("/admin/users");
		assertThat(admins).doesNotContain("nav-group-analytics");
	}

	@Test
	void anEntryWithoutAGroupIsALinkOfItsOwnAfterTheGroups() throws Exception {
		String page = pageAs("/", Role.SALES);

		assertThat(link(page, "/today")).doesNotContain("active");
		assertThat(page.indexOf("id=\"nav-group-sales\"")).isLessThan(page.indexOf("href=\"/today\""));
		assertThat(page.indexOf("href=\"/today\"")).isLessThan(page.indexOf("id=\"user-menu\""));
		assertThat(navbar(page)).doesNotContain("aria-current");

		String today = pageAs("/today", Role.SALES);
		assertThat(link(today, "/today")).contains("active", "aria-current=\"page\"");
		assertThat(toggle(today, "nav-group-sales")).doesNotContain("active");
	}

	@Test
	void theEntryOfThePageShownAndItsGroupAreMarked() throws Exception {
		String page = pageAs("/reports/monthly", Role.MANAGER, Role.SALES);

		assertThat(item(page, "/reports")).contains("active", "aria-current=\"page\"");
		assertThat(toggle(page, "nav-group-analytics")).contains("active");
		assertThat(toggle(page, "nav-group-sales")).doesNotContain("active");
		assertThat(item(page, "/accounts")).doesNotContain("active");
		assertThat(count(navbar(page), "aria-current=\"page\"")).isOne();
	}

	private String pageAs(String path, Role... roles) throws Exception {
		given(currentActor.find()).willReturn(Optional.of(new Actor(new UserId(UUID.randomUUID()), "Kim Lee", null,
				Set.of(roles), VisibilityScope.OWN, ZoneId.of("UTC"), Locale.ENGLISH)));
		return mvc.perform(get(path)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
