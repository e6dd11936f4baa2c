package com.nexustime.bench;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.postgresql.PGConnection;

/**
 * The benchmark's own agency, written straight into the app's database after its migrations ran: clients,
 * projects, activities, people and two years of time entries loaded with COPY (the rollup triggers of V23 run
 * on every batch, as they would for any write). Deterministic: the same seed gives the same data.
 */
final class DataGenerator {

	static final String[] ACTIVITIES = { "Design", "Illustration", "Copywriting", "Project management",
			"Account management", "Internal" };

	record Agency(long adminId, List<Long> people, List<Long> projects, List<Long> activities, List<Long> loadPeople,
			List<Long> loadProjects, List<Long> gridPeople, List<Long> flowPeople, long flowContact,
			List<Long> flowProjects, LocalDate firstDay, LocalDate lastDay, long entries) {
	}

	/** The client the rush's people work for: where the approval mails go (GreenMail takes them all). */
	static final String FLOW_CLIENT_EMAIL = "approver@bench.example";

	private final Connection db;

	private final Random random = new Random(42);

	DataGenerator(Connection db) {
		this.db = db;
	}

	Agency generate(String adminEmail, int peopleCount, int projectCount, long entryCount, int flowPeopleCount)
			throws SQLException {
		long adminId = single("select id from app_user where email = '" + adminEmail + "'");
		String passwordHash;
		try (Statement s = db.createStatement();
				ResultSet rs = s.executeQuery("select password_hash from app_user where id = " + adminId)) {
			rs.next();
			passwordHash = rs.getString(1);
		}
		execute("update workspace set default_rate = 90.00 where id = 1");
		List<Long> contacts = new ArrayList<>();
		for (int c = 0; c < Math.max(1, projectCount / 10); c++) {
			contacts.add(insert("insert into contact (name, email) values (?, ?) returning id", "Client " + c,
					"client" + c + "@bench.example"));
		}
		List<Long> projects = new ArrayList<>();
		for (int p = 0; p < projectCount; p++) {
			projects.add(insert("insert into project (name, contact_id, type, billing_mode) values (?, ?, 'STANDARD', "
					+ "'HOURLY') returning id", "Project " + p, contacts.get(p % contacts.size())));
		}
		List<Long> activities = new ArrayList<>();
		for (int a = 0; a < ACTIVITIES.length; a++) {
			boolean management = a >= 3;
			activities.add(insert("insert into activity (name, category, billable) values (?, ?, ?) returning id",
					ACTIVITIES[a], management ? "MANAGEMENT" : "DESIGN_CREATIVE", a != 5));
		}
		// a tenth of the projects carry their own rate, so rate resolution has more than the default to weigh
		for (int p = 0; p < projectCount; p += 10) {
			insert("insert into rate (scope, project_id, hourly_rate) values ('PROJECT', ?, ?) returning id",
					projects.get(p), new BigDecimal("120.00"));
		}
		List<Long> people = people("Person", peopleCount, passwordHash, adminId);
		List<Long> loadPeople = people("Load", 16, passwordHash, adminId);
		List<Long> gridPeople = people("Grid", 4, passwordHash, adminId);
		List<Long> flowPeople = people("Flow", flowPeopleCount, passwordHash, adminId);
		long flowContact = insert("insert into contact (name, email) values (?, ?) returning id", "Flow client",
				FLOW_CLIENT_EMAIL);
		List<Long> flowProjects = new ArrayList<>();
		for (int p = 0; p < 4; p++) {
			flowProjects.add(insert("insert into project (name, contact_id, type, billing_mode) values (?, ?, "
					+ "'STANDARD', 'HOURLY') returning id", "Flow project " + p, flowContact));
		}
		LocalDate lastDay = LocalDate.now().minusDays(1);
		LocalDate firstDay = lastDay.minusYears(2).plusDays(1);
		long written = entries(people, projects, activities, firstDay, lastDay, entryCount);
		// each of the rush's people has a week of work to submit: a day on each weekday
		StringBuilder rush = new StringBuilder();
		LocalDate rushWeek = rushWeek();
		for (int f = 0; f < flowPeople.size(); f++) {
			for (int day = 0; day < 5; day++) {
				rush.append("ACTIVITY\t").append(flowPeople.get(f)).append('\t').append(flowProjects.get(f % 4))
					.append('\t').append(activities.get(0)).append('\t').append(rushWeek.plusDays(day))
					.append("\t480\t90.00\tBENCH\t720.00\tt\tOPEN\n");
			}
		}
		if (!rush.isEmpty()) {
			copy(rush);
		}
		return new Agency(adminId, people, projects, activities, loadPeople, projects.subList(0, 16), gridPeople,
				flowPeople, flowContact, flowProjects, firstDay, lastDay, written);
	}

