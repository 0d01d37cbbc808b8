package org.rapport.notifications.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.notifications.Delivery;
import org.rapport.notifications.NoticeKind;
import org.rapport.notifications.internal.MailSender;
import org.rapport.notifications.internal.Notification;
import org.rapport.notifications.internal.NotificationCentre;
import org.rapport.web.NavbarWidget;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notification centre's pages: the bell in the bar with the unread count, the list with mark-read and
 * mark-all-read, and each user's choices of how they get each kind of notice.
 */
@Controller
class NotificationController {

	static final int PAGE = 25;

	private final NotificationCentre centre;
	private final CurrentActor currentActor;
	private final MailSender mail;

	NotificationController(NotificationCentre centre, CurrentActor currentActor, MailSender mail) {
		this.centre = centre;
		this.currentActor = currentActor;
		this.mail = mail;
	}

	/** The bell reloads every 30 seconds, so a notice shows without a reload of the page. */
	@Bean
	static NavbarWidget notificationBell() {
		return new NavbarWidget("/notifications/bell", 10, 30);
	}

	@GetMapping("/notifications/bell")
	String bell(Model model) {
		model.addAttribute("unread", centre.unreadCount(currentActor.get().id()));
		model.addAttribute("countLimit", NotificationCentre.COUNT_LIMIT);
		return "notifications/bell :: bell";
	}

	@GetMapping("/notifications")
	String list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			Model model) {
		Actor actor = currentActor.get();
		int shown = Math.max(0, Math.min(page, 10_000));
		List<Notification> rows = centre.list(actor.id(), unread, shown, PAGE + 1);
		model.addAttribute("notifications", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
		model.addAttribute("hasNext", rows.size() > PAGE);
		model.addAttribute("page", shown);
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("unread", centre.unreadCount(actor.id()));
		return "notifications/list";
	}

	/** Marks the notice read and opens what it is about, or the list again. */
	@PostMapping("/notifications/{id}/read")
	String read(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean open,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Notification notification = centre.read(currentActor.get().id(), id);
		if (open && notification.getLink() != null) {
			return "redirect:" + notification.getLink();
		}
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String readAll(RedirectAttributes redirect) {
		int read = centre.readAll(currentActor.get().id());
		redirect.addFlashAttribute("success", read == 0 ? "flash.notifications.noneUnread" : "flash.notifications.read");
		return "redirect:/notifications";
	}

	@GetMapping("/notifications/settings")
	String settings(Model model) {
		Actor actor = currentActor.get();
		model.addAttribute("kinds", centre.kinds());
		model.addAttribute("choices", centre.choicesOf(actor.id()));
		model.addAttribute("deliveries", Delivery.values());
		model.addAttribute("digest", centre.digestOf(actor.id()));
		model.addAttribute("mailConfigured", mail.isConfigured());
		return "notifications/settings";
	}

	@PostMapping("/notifications/settings")
	String choose(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		Map<String, Delivery> choices = new LinkedHashMap<>();
		for (NoticeKind kind : centre.kinds()) {
			String chosen = form.getFirst("delivery." + kind.code());
			if (chosen != null) {
				try {
					choices.put(kind.code(), Delivery.valueOf(chosen));
				}
				catch (IllegalArgumentException unknown) {
					// a choice the form never offers: the kind keeps what it had
				}
			}
		}
		centre.choose(currentActor.get().id(), choices, "on".equals(form.getFirst("digest"))
				|| "true".equals(form.getFirst("digest")));
		redirect.addFlashAttribute("success", "flash.notifications.settings");
		return "redirect:/notifications/settings";
	}
}
