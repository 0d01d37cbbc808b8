package org.rapport.customers.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.customers.AccountPanel;
import org.rapport.customers.internal.Lifecycle;
import org.rapport.customers.internal.LifecycleChange;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.shared.InvalidField;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lifecycle panel of the account page: each move between stages with when and why, and "Mark lost".
 */
@Controller
class LifecycleController {

	static final int HISTORY_SHOWN = 20;

	private final Lifecycle lifecycle;
	private final CurrentActor currentActor;
	private final UserDirectory directory;

	LifecycleController(Lifecycle lifecycle, CurrentActor currentActor, UserDirectory directory) {
		this.lifecycle = lifecycle;
		this.currentActor = currentActor;
		this.directory = directory;
	}

	@Bean
	static AccountPanel lifecyclePanel() {
		return new AccountPanel("/accounts/{id}/lifecycle", 30, false);
	}

	@GetMapping("/accounts/{id}/lifecycle")
	String panel(@PathVariable UUID id, Model model) {
		var history = lifecycle.historyOf(currentActor.get(), id, HISTORY_SHOWN);
		Set<UserId> people = history.stream().map(LifecycleChange::getChangedBy).filter(Objects::nonNull)
			.map(UserId::new).collect(Collectors.toSet());
		Map<UUID, String> names = new HashMap<>();
		directory.displayNames(people).forEach((user, name) -> names.put(user.value(), name));
		model.addAttribute("accountId", id);
		model.addAttribute("history", history);
		model.addAttribute("changerNames", names);
		model.addAttribute("stage", lifecycle.statusOf(new org.rapport.customers.AccountId(id)).orElseThrow().stage());
		return "customers/accounts/lifecycle :: panel";
	}

	@PostMapping("/accounts/{id}/lifecycle/lost")
	String markLost(@PathVariable UUID id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			lifecycle.markLost(currentActor.get(), id, reason);
			redirect.addFlashAttribute("success", "flash.account.markedLost");
		}
		catch (InvalidField invalid) {
			redirect.addFlashAttribute("failure", "lifecycle.lost.reason.missing");
		}
		return "redirect:/accounts/" + id;
	}
}