	/** The week the rush submits: the Monday two weeks back (the grid uses last week). */
	static LocalDate rushWeek() {
		return LocalDate.now().with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.minusWeeks(2);
	}

	private List<Long> people(String kind, int count, String passwordHash, long managerId) throws SQLException {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long id = insert("insert into app_user (email, name, password_hash, manager_id) values (?, ?, ?, ?) "
					+ "returning id", kind.toLowerCase() + i + "@bench.example", kind + " " + i, passwordHash,
					managerId);
			execute("insert into user_role (app_user, role) values (" + id + ", 'STAFF')");
			ids.add(id);
		}
		return ids;
	}

	/*
	 * Each person works on four projects with three activities, three to five entries a working day, as people
	 * do; the count is spread evenly over the person-days so the total lands on the target.
	 */
	private long entries(List<Long> people, List<Long> projects, List<Long> activities, LocalDate first,
			LocalDate last, long target) throws SQLException {
		List<LocalDate> workdays = new ArrayList<>();
		for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
			if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
				workdays.add(d);
			}
		}
		// a little over the target on average, so the count is reached; the last days come out a little thinner
		double perPersonDay = 1.02 * target / (people.size() * (double) workdays.size());
		LocalDate finalizedBefore = last.minusWeeks(2);
		StringBuilder batch = new StringBuilder(1 << 24);
		long written = 0;
		int inBatch = 0;
		long started = System.nanoTime();
		for (LocalDate day : workdays) {
			for (int p = 0; p < people.size() && written < target; p++) {
				int n = (int) perPersonDay + (random.nextDouble() < perPersonDay - (int) perPersonDay ? 1 : 0);
				for (int i = 0; i < n && written < target; i++) {
					int projectIndex = (p * 7 + random.nextInt(4) * 131) % projects.size();
					long project = projects.get(projectIndex);
					int a = (p + random.nextInt(3)) % activities.size();
					int minutes = 15 * (2 + random.nextInt(15)); // 30 minutes to 4 hours
					BigDecimal rate = new BigDecimal(projectIndex % 10 == 0 ? "120.00" : "90.00");
					boolean billable = a != 5;
					BigDecimal amount = BigDecimal.valueOf(minutes).multiply(rate).divide(BigDecimal.valueOf(60), 2,
							RoundingMode.HALF_UP);
					batch.append("ACTIVITY\t").append(people.get(p)).append('\t').append(project).append('\t')
						.append(activities.get(a)).append('\t').append(day).append('\t').append(minutes).append('\t')
						.append(rate).append("\tBENCH\t").append(amount).append('\t').append(billable ? 't' : 'f')
						.append('\t').append(day.isBefore(finalizedBefore) ? "FINALIZED" : "OPEN").append('\n');
					written++;
					if (++inBatch == 200_000) {
						copy(batch);
						batch.setLength(0);
						inBatch = 0;
						System.out.printf("  %,d entries (%.0f s)%n", written, (System.nanoTime() - started) / 1e9);
					}
				}
			}
		}
		if (inBatch > 0) {
			copy(batch);
		}
		return written;
	}

	private void copy(StringBuilder rows) throws SQLException {
		try {
			db.unwrap(PGConnection.class).getCopyAPI().copyIn("""
					copy time_entry (type, user_id, project_id, activity_id, entry_date, minutes, rate, rate_source,
					                 amount, billable, status) from stdin""", new StringReader(rows.toString()));
		}
		catch (java.io.IOException ex) {
			throw new SQLException(ex);
		}
	}

	private long insert(String sql, Object... values) throws SQLException {
		try (PreparedStatement s = db.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				s.setObject(i + 1, values[i]);
			}
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private long single(String sql) throws SQLException {
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			if (!rs.next()) {
				throw new SQLException("no row for " + sql);
			}
			return rs.getLong(1);
		}
	}

	private void execute(String sql) throws SQLException {
		try (Statement s = db.createStatement()) {
			s.execute(sql);
		}
	}
}
