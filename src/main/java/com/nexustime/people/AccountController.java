package com.nexustime.people;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.PasswordGuesses;

/** A person's own password, a forgotten one, and an admin's invitation to set a first one. */
@RestController
@RequestMapping("/api/v1")
class AccountController {

	record PasswordChange(@Size(max = 200) String currentPassword, @Size(max = 200) String newPassword) {
	}

	record ResetRequest(@Size(max = 254) String email) {
	}

	private final Accounts accounts;

	private final OwnPassword ownPassword;

	private final SignedInSessions sessions;

	AccountController(Accounts accounts, OwnPassword ownPassword, SignedInSessions sessions) {
		this.accounts = accounts;
		this.ownPassword = ownPassword;
		this.sessions = sessions;
	}

	/**
	 * 204; 422 naming {@code currentPassword} when it is wrong, {@code newPassword} when out of bounds; 429 with
	 * {@code Retry-After} while the account or the address is blocked by too many wrong passwords.
	 */
	@PostMapping("/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(@Valid @RequestBody PasswordChange change, @AuthenticationPrincipal CurrentUser caller,
			HttpServletRequest request, HttpServletResponse response) {
		ownPassword.change(caller, request.getRemoteAddr(), change.currentPassword(), change.newPassword());
		sessions.keepThisOne(caller.id(), request, response);
	}

	@ExceptionHandler(PasswordGuesses.Blocked.class)
	ResponseEntity<ProblemDetail> blocked(PasswordGuesses.Blocked blocked) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, blocked.getMessage());
		problem.setTitle("Too Many Requests");
		problem.setProperty("errors", List.of(Map.of("field", "currentPassword", "message", blocked.getMessage())));
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(blocked.seconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/** 202 whatever the address: whether an account has it is not told. */
	@PostMapping("/password-resets")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void forgotten(@Valid @RequestBody ResetRequest reset) {
		accounts.forgotten(reset.email());
	}

	/** Mails (again) a link to set a first password; a resend makes the earlier link stop working. */
	@PostMapping("/users/{id}/invitation")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void invite(@PathVariable long id) {
		accounts.invite(id);
	}
}
