package com.nexustime.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.nexustime.dashboard.Dashboard;
import com.nexustime.dashboard.ProjectSort;
import com.nexustime.system.security.CurrentUser;

/** The sign-in page and the home page, which is the caller's dashboard. */
@Controller
class HomeController {

	private final JdbcClient jdbc;

	private final Dashboard dashboard;

	HomeController(JdbcClient jdbc, Dashboard dashboard) {
		this.jdbc = jdbc;
		this.dashboard = dashboard;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	/** An unknown {@code sort} or {@code dir} (an edited address) shows the default order rather than an error. */
	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, Model model) {
		model.addAttribute("workspaceName",
				jdbc.sql("select name from workspace").query(String.class).optional().orElse("Nexus Time"));
		ProjectSort order = ProjectSort.named(sort).orElse(ProjectSort.NAME);
		model.addAttribute("dashboard", dashboard.of(user, order, "desc".equals(dir)));
		return "home";
	}
}
