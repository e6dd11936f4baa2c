package com.nexustime.rates;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.rates.RateService.RateView;

@RestController
@RequestMapping("/api/v1/rates")
class RateController {

	private final RateService rates;

	RateController(RateService rates) {
		this.rates = rates;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	RateView create(@Valid @RequestBody NewRate rate) {
		return rates.create(rate);
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','AUDITOR')")
	List<RateView> list(@RequestParam(required = false) Long userId, @RequestParam(required = false) Long projectId) {
		return rates.list(userId, projectId);
	}
}
