package com.nexustime.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.people.WorkingHours;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;

/**
 * Who is over- or under-booked. Capacity = weekly hours ÷ 5 × the working days (Monday to Friday) in the period;
 * holidays are not known to the app and count as working days. Hours come from the same reading as the time
 * reports (the rollup for whole months), so a person's hours here equal their row of the time report.
 * Admins and auditors see everyone, managers their direct reports and themselves, anyone else only themselves;
 * "everyone" is the people who track time (see {@link #people}).
 */
@Service
@Transactional(readOnly = true)
public class Utilization {

	private static final BigDecimal WORKING_DAYS_PER_WEEK = BigDecimal.valueOf(5);

	private final JdbcClient jdbc;

	private final TimeReports reports;

	private final WorkingHours workingHours;

	Utilization(JdbcClient jdbc, TimeReports reports, WorkingHours workingHours) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.workingHours = workingHours;
	}

	/** Monday to Friday in the period, both days included. */
	static int workingDays(LocalDate from, LocalDate to) {
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		long weeks = days / 7;
		int working = (int) (weeks * 5);
		for (LocalDate day = from.plusDays(weeks * 7); !day.isAfter(to); day = day.plusDays(1)) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				working++;
			}
		}
		return working;
	}

	static BigDecimal capacity(BigDecimal weeklyHours, int workingDays) {
		return weeklyHours.multiply(BigDecimal.valueOf(workingDays)).divide(WORKING_DAYS_PER_WEEK, 2,
				RoundingMode.HALF_UP);
	}

	/** Billable ÷ capacity with two decimals ("0.75"); null without capacity. */
	static BigDecimal ratio(BigDecimal billable, BigDecimal capacity) {
		return capacity.signum() == 0 ? null : billable.divide(capacity, 2, RoundingMode.HALF_UP);
	}

	record Person(long id, String name) {
	}

	/**
	 * The people the viewer may see, narrowed to the filter's person: the active people who track time (the STAFF or
	 * MANAGER role), and anyone else who booked an entry in the period. An auditor or an admin-only account has a
	 * capacity but books nothing, so listing them would only dilute the totals; once they do book, they are counted,
	 * so the hours here still add up to the time report grouped by person.
	 */
	private List<Person> people(ReportFilter filter, CurrentUser viewer) {
		StringBuilder sql = new StringBuilder("""
				select u.id, u.name from app_user u
				 where ((u.active and exists (select 1 from user_role r where r.app_user = u.id
				                                 and r.role in ('STAFF', 'MANAGER')))
				        or exists (select 1 from time_entry e where e.user_id = u.id
				                      and e.entry_date between :from and :to))""");
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("from", filter.from());
		parameters.put("to", filter.to());
		if (viewer.has(Role.ADMIN) || viewer.has(Role.AUDITOR)) {
			// everyone
		}
		else if (viewer.has(Role.MANAGER)) {
			sql.append(" and (u.manager_id = :viewer or u.id = :viewer)");
			parameters.put("viewer", viewer.id());
		}
		else {
			sql.append(" and u.id = :viewer");
			parameters.put("viewer", viewer.id());
		}
		if (filter.userId() != null) {
			sql.append(" and u.id = :userId");
			parameters.put("userId", filter.userId());
		}
		sql.append(" order by u.name, u.id");
		return jdbc.sql(sql.toString()).params(parameters).query((rs, n) -> new Person(rs.getLong("id"),
				rs.getString("name"))).list();
	}

	public UtilizationReport report(ReportFilter filter, CurrentUser viewer) {
		List<Person> people = people(filter, viewer);
		List<Long> ids = people.stream().map(Person::id).toList();
		Map<Long, BigDecimal> weekly = workingHours.weeklyHours(ids);
		// the people are the scope; staff readings keep TimeReports' own-entries guard as well
		Map<Long, TimeReports.PersonMinutes> minutes = reports.minutesByPerson(filter, viewer, ids);
		int days = workingDays(filter.from(), filter.to());
		List<UtilizationReport.Row> rows = new ArrayList<>();
		BigDecimal capacityTotal = TimeReports.money(null);
		BigDecimal hoursTotal = TimeReports.money(null);
		BigDecimal billableTotal = TimeReports.money(null);
		for (Person person : people) {
			BigDecimal weeklyHours = weekly.getOrDefault(person.id(), workingHours.workspaceWeeklyHours());
			BigDecimal capacity = capacity(weeklyHours, days);
			TimeReports.PersonMinutes booked = minutes.getOrDefault(person.id(), new TimeReports.PersonMinutes(0, 0));
			BigDecimal hours = TimeReports.hours(booked.minutes());
			BigDecimal billable = TimeReports.hours(booked.billableMinutes());
			rows.add(new UtilizationReport.Row(String.valueOf(person.id()), person.name(),
					weeklyHours.setScale(1, RoundingMode.HALF_UP), capacity, hours, billable, ratio(billable, capacity)));
			capacityTotal = capacityTotal.add(capacity);
			hoursTotal = hoursTotal.add(hours);
			billableTotal = billableTotal.add(billable);
		}
		boolean ownRowOnly = !(viewer.has(Role.ADMIN) || viewer.has(Role.AUDITOR) || viewer.has(Role.MANAGER));
		return new UtilizationReport(filter.from(), filter.to(), days, ownRowOnly, rows, capacityTotal, hoursTotal,
				billableTotal, ratio(billableTotal, capacityTotal));
	}
}
