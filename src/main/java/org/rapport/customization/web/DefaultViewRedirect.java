package org.rapport.customization.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.customization.internal.SavedViewService;
import org.rapport.identity.CurrentActor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Opens a list with the user's default view: a list page asked for without any parameter, as the menu links
 * ask for it, goes to the address of that view instead.
 */
@Configuration(proxyBeanMethods = false)
class DefaultViewRedirect implements WebMvcConfigurer {

	private final SavedViewService views;
	private final CurrentActor currentActor;

	DefaultViewRedirect(SavedViewService views, CurrentActor currentActor) {
		this.views = views;
		this.currentActor = currentActor;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws Exception {
				if (!"GET".equals(request.getMethod()) || request.getQueryString() != null
						|| request.getHeader("HX-Request") != null) {
					return true;
				}
				String list = request.getRequestURI().substring(1);
				var query = currentActor.find().flatMap(actor -> views.defaultQuery(actor, list));
				if (query.isPresent() && !query.get().isEmpty()) {
					response.sendRedirect("/" + list + "?" + query.get());
					return false;
				}
				return true;
			}
		}).addPathPatterns(SavedViewService.LISTS.stream().map(list -> "/" + list).toArray(String[]::new));
	}
}
