package org.rapport.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.rapport.identity.CurrentActor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The UI speaks the language chosen in this session, else the user's saved one, else the browser's.
 */
@Configuration
class LocaleConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver(CurrentActor currentActor) {
		return new UserLocaleResolver(currentActor);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		// visitors who are not signed in choose the language where they arrive: the sign-in page and the public pages
		registry.addInterceptor(interceptor).addPathPatterns("/login", "/public/**");
	}

	static class UserLocaleResolver extends SessionLocaleResolver {

		private final CurrentActor currentActor;

		UserLocaleResolver(CurrentActor currentActor) {
			this.currentActor = currentActor;
			setDefaultLocaleFunction(this::fallback);
		}

		private Locale fallback(HttpServletRequest request) {
			return currentActor.find()
				.map(actor -> SupportedLocales.pick(actor.locale()))
				.orElseGet(() -> SupportedLocales.pick(request.getLocale()));
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			super.setLocale(request, response, locale == null ? null : SupportedLocales.pick(locale));
		}
	}
}
