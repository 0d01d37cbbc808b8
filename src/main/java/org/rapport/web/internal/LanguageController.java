package org.rapport.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserPreferences;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Switches the language of the UI for this session and remembers it for the user's next sign-in.
 */
@Controller
class LanguageController {

	private final LocaleResolver localeResolver;
	private final CurrentActor currentActor;
	private final UserPreferences preferences;

	LanguageController(LocaleResolver localeResolver, CurrentActor currentActor, UserPreferences preferences) {
		this.localeResolver = localeResolver;
		this.currentActor = currentActor;
		this.preferences = preferences;
	}

	@PostMapping("/preferences/language")
	String switchLanguage(@RequestParam String lang,
			@RequestHeader(name = "Referer", required = false) String referer, HttpServletRequest request,
			HttpServletResponse response) {
		Locale locale = SupportedLocales.pick(lang);
		localeResolver.setLocale(request, response, locale);
		currentActor.find().ifPresent(actor -> preferences.preferLocale(actor.id(), locale));
		return "redirect:" + sameSitePath(referer, request);
	}

	/** Only ever sends the user back to a page of this site. */
	private static String sameSitePath(String referer, HttpServletRequest request) {
		if (referer == null) {
			return "/";
		}
		try {
			URI uri = URI.create(referer);
			if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
				return "/";
			}
			String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
			if (!path.startsWith("/") || path.startsWith("//")) {
				return "/";
			}
			return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
		}
		catch (IllegalArgumentException malformed) {
			return "/";
		}
	}
}
