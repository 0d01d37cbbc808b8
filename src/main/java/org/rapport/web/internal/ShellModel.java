package org.rapport.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.web.MenuEntry;
import org.rapport.web.NavbarWidget;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Gives every page of the UI what the layout shows: the signed-in user ({@code actor}), their menu
 * ({@code navigation}: the entries of their own, the groups with the entries the user may see, and the entry of the
 * page shown), the widgets of the bar that modules serve ({@code navbarWidgets}) and where they are
 * ({@code currentPath}). It fills the model of a view about to be rendered, so the
 * API's answers, redirects and files cost nothing; a value the controller put in the model stays.
 */
@Configuration
class ShellModel implements WebMvcConfigurer, HandlerInterceptor {

	private final List<MenuEntry> menu;
	private final List<NavbarWidget> widgets;
	private final CurrentActor currentActor;

	ShellModel(List<MenuEntry> menu, List<NavbarWidget> widgets, CurrentActor currentActor) {
		this.menu = List.copyOf(menu);
		this.widgets = widgets.stream().sorted(java.util.Comparator.comparingInt(NavbarWidget::order)).toList();
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
		if (!model.containsAttribute("navigation")) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			model.addAttribute("navigation",
					actor == null ? Navigation.NONE : Navigation.of(menu, roleNames(actor), path));
		}
		model.putIfAbsent("currentPath", request.getRequestURI());
		model.putIfAbsent("navbarWidgets", actor == null ? List.of() : widgets);
	}

	private static Set<String> roleNames(Actor actor) {
		return actor.roles().stream().map(Enum::name).collect(Collectors.toSet());
	}
}
