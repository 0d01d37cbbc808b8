package org.rapport.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.web.MenuEntry;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Gives every page of the UI what the layout shows: the signed-in user ({@code actor}), their menu ({@code menu},
 * and the entries that need a role, {@code adminMenu}) and where they are ({@code currentPath}). It fills the model
 * of a view about to be rendered, so the API's answers, redirects and files cost nothing; a value the controller
 * put in the model stays.
 */
@Configuration
class ShellModel implements WebMvcConfigurer, HandlerInterceptor {

	private final List<MenuEntry> menu;
	private final CurrentActor currentActor;

	ShellModel(List<MenuEntry> menu, CurrentActor currentActor) {
		this.menu = menu.stream().sorted(Comparator.comparingInt(MenuEntry::order)).toList();
		this.currentActor = currentActor;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/api/**", "/v3/api-docs/**", "/actuator/**");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || !page.hasView() || page.getView() instanceof RedirectView
				|| (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
			return;
		}
		Actor actor = currentActor.find().orElse(null);
		var model = page.getModelMap();
		model.putIfAbsent("actor", actor);
		model.putIfAbsent("menu", actor == null ? List.of() : everyones());
		model.putIfAbsent("adminMenu", actor == null ? List.of() : byRole(actor));
		model.putIfAbsent("currentPath", request.getRequestURI());
	}

	/** The main navigation: the entries that every user has. */
	private List<MenuEntry> everyones() {
		return menu.stream().filter(entry -> entry.requiredRole() == null).toList();
	}

	/** The entries that need a role, which the navigation gathers under one menu so that it fits one line. */
	private List<MenuEntry> byRole(Actor actor) {
		return menu.stream()
			.filter(entry -> entry.requiredRole() != null
					&& actor.roles().stream().anyMatch(role -> role.name().equals(entry.requiredRole())))
			.toList();
	}
}
