package org.rapport.activities.web;

import org.rapport.activities.internal.CalendarFeeds;
import org.rapport.identity.CurrentActor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The personal calendar feed: its page, where the user makes, resets or stops the secret address, and the feed
 * itself at {@code /public/calendar/{secret}.ics}, which calendar programs read without signing in.
 */
@Controller
class CalendarFeedController {

	private final CalendarFeeds feeds;
	private final CurrentActor currentActor;

	CalendarFeedController(CalendarFeeds feeds, CurrentActor currentActor) {
		this.feeds = feeds;
		this.currentActor = currentActor;
	}

	@GetMapping("/calendar/feed")
	String page(Model model) {
		model.addAttribute("hasFeed", feeds.hasFeed(currentActor.get().id()));
		model.addAttribute("feedBase",
				org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		return "activities/feed";
	}

	/** A new address; the old one stops at once. The address shows once, on the page that follows. */
	@PostMapping("/calendar/feed")
	String reset(RedirectAttributes redirect) {
		String secret = feeds.reset(currentActor.get().id());
		redirect.addFlashAttribute("feedPath", "/public/calendar/" + secret + ".ics");
		redirect.addFlashAttribute("success", "flash.feed.reset");
		return "redirect:/calendar/feed";
	}

	@PostMapping("/calendar/feed/stop")
	String stop(RedirectAttributes redirect) {
		feeds.stop(currentActor.get().id());
		redirect.addFlashAttribute("success", "flash.feed.stopped");
		return "redirect:/calendar/feed";
	}

	@GetMapping("/public/calendar/{secret}.ics")
	@ResponseBody
	ResponseEntity<String> feed(@PathVariable String secret) {
		return feeds.feed(secret)
			.map(text -> ResponseEntity.ok()
				.contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
				.cacheControl(CacheControl.noStore())
				.body(text))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}
}
