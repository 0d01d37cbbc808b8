package org.rapport.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A page links its style sheets and scripts at addresses that carry a hash of their content (and a web jar's version),
 * which browsers keep for a year; a style sheet's fonts are linked likewise; the plain address of a file still serves it.
 */
@RapportTest
class StaticResourcesIntegrationTests {

	private static final Pattern OWN_STYLES = Pattern.compile("/css/rapport-[0-9a-f]{32}\\.css");
	private static final Pattern ICONS = Pattern
		.compile("/webjars/bootstrap-icons/[0-9.]+/font/bootstrap-icons\\.min-[0-9a-f]{32}\\.css");
	private static final Pattern FONT = Pattern.compile("fonts/bootstrap-icons-[0-9a-f]{32}\\.woff2");

	@Autowired
	MockMvc mvc;

	@Test
	void aPageLinksItsFilesByTheirContentAndTheBrowserKeepsThemForAYear() throws Exception {
		String page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		String styles = find(OWN_STYLES, page);
		assertThat(page).doesNotContain("\"/css/rapport.css\"");
		mvc.perform(get(styles))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"));

		String iconsAddress = find(ICONS, page);
		String icons = mvc.perform(get(iconsAddress))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"))
			.andReturn().getResponse().getContentAsString();
		String font = find(FONT, icons);
		mvc.perform(get(iconsAddress.substring(0, iconsAddress.lastIndexOf('/') + 1) + font))
			.andExpect(status().isOk());

		// an address without the hash, as an older page or a bookmark has it, still finds the file
		mvc.perform(get("/css/rapport.css")).andExpect(status().isOk());
	}

	private static String find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
		return matcher.group();
	}
}
