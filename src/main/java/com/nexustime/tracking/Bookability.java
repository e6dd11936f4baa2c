package com.nexustime.tracking;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.rules.ActivityOption;
import com.nexustime.rules.ActivityRules;
import com.nexustime.rules.ProjectFacts;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.RuleViolationException;

/**
 * Where time may be booked: the one service that the entry API and pages, the weekly grid, the timer, bulk
 * import and every project or activity picker ask, and that asks the activity-availability rules
 * ({@code rules/activity-availability.drl}). Nothing here decides; it reads the facts and passes on the rules'
 * answer, their wording included.
 */
@Service
public class Bookability {

	/** A project a picker offers. */
	public record ProjectChoice(long id, String name, String client, String billingMode) {

		public ProjectChoice(long id, String name, String client) {
			this(id, name, client, "HOURLY");
		}

		/** The entry forms offer the "not invoiced" flag only on these. */
		public boolean invoiceBudget() {
			return "INVOICE_BUDGET".equals(billingMode);
		}
	}

	/** An activity a picker offers; {@code billable} is the flag a new entry on it starts with. */
	public record ActivityChoice(long id, String name, boolean billable) {
	}

	private record ProjectRow(long id, String name, String client, String type, String status, String corporation,
			String billingMode) {

		ProjectFacts facts() {
			return new ProjectFacts(id, type, status, corporation);
		}
	}

	private record ActivityRow(long id, String name, String category, String corporation, Boolean active,
			boolean billable) {

		ActivityOption option() {
			return new ActivityOption(id, category, corporation, Boolean.TRUE.equals(active));
		}
	}

	private static final String PROJECTS = """
			select p.id, p.name, c.name as client, p.type, p.status, p.corporation, p.billing_mode
			from project p join contact c on c.id = p.contact_id""";

	private final JdbcClient jdbc;

	private final ActivityRules rules;

	Bookability(JdbcClient jdbc, ActivityRules rules) {
		this.jdbc = jdbc;
		this.rules = rules;
	}

	/** The projects the rules let time be booked on, by client and name. */
	@Transactional(readOnly = true)
	public List<ProjectChoice> projects() {
		List<ProjectRow> all = jdbc.sql(PROJECTS + " order by c.name, p.name, p.id").query(ProjectRow.class).list();
		Map<Long, String> refused = rules.projectRefusals(all.stream().map(ProjectRow::facts).toList());
		return all.stream().filter(p -> !refused.containsKey(p.id()))
			.map(p -> new ProjectChoice(p.id(), p.name(), p.client(), p.billingMode())).toList();
	}

	/** The activities the rules let time be booked on for {@code projectId}, by name; 404 for no such project. */
	@Transactional(readOnly = true)
	public List<ActivityChoice> activities(long projectId) {
		ProjectRow project = jdbc.sql(PROJECTS + " where p.id = ?").param(projectId).query(ProjectRow.class)
			.optional().orElseThrow(() -> new NotFoundException("Project", projectId));
		List<ActivityRow> all = jdbc.sql("select id, name, category, corporation, active, billable from activity order by name, id")
			.query(ActivityRow.class).list();
		Set<Long> available = new HashSet<>(
				rules.available(project.facts(), all.stream().map(ActivityRow::option).toList()));
		return all.stream().filter(a -> available.contains(a.id()))
			.map(a -> new ActivityChoice(a.id(), a.name(), a.billable())).toList();
	}

	/**
	 * 422 unless the rules let time be booked on {@code activity} (null: an entry without one) of
	 * {@code project}: a refusal of the project names {@code projectId}, one of the activity {@code activityId},
	 * each with the rules' reason.
	 */
	public void check(ProjectFacts project, ActivityOption activity) {
		ActivityRules.Booking answer = ask(project, activity);
		if (answer.projectRefusal() != null) {
			throw projectRefused(answer);
		}
		if (answer.activityRefusal() != null) {
			throw activityRefused(answer);
		}
	}

	/** The rules' answer about one booking, for a caller that has other checks to make in between. */
	public ActivityRules.Booking ask(ProjectFacts project, ActivityOption activity) {
		return rules.booking(project, activity);
	}

	static RuleViolationException projectRefused(ActivityRules.Booking answer) {
		return new RuleViolationException("projectId", answer.projectRefusal());
	}

	static RuleViolationException activityRefused(ActivityRules.Booking answer) {
		return new RuleViolationException("activityId", "not available on this project: " + answer.activityRefusal());
	}
}
