package com.nexustime.approval;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.nexustime.system.web.NotFoundException;

/**
 * The page the client reaches from the mail: no account, the lines as sent, and two forms (approve with a typed
 * name, decline with a reason), and once approved the signed timesheet's PDF. Unknown, tampered and cancelled
 * links get the same bare 404; expired ones 410.
 */
@Controller
@RequestMapping("/public/approvals/{token}")
class PublicApprovalPages {

	private static final String PAGE = "public/approval";

	private static final int MAX_TEXT = 2000;

	private final ApprovalDecisions approvals;

	private final ApprovalEvidence evidence;

	PublicApprovalPages(ApprovalDecisions approvals, ApprovalEvidence evidence) {
		this.approvals = approvals;
		this.evidence = evidence;
	}

	/** The forms post back to the same link. */
	@ModelAttribute("token")
	String token(@PathVariable String token) {
		return token;
	}

	@GetMapping
	String show(@PathVariable String token, HttpServletRequest request, Model model) {
		model.addAttribute("approval", approvals.view(token, clientAddress(request), userAgent(request)));
		return PAGE;
	}

	/**
	 * Once the client approved, the timesheet PDF as it was sent and signed (its bytes hashed at send time, its text
	 * carrying the snapshot hash the page shows). Before a decision, or after a decline, the link offers none.
	 */
	@GetMapping("/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String token) {
		PublicApproval approval = approvals.shown(token);
		if (!approval.isApproved()) {
			throw new NotFoundException("Approved timesheet", "?");
		}
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"timesheet-approved-" + approval.id() + ".pdf\"")
			.header("Referrer-Policy", "no-referrer")
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_PDF)
			.body(evidence.pdf(approval.id()));
	}

	@PostMapping("/approve")
	String approve(@PathVariable String token, @RequestParam(defaultValue = "") String signature,
			HttpServletRequest request, Model model) {
		String name = signature.trim();
		if (!StringUtils.hasText(name) || name.length() > 200) {
			model.addAttribute("signatureError", name.isEmpty() ? "Type your full name to approve."
					: "Your name can have at most 200 characters.");
			model.addAttribute("signature", signature);
			model.addAttribute("approval", approvals.shown(token));
			return PAGE;
		}
		ApprovalDecisions.Outcome outcome = approvals.approveAndShow(token, name, clientAddress(request),
				userAgent(request));
		model.addAttribute(outcome.decided() ? "confirmation" : "alreadyDecided", true);
		model.addAttribute("approval", outcome.approval());
		return PAGE;
	}

	@PostMapping("/decline")
	String decline(@PathVariable String token, @RequestParam(defaultValue = "") String reason,
			HttpServletRequest request, Model model) {
		String text = reason.trim();
		if (!StringUtils.hasText(text) || text.length() > MAX_TEXT) {
			model.addAttribute("reasonError", text.isEmpty() ? "Tell us why you decline, so the hours can be corrected."
					: "The reason can have at most " + MAX_TEXT + " characters.");
			model.addAttribute("reason", reason);
			model.addAttribute("approval", approvals.shown(token));
			return PAGE;
		}
		ApprovalDecisions.Outcome outcome = approvals.declineAndShow(token, text, clientAddress(request),
				userAgent(request));
		model.addAttribute(outcome.decided() ? "confirmation" : "alreadyDecided", true);
		model.addAttribute("approval", outcome.approval());
		return PAGE;
	}

	@ExceptionHandler(NotFoundException.class)
	String unknown(HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("gone", false);
		return "public/link-unavailable";
	}

	@ExceptionHandler(LinkGoneException.class)
	String expired(HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_GONE);
		model.addAttribute("gone", true);
		return "public/link-unavailable";
	}

	/**
	 * The connecting peer. Behind a proxy the operator trusts ({@code NEXUS_TRUSTED_PROXIES}), Tomcat's remote-IP
	 * handling has already put the forwarded client address here; a header from anyone else counts for nothing.
	 */
	static String clientAddress(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		return peer != null && peer.length() > 100 ? peer.substring(0, 100) : peer;
	}

	private static String userAgent(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		return agent == null ? null : agent.length() > 500 ? agent.substring(0, 500) : agent;
	}
}
