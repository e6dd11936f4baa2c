package com.nexustime.people;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A person's internal cost rates: admins only, since the rates are confidential. */
@RestController
@RequestMapping("/api/v1/users/{id}/cost-rates")
@PreAuthorize("hasRole('ADMIN')")
class CostRateController {

	private final CostRates costRates;

	CostRateController(CostRates costRates) {
		this.costRates = costRates;
	}

	@GetMapping
	List<CostRates.CostRate> list(@PathVariable long id) {
		return costRates.of(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CostRates.CostRate set(@PathVariable long id, @Valid @RequestBody NewCostRate rate) {
		return costRates.set(id, rate);
	}

	@DeleteMapping("/{effectiveFrom}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable long id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom) {
		costRates.remove(id, effectiveFrom);
	}
}
