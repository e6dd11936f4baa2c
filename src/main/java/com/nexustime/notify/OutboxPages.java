package com.nexustime.notify;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's view of outgoing mail: what waits, what went, what failed and why. */
@Controller
@RequestMapping("/admin/outbox")
@PreAuthorize("hasRole('ADMIN')")
class OutboxPages {

	private static final String VIEW = "admin/outbox";

	private static final int SHOWN = 200;

	private final Mailer mailer;

	private final boolean sending;

	OutboxPages(Mailer mailer, @Value("${spring.mail.host:}") String smtpHost,
			@Value("${nexus.mail.enabled:true}") boolean enabled) {
		this.mailer = mailer;
		this.sending = !smtpHost.isBlank() && enabled;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("mails", mailer.newest(SHOWN));
		model.addAttribute("sending", sending);
		return VIEW;
	}

	@PostMapping("/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes flash) {
		mailer.retry(id);
		flash.addFlashAttribute("message", "Mail " + id + " is queued again.");
		return "redirect:/admin/outbox";
	}
}
