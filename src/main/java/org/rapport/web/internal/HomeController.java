package org.rapport.web.internal;

import java.util.Comparator;
import java.util.List;
import org.rapport.web.HomeCard;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: a card from each module that has one, each loaded on its own.
 */
@Controller
class HomeController {

	private final List<HomeCard> cards;

	HomeController(List<HomeCard> cards) {
		this.cards = cards.stream().sorted(Comparator.comparingInt(HomeCard::order)).toList();
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("cards", cards);
		return "home";
	}
}
