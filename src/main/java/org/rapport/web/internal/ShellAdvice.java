package org.rapport.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.web.MenuEntry;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page of the UI what the layout shows: the signed-in user, their menu and where they are.
 */
@ControllerAdvice(annotations = Controller.class)
class ShellAdvice {

	private final List<MenuEntry> menu;
	private final CurrentActor currentActor;

	ShellAdvice(List<MenuEntry> menu, CurrentActor currentActor) {
		this.menu = menu.stream().sorted(Comparator.comparingInt(MenuEntry::order)).toList();
		this.currentActor = currentActor;
	}

	@ModelAttribute("actor")
	Actor actor() {
		return currentActor.find().orElse(null);
	}

	/** The main navigation: the entries that every user has. */
	@ModelAttribute("menu")
	List<MenuEntry> menu() {
		return currentActor.find()
			.map(actor -> menu.stream().filter(entry -> entry.requiredRole() == null).toList())
			.orElse(List.of());
	}

	/** The entries that need a role, which the navigation gathers under one menu so that it fits one line. */
	@ModelAttribute("adminMenu")
	List<MenuEntry> adminMenu() {
		return currentActor.find()
			.map(actor -> menu.stream()
				.filter(entry -> entry.requiredRole() != null
						&& actor.roles().stream().anyMatch(role -> role.name().equals(entry.requiredRole())))
				.toList())
			.orElse(List.of());
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}
}
