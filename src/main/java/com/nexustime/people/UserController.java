package com.nexustime.people;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.system.security.CurrentUser;

@RestController
@RequestMapping("/api/v1")
class UserController {

	private final UserService users;

	UserController(UserService users) {
		this.users = users;
	}

	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	UserView create(@Valid @RequestBody NewUser user) {
		return users.create(user);
	}

	@GetMapping("/users")
	List<UserView> list(@AuthenticationPrincipal CurrentUser caller) {
		return users.visibleTo(caller);
	}

	@GetMapping("/users/{id}")
	UserView get(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		return users.get(id, caller);
	}

	@PatchMapping("/users/{id}")
	UserView change(@PathVariable long id, @Valid @RequestBody UserChanges changes,
			@AuthenticationPrincipal CurrentUser caller) {
		return users.change(id, changes, caller);
	}

	@GetMapping("/me")
	UserView me(@AuthenticationPrincipal CurrentUser caller) {
		return users.get(caller.id(), caller);
	}
}
