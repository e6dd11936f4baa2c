package com.nexustime.system.web;

import java.sql.SQLTransientConnectionException;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A database out of reach answers 503 (problem+json under /api, the error page elsewhere), never a 500. */
class DatabaseUnavailableTest {

	@RestController
	static class Api {

		@GetMapping("/api/v1/pool-empty")
		String poolEmpty() {
			throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
					new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
		}

		@GetMapping("/api/v1/engine-wrapped")
		String engineWrapped() {
			// how the process engine reports it: its own exception around MyBatis' around the pool's
			throw new IllegalStateException("engine", new RuntimeException("persistence",
					new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
		}

		@GetMapping("/api/v1/no-transaction")
		String noTransaction() {
			throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
		}

		@GetMapping("/api/v1/stale")
		String stale() {
			throw new OptimisticLockingFailureException("stale");
		}

		@GetMapping("/api/v1/bug")
		String bug() {
			throw new IllegalStateException("a bug");
		}
	}

	@Controller
	static class Pages {

		@GetMapping("/time")
		String time() {
			throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
		}
	}

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Api(), new Pages())
		.setControllerAdvice(new ApiExceptionHandler(), new PageExceptionHandler(), new DatabaseUnavailableAdvice())
		.build();

	@Test
	void anApiCallWithoutAConnectionAnswers503ProblemWithRetryAfter() throws Exception {
		for (String path : new String[] { "/api/v1/pool-empty", "/api/v1/engine-wrapped", "/api/v1/no-transaction" }) {
			mvc.perform(get(path))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.title").value("Service unavailable"))
				.andExpect(jsonPath("$.status").value(503))
				.andExpect(header().string("Retry-After", "5"));
		}
	}

	@Test
	void otherFailuresKeepTheirAnswers() throws Exception {
		mvc.perform(get("/api/v1/stale")).andExpect(status().isConflict());
		mvc.perform(get("/api/v1/bug")).andExpect(status().isInternalServerError());
	}

	@Test
	void aPageWithoutAConnectionGetsTheErrorPageWith503() throws Exception {
		mvc.perform(get("/time")).andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"));
	}

	@Test
	void aFilterWithoutAConnectionAnswers503Too() throws Exception {
		Filter lookup = (request, response, chain) -> {
			throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
		};
		MockMvc filtered = MockMvcBuilders.standaloneSetup(new Api(), new Pages())
			.addFilters(new DatabaseUnavailableFilter(), lookup).build();
		filtered.perform(get("/api/v1/bug"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Service unavailable"))
			.andExpect(header().string("Retry-After", "5"));
		filtered.perform(get("/time")).andExpect(status().isServiceUnavailable());
	}
}
