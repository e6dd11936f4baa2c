package com.nexustime.approval;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
 * name, decline with a reason). Unknown, tampered and cancelled links get the same bare 404; expired ones 410.
 */
@Controller
@RequestMapping("/public/approvals/{token}")
class PublicApprovalPages {

	private static final String PAGE = "public/approval";

	private static final int MAX_TEXT = 2000;

	private final ApprovalDecisions approvals;

	PublicApprovalPages(ApprovalDecisions approvals) {
		this.approvals = approvals;
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
		boolean decided = approvals.approve(token, name, clientAddress(request), userAgent(request));
		model.addAttribute(decided ? "confirmation" : "alreadyDecided", true);
		model.addAttribute("approval", approvals.shown(token));
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
		boolean decided = approvals.decline(token, text, clientAddress(request), userAgent(request));
		model.addAttribute(decided ? "confirmation" : "alreadyDecided", true);
		model.addAttribute("approval", approvals.shown(token));
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
