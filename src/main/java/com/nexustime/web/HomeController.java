package com.nexustime.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	record Counts(long projects, long contacts) {
	}

	private final JdbcClient jdbc;

	HomeController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("workspaceName",
				jdbc.sql("select name from workspace").query(String.class).optional().orElse("Nexus Time"));
		model.addAttribute("counts", jdbc.sql("""
				select (select count(*) from project) as projects, (select count(*) from contact) as contacts""")
			.query(Counts.class).single());
		return "home";
	}
}
