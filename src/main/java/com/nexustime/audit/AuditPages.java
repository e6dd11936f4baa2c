package com.nexustime.audit;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit log for admins and auditors: filters, each change's before and after, and the chain check. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
class AuditPages {

	private static final String VIEW = "audit/audit";

	/** The page's filter form; the bounds stay text so that a mistyped one is shown back with its error. */
	public static class Filter {

		private String entityType;

		private String entityId;

		private String actor;

		private String from;

		private String to;

		public String getEntityType() {
			return entityType;
		}

		public void setEntityType(String entityType) {
			this.entityType = entityType;
		}

		public String getEntityId() {
			return entityId;
		}

		public void setEntityId(String entityId) {
			this.entityId = entityId;
		}

		public String getActor() {
			return actor;
		}

		public void setActor(String actor) {
			this.actor = actor;
		}

		public String getFrom() {
			return from;
		}

		public void setFrom(String from) {
			this.from = from;
		}

		public String getTo() {
			return to;
		}

		public void setTo(String to) {
			this.to = to;
		}
	}

	private final AuditTrail trail;

	private final AuditSealer sealer;

	AuditPages(AuditTrail trail, AuditSealer sealer) {
		this.trail = trail;
		this.sealer = sealer;
	}

	@GetMapping("/audit")
	String show(@ModelAttribute("filter") Filter filter, BindingResult result, Model model) {
		TimeBound from = bound(filter.getFrom(), "from", result);
		TimeBound to = bound(filter.getTo(), "to", result);
		List<AuditEntry> entries = result.hasErrors() ? List.of()
				: trail.search(new AuditQuery(filter.getEntityType(), filter.getEntityId(), filter.getActor(),
						from == null ? null : from.asStart(), to == null ? null : to.asEndExclusive(),
						AuditQuery.DEFAULT_LIMIT));
		model.addAttribute("entries", entries);
		model.addAttribute("limit", AuditQuery.DEFAULT_LIMIT);
		model.addAttribute("window", sealer.window().toSeconds());
		return VIEW;
	}

	/** A GET: checking the chain changes nothing, so auditors, who may send nothing else, can run it. */
	@GetMapping("/audit/verify")
	String verify(RedirectAttributes redirect) {
		ChainVerification verification = trail.verify();
		if (verification.ok()) {
			redirect.addFlashAttribute("message", "The chain is intact: all " + verification.checked()
					+ " sealed records match their hashes and links. " + unsealedText(verification));
		}
		else {
			ChainVerification.BrokenLink link = verification.firstBroken();
			redirect.addFlashAttribute("error", "The chain is broken at record " + link.id()
					+ (link.at() == null ? "" : " (written " + link.at() + ")") + ": " + problemText(link) + " "
					+ unsealedText(verification));
			redirect.addFlashAttribute("broken", link);
		}
		redirect.addFlashAttribute("verification", verification);
		return "redirect:/audit";
	}

	private static String problemText(ChainVerification.BrokenLink link) {
		return switch (link.problem()) {
			case ChainVerification.CONTENT_CHANGED -> "its content was changed after it was sealed. Expected hash "
					+ link.expectedHash() + ", stored " + link.storedHash() + ".";
			case ChainVerification.RECORD_REMOVED -> "the record was deleted; its seal (hash " + link.expectedHash()
					+ ") is still in the chain.";
			case ChainVerification.NOT_IN_CHAIN -> "no seal covers it although later records are sealed: it was "
					+ "inserted behind the app's back, or its seal was removed.";
			default -> "the record before it was removed or another inserted. Expected hash " + link.expectedHash()
					+ ", stored " + link.storedHash() + ".";
		};
	}

	private static String unsealedText(ChainVerification verification) {
		if (verification.unsealed() == 0) {
			return "No records are waiting to be sealed.";
		}
		String text = verification.unsealed() + " newer records are not sealed yet; the oldest was written "
				+ verification.oldestUnsealedAt() + ", " + Math.round(verification.oldestUnsealedSeconds())
				+ " s ago";
		return text + (verification.withinWindow()
				? " (they are sealed within " + verification.unsealedWindowSeconds() + " s)."
				: ", longer than the " + verification.unsealedWindowSeconds()
						+ " s window: the sealer is not running, or a transaction has been open that long.");
	}

	private static TimeBound bound(String text, String field, BindingResult result) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		try {
			return TimeBound.valueOf(text);
		}
		catch (IllegalArgumentException ex) {
			result.rejectValue(field, "format", "use a date like 2026-11-23 or an instant like 2026-11-23T09:00:00Z");
			return null;
		}
	}
}
