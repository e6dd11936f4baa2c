package com.nexustime.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.tracking.TimeEntry;
import com.nexustime.workflow.TaskContext;

/**
 * The week under review, read-only inside the manager's review form: hours per project, activity and day; and
 * the review rule ({@link WeekReviewService#refusal}) the tasklist applies to the review task.
 */
@Component
class WeekSummary implements TaskContext {

	record Row(String project, String activity, int[] minutes) {

		public List<BigDecimal> hours() {
			List<BigDecimal> hours = new ArrayList<>();
			for (int m : minutes) {
				hours.add(TimeEntry.hoursOf(m));
			}
			return hours;
		}

		public BigDecimal total() {
			int sum = 0;
			for (int m : minutes) {
				sum += m;
			}
			return TimeEntry.hoursOf(sum);
		}
	}

	private final JdbcClient jdbc;

	private final WeekReviewService reviews;

	private final WeekNotes notes;

	WeekSummary(JdbcClient jdbc, WeekReviewService reviews, WeekNotes notes) {
		this.jdbc = jdbc;
		this.reviews = reviews;
		this.notes = notes;
	}

	@Override
	public Optional<String> refusal(CurrentUser person, String businessKey) {
		WeekKey week;
		try {
			week = WeekKey.parse(businessKey);
		}
		catch (RuntimeException notAWeek) {
			return Optional.of("this review names no week (business key " + businessKey + ")");
		}
		return reviews.refusal(person.id(), week);
	}

	@Override
	public String processDefinitionKey() {
		return WeekReviewService.PROCESS;
	}

	@Override
	public String fragment() {
		return "review/week :: summary";
	}

	@Override
	public Map<String, Object> model(String businessKey) {
		WeekKey week = WeekKey.parse(businessKey);
		Map<String, Row> rows = new LinkedHashMap<>();
		int[] dayMinutes = new int[7];
		jdbc.sql("""
				select p.name as project, a.name as activity, e.entry_date, sum(e.minutes) as minutes
				from time_entry e join project p on p.id = e.project_id join activity a on a.id = e.activity_id
				where e.user_id = ? and e.type = 'ACTIVITY' and e.entry_date between ? and ?
				group by p.name, a.name, e.entry_date order by p.name, a.name""")
			.params(week.userId(), week.weekStart(), week.weekStart().plusDays(6))
			.query((rs, n) -> {
				String project = rs.getString("project");
				String activity = rs.getString("activity");
				int day = (int) (rs.getObject("entry_date", LocalDate.class).toEpochDay() - week.weekStart().toEpochDay());
				int minutes = rs.getInt("minutes");
				rows.computeIfAbsent(project + "\u0000" + activity, k -> new Row(project, activity, new int[7])).minutes()[day] += minutes;
				dayMinutes[day] += minutes;
				return null;
			}).list();
		List<BigDecimal> dayTotals = new ArrayList<>();
		int total = 0;
		for (int m : dayMinutes) {
			dayTotals.add(TimeEntry.hoursOf(m));
			total += m;
		}
		List<LocalDate> days = new ArrayList<>();
		for (int d = 0; d < 7; d++) {
			days.add(week.weekStart().plusDays(d));
		}
		String owner = jdbc.sql("select name from app_user where id = ?").param(week.userId()).query(String.class).single();
		return Map.of("weekOwner", owner, "weekDays", days, "weekRows", List.copyOf(rows.values()),
				"weekDayTotals", dayTotals, "weekTotal", TimeEntry.hoursOf(total),
				"weekNotes", notes.of(week.userId(), week.weekStart()),
				"taskSubject", ReviewSubjects.label(owner, week.weekStart()), "decision", ReviewDecision.WEEK);
	}
}
