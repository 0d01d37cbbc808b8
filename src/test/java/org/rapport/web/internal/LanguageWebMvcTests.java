package org.rapport.web.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

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
import org.rapport.identity.UserPreferences;
import org.rapport.identity.VisibilityScope;
import org.rapport.web.WebSliceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The language of the UI: the one chosen in this session, else the user's saved one, else the browser's; English
 * where none of them is Chinese. Choosing one keeps it for the session, saves it for the user's next sign-in and
 * goes back to the page it was chosen on, never to another site.
 */
@WebSliceTest({ LanguageController.class, LanguageWebMvcTests.Spoken.class })
@Import(LanguageWebMvcTests.Spoken.class)
@WithMockUser
class LanguageWebMvcTests {

	static final Actor WANG = new Actor(new UserId(UUID.fromString("0193a7c2-5b1e-7d3a-9f00-00000000000a")),
			"Wang Fang", null, Set.of(Role.SALES), VisibilityScope.TEAM, ZoneId.of("Asia/Shanghai"),
			Locale.SIMPLIFIED_CHINESE);

	@Autowired
	MockMvc mvc;

	@Autowired
	CurrentActor currentActor;

	@Autowired
	UserPreferences preferences;

	/** Answers with the word "Language" in the language the request is answered in. */
	@RestController
	static class Spoken {

		private final MessageSource messages;

		Spoken(MessageSource messages) {
			this.messages = messages;
		}

		@GetMapping("/spoken")
		String spoken() {
			return messages.getMessage("nav.language", null, LocaleContextHolder.getLocale());
		}
	}

	@Test
	void aChosenLanguageHoldsForTheSessionWhateverTheBrowserAsksAndIsSavedForTheUser() throws Exception {
		given(currentActor.find()).willReturn(Optional.of(WANG.inLocale(Locale.ENGLISH)));
		MockHttpSession session = new MockHttpSession();

		mvc.perform(post("/preferences/language").with(csrf()).session(session)
			.param("lang", "zh-CN")
			.header(HttpHeaders.REFERER, "http://localhost/accounts?stage=NEW&page=2"))
			.andExpect(redirectedUrl("/accounts?stage=NEW&page=2"));

		then(preferences).should().preferLocale(WANG.id(), Locale.SIMPLIFIED_CHINESE);
		mvc.perform(get("/spoken").session(session).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andExpect(content().string("语言"));
		mvc.perform(post("/preferences/language").with(csrf()).session(session).param("lang", "fr"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/spoken").session(session).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
			.andExpect(content().string("Language"));
	}

	@Test
	void withoutAChoiceTheSavedLanguageOfTheUserComesBeforeTheBrowsers() throws Exception {
		given(currentActor.find()).willReturn(Optional.of(WANG));
		mvc.perform(get("/spoken").header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB")).andExpect(content().string("语言"));

		given(currentActor.find()).willReturn(Optional.empty());
		mvc.perform(get("/spoken").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-TW,zh;q=0.9"))
			.andExpect(content().string("语言"));
		mvc.perform(get("/spoken").header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE")).andExpect(content().string("Language"));
	}

	@Test
	void theChoiceGoesBackOnlyToAPageOfThisSite() throws Exception {
		for (String elsewhere : new String[] { "https://evil.example/accounts", "//evil.example/accounts",
				"javascript:alert(1)", "not a url" }) {
			mvc.perform(post("/preferences/language").with(csrf()).param("lang", "en")
				.header(HttpHeaders.REFERER, elsewhere))
				.andExpect(redirectedUrl("/"));
		}
		mvc.perform(post("/preferences/language").with(csrf()).param("lang", "en")).andExpect(redirectedUrl("/"));
		then(preferences).should(never()).preferLocale(any(), any());
	}
}
