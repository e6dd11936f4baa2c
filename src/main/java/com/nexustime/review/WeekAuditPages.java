package com.nexustime.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.nexustime.audit.AuditEntry;
import com.nexustime.audit.AuditQuery;
import com.nexustime.audit.AuditTrail;
import com.nexustime.people.UserService;
import com.nexustime.people.UserView;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * One person's week as an auditor reads it: its status, every submit, decision and recall with who and when,
 * where the latest review stands on its diagram, and every change to the person's entries of that week
 * (deleted ones included). For admins, auditors and the person's manager.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','AUDITOR','MANAGER')")
class WeekAuditPages {

	private static final String VIEW = "audit/week";

	private final WeekReviewService reviews;

	private final AuditTrail audit;

	private final UserService users;

	private final WorkspaceSettings workspace;

	WeekAuditPages(WeekReviewService reviews, AuditTrail audit, UserService users, WorkspaceSettings workspace) {
		this.reviews = reviews;
		this.audit = audit;
		this.users = users;
		this.workspace = workspace;
	}

	@GetMapping("/audit/weeks/{userId}/{weekStart}")
	String show(@AuthenticationPrincipal CurrentUser viewer, @PathVariable long userId,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekStart, Model model) {
		UserView person = users.find(userId)
			.filter(u -> viewer.isAdmin() || viewer.has(Role.AUDITOR) || viewer.id().equals(u.managerId()))
			.orElseThrow(() -> new NotFoundException("Week of user", userId));
		LocalDate start = workspace.current().weekContaining(weekStart);
		if (!start.equals(weekStart)) {
			return "redirect:/audit/weeks/" + userId + "/" + start;
		}
		LocalDate end = start.plusDays(6);
		List<AuditEntry> weekRecords = new ArrayList<>(audit.search(new AuditQuery(WeekReviewService.ENTITY,
				new WeekKey(userId, start).businessKey(), null, null, null, AuditQuery.MAX_LIMIT)));
		Collections.reverse(weekRecords);
		model.addAttribute("person", person);
		model.addAttribute("weekStart", start);
		model.addAttribute("weekEnd", end);
		model.addAttribute("status", reviews.status(userId, start));
		model.addAttribute("weekRecords", weekRecords);
		model.addAttribute("steps", reviews.history(viewer, userId, start));
		model.addAttribute("trail", reviews.latestTrail(viewer, userId, start));
		model.addAttribute("entryRecords", audit.timeEntriesOf(userId, start, end));
		return VIEW;
	}
}
