package com.nexustime.notify;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.system.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/me/notifications")
@PreAuthorize("isAuthenticated()")
class NotificationController {

	private static final int MOST = 100;

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	Notifications.Inbox inbox(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "20") int limit) {
		return notifications.inbox(user.id(), Math.max(1, Math.min(limit, MOST)));
	}

	@PostMapping("/{id}/read")
	Notification read(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return notifications.markRead(user.id(), id);
	}
}
