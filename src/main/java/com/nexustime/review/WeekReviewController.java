package com.nexustime.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.workflow.ProcessTrail;

/** Submitting, recalling and the history of a week's review. */
@RestController
@RequestMapping("/api/v1/timesheets/{weekStart}")
class WeekReviewController {

	private final WeekReviewService reviews;

	WeekReviewController(WeekReviewService reviews) {
		this.reviews = reviews;
	}

	@PostMapping("/submit")
	@PreAuthorize("hasAnyRole('STAFF','MANAGER','ADMIN')")
	ResponseEntity<Map<String, Object>> submit(@AuthenticationPrincipal CurrentUser user,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekStart) {
		WeekStatus week = reviews.submit(user, weekStart);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", week.status(), "processInstanceId",
				week.processInstanceId(), "weekStart", week.weekStart()));
	}

	@PostMapping("/recall")
	@PreAuthorize("hasAnyRole('STAFF','MANAGER','ADMIN')")
	WeekStatus recall(@AuthenticationPrincipal CurrentUser user,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekStart) {
		return reviews.recall(user, weekStart);
	}

	@GetMapping("/history")
	List<ProcessTrail.Step> history(@AuthenticationPrincipal CurrentUser user,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekStart,
			@RequestParam(required = false) Long userId) {
		return reviews.history(user, userId == null ? user.id() : userId, weekStart);
	}
}
