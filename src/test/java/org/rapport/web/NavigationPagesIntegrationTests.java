package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.web.NavigationHtml.count;
import static org.rapport.web.NavigationHtml.hrefs;
import static org.rapport.web.NavigationHtml.item;
import static org.rapport.web.NavigationHtml.menu;
import static org.rapport.web.NavigationHtml.navbar;
import static org.rapport.web.NavigationHtml.toggle;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The main navigation with the application's own entries: the sales menu lists the sales pages for every user, the
 * administration menu only administrators see, the menus without an entry for the user are left out, and the entry
 * of the page shown is marked, with its group.
 */
@RapportTest
class NavigationPagesIntegrationTests {

	static final List<String> SALES_PAGES = List.of("/accounts", "/contacts", "/leads", "/opportunities",
			"/forecast", "/products", "/orders", "/contracts", "/activities");

	static final List<String> ADMIN_PAGES = List.of("/admin/users", "/admin/teams", "/admin/pipelines",
			"/admin/fields", "/accounts/duplicates", "/admin/search", "/admin/support/calendars",
			"/admin/support/policies", "/admin/support/mailbox");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	MessageSource messages;

	@Test
	void theSalesMenuListsTheSalesPagesAndAnOrdinaryUserHasNoAdministrationMenu() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String page = page("/", seller);

		String sales = menu(page, "nav-group-sales");
		assertThat(hrefs(sales)).containsExactlyElementsOf(SALES_PAGES);
		assertThat(toggle(page, "nav-group-sales")).contains("aria-expanded=\"false\"", "bi-briefcase", ">Sales<")
			.doesNotContain("active");
		assertThat(page).doesNotContain("id=\"admin-menu\"").doesNotContain("href=\"/admin/users\"");
		assertThat(hrefs(menu(page, "nav-group-service"))).containsExactly("/cases", "/cases/queue");
		assertThat(hrefs(menu(page, "nav-group-marketing"))).containsExactly("/campaigns");
		// an ordinary user has no entries in these menus
		assertThat(page).doesNotContain("nav-group-analytics", "nav-group-administration");
		assertThat(navbar(page)).doesNotContain("aria-current");
	}

	@Test
	void anAdministratorHasTheAdministrationMenuAtTheEndBesideTheUsersMenu() throws Exception {
		User admin = data.user(data.team(), Role.ADMIN);
		String page = page("/", admin);

		assertThat(hrefs(menu(page, "nav-group-sales"))).containsExactlyElementsOf(SALES_PAGES);
		String administration = menu(page, "admin-menu");
		assertThat(hrefs(administration)).containsExactlyElementsOf(ADMIN_PAGES);
		assertThat(toggle(page, "admin-menu")).contains("aria-label=\"Administration\"", "bi-gear");
		assertThat(administration).contains("dropdown-menu-end");
		assertThat(page.indexOf("id=\"nav-group-sales\"")).isLessThan(page.indexOf("id=\"admin-menu\""));
		assertThat(page.indexOf("id=\"admin-menu\"")).isLessThan(page.indexOf("id=\"user-menu\""));
	}

	@Test
	void theEntryOfThePageShownIsCurrentAndItsGroupActive() throws Exception {
		User admin = data.user(data.team(), Role.ADMIN);

		String accounts = page("/accounts", admin);
		assertThat(item(accounts, "/accounts")).contains("active", "aria-current=\"page\"");
		assertThat(toggle(accounts, "nav-group-sales")).contains("active");
		assertThat(toggle(accounts, "admin-menu")).doesNotContain("active");
		assertThat(count(navbar(accounts), "aria-current=\"page\"")).isOne();

		String users = page("/admin/users", admin);
		assertThat(item(users, "/admin/users")).contains("active", "aria-current=\"page\"");
		assertThat(toggle(users, "admin-menu")).contains("active");
		assertThat(toggle(users, "nav-group-sales")).doesNotContain("active");

		// the entry with the longest path wins: the duplicates of accounts are not the accounts
		String duplicates = page("/accounts/duplicates", admin);
		assertThat(item(duplicates, "/accounts/duplicates")).contains("aria-current=\"page\"");
		assertThat(item(duplicates, "/accounts")).doesNotContain("active").doesNotContain("aria-current");
		assertThat(toggle(duplicates, "admin-menu")).contains("active");
		assertThat(toggle(duplicates, "nav-group-sales")).doesNotContain("active");
		assertThat(count(navbar(duplicates), "aria-current=\"page\"")).isOne();
	}

	@Test
	void theGroupsAreNamedInTheUsersLanguage() throws Exception {
		User admin = data.user(data.team(), Locale.SIMPLIFIED_CHINESE, Role.ADMIN);
		String page = page("/", admin);
		assertThat(toggle(page, "nav-group-sales")).contains(">销售<");
		assertThat(toggle(page, "admin-menu")).contains("aria-label=\"系统管理\"");
		for (MenuGroup group : MenuGroup.values()) {
			assertThat(messages.getMessage(group.messageKey(), null, Locale.ENGLISH)).isNotBlank();
			assertThat(messages.getMessage(group.messageKey(), null, Locale.SIMPLIFIED_CHINESE))
				.isNotEqualTo(messages.getMessage(group.messageKey(), null, Locale.ENGLISH));
		}
	}

	private String page(String path, User user) throws Exception {
		return mvc.perform(get(path).with(data.as(user)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
