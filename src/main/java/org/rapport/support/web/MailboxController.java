package org.rapport.support.web;

import jakarta.validation.Valid;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserDirectory;
import org.rapport.shared.InvalidField;
import org.rapport.support.internal.CaseMailbox;
import org.rapport.support.internal.Mailbox;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administration of the service mailbox that e-mail to case reads: its settings, when it was last read and what
 * went wrong then, and a test that signs in with the saved settings.
 */
@Controller
@RequestMapping(MailboxController.PATH)
class MailboxController {

	static final String PATH = "/admin/support/mailbox";

	private final CaseMailbox mailbox;
	private final CurrentActor currentActor;
	private final UserDirectory directory;

	MailboxController(CaseMailbox mailbox, CurrentActor currentActor, UserDirectory directory) {
		this.mailbox = mailbox;
		this.currentActor = currentActor;
		this.directory = directory;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("input", MailboxInput.of(mailbox.settings()));
		return page(model);
	}

	@PostMapping
	String save(@Valid @ModelAttribute("input") MailboxInput input, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				mailbox.change(currentActor.get(), input.version() == null ? -1 : input.version(), input.toSettings());
				redirect.addFlashAttribute("success", "flash.mailbox.saved");
				return "redirect:" + PATH;
			}
			catch (InvalidField invalid) {
				errors.rejectValue(invalid.field(), invalid.messageKey(), invalid.getArguments(),
						invalid.getDefaultMessage());
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
		}
		return page(model);
	}

	/** Signs in with the saved settings: the page then says how many messages the folder holds, or why it failed. */
	@PostMapping("/test")
	String test(Model model) {
		try {
			model.addAttribute("testCount", mailbox.test(currentActor.get()));
		}
		catch (CaseMailbox.MailboxUnreachable unreachable) {
			model.addAttribute("testFailure", unreachable);
		}
		model.addAttribute("input", MailboxInput.of(mailbox.settings()));
		return page(model);
	}

	private String page(Model model) {
		model.addAttribute("mailbox", mailbox.settings());
		model.addAttribute("securities", Mailbox.Security.values());
		model.addAttribute("unknownSenderChoices", Mailbox.UnknownSenders.values());
		model.addAttribute("users", directory.activeUsers());
		model.addAttribute("teams", directory.teams());
		return "support/admin/mailbox";
	}
}
