package com.nexustime.tracking;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.system.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/timer")
@PreAuthorize("hasAnyRole('STAFF','MANAGER','ADMIN')")
class TimerController {

	private final TimerService timers;

	TimerController(TimerService timers) {
		this.timers = timers;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	RunningTimer start(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody TimerRequest request) {
		return timers.start(user, request);
	}

	@GetMapping
	ResponseEntity<RunningTimer> current(@AuthenticationPrincipal CurrentUser user) {
		return timers.current(user.id()).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/stop")
	TimeEntry stop(@AuthenticationPrincipal CurrentUser user, @RequestBody(required = false) TimerStop stop) {
		return timers.stop(user, stop == null ? null : stop.end());
	}

	@PostMapping("/switch")
	@ResponseStatus(HttpStatus.CREATED)
	TimerSwitched switchTo(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody TimerSwitch request) {
		return timers.switchTo(user, request);
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void discard(@AuthenticationPrincipal CurrentUser user) {
		timers.discard(user);
	}
}
