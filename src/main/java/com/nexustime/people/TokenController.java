package com.nexustime.people;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.system.security.AccessTokens.IssuedToken;
import com.nexustime.system.security.AccessTokens.TokenInfo;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.TokenSignIn;

@RestController
@RequestMapping("/api/v1/me/tokens")
class TokenController {

	record NewToken(@NotBlank @Size(max = 100) String name, @Future Instant expiresAt) {
	}

	private final PersonalTokens tokens;

	TokenController(PersonalTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	IssuedToken issue(@Valid @RequestBody NewToken request, @AuthenticationPrincipal CurrentUser caller,
			Authentication signIn) {
		if (TokenSignIn.isToken(signIn)) {
			// a token that could make tokens could outlive its own end and its revocation
			throw new AccessDeniedException("A personal token cannot create tokens: use your password.");
		}
		return tokens.issue(caller.id(), request.name(), request.expiresAt());
	}

	@GetMapping
	List<TokenInfo> list(@AuthenticationPrincipal CurrentUser caller) {
		return tokens.list(caller.id());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		tokens.revoke(caller.id(), id);
	}
}
