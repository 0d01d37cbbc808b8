package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the main navigation out of a page's HTML, for the tests of what it shows. */
final class NavigationHtml {

	private NavigationHtml() {
	}

	/** The opening tag of a group's toggle and its content, up to the end of the toggle. */
	static String toggle(String page, String id) {
		int start = page.lastIndexOf("<a", page.indexOf("id=\"" + id + "\""));
		assertThat(start).as("toggle " + id).isNotNegative();
		return page.substring(start, page.indexOf("</a>", start));
	}

	/** The list of a group's dropdown, from its opening tag. */
	static String menu(String page, String id) {
		int start = page.lastIndexOf("<ul", page.indexOf("aria-labelledby=\"" + id + "\""));
		assertThat(start).as("menu of " + id).isNotNegative();
		return page.substring(start, page.indexOf("</ul>", start));
	}

	/** The navigation bar, without the page below it. */
	static String navbar(String page) {
		int start = page.indexOf("<nav class=\"navbar");
		assertThat(start).as("navigation bar").isNotNegative();
		return page.substring(start, page.indexOf("</nav>", start));
	}

	/** The opening tag of the dropdown item that leads to the path. */
	static String item(String page, String path) {
		Matcher matcher = Pattern
			.compile("<a class=\"dropdown-item[^\"]*\"[^>]*href=\"" + Pattern.quote(path) + "\"[^>]*>")
			.matcher(page);
		assertThat(matcher.find()).as("item " + path).isTrue();
		return matcher.group();
	}

	/** The opening tag of the link of its own in the bar that leads to the path. */
	static String link(String page, String path) {
		Matcher matcher = Pattern
			.compile("<a class=\"nav-link[^\"]*\"[^>]*href=\"" + Pattern.quote(path) + "\"[^>]*>")
			.matcher(page);
		assertThat(matcher.find()).as("link " + path).isTrue();
		return matcher.group();
	}

	static List<String> hrefs(String html) {
		return Pattern.compile("href=\"([^\"]+)\"").matcher(html).results().map(result -> result.group(1)).toList();
	}

	static long count(String html, String text) {
		return Pattern.compile(Pattern.quote(text)).matcher(html).results().count();
	}
}
