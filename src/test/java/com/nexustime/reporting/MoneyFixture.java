package com.nexustime.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of its own with projects for the money reports, on top of a {@link ReportFixture} (its activities).
 * June 2017 holds the profitability entries, July–August 2017 the client-billing ones.
 *
 * <pre>
 * project  who    date        minutes  amount  billable  status     note
 * p1       staff  2017-06-10  120      200.00  yes       OPEN       cost rate 50
 * p1       staff  2017-06-20   60      100.00  yes       OPEN       cost rate 60 (from 06-15)
 * p1       other  2017-06-12   30       50.00  yes       OPEN       no cost rate
 * p1       staff  2017-06-11    -       75.00  yes       OPEN       fixed cost, vendor
 * p2       staff  2017-06-13   60      100.00  yes       OPEN       cost rate 50
 * p3       staff  2017-07-03   60      300.00  yes       BILLED
 * p3       staff  2017-07-04   30      150.00  yes       FINALIZED
 * p3       staff  2017-07-05   72      120.00  yes       OPEN
 * p3       staff  2017-07-06    -       40.00  yes       OPEN       fixed cost, vendor
 * p3       staff  2017-07-07   48       80.00  no        OPEN       not billable
 * p3       staff  2017-08-01   54       90.00  yes       OPEN
 * </pre>
 */
final class MoneyFixture {

	final ReportFixture f;

	final String client;

	final String clientName;

	final String p1;

	final String p2;

	final String p3;

	final String vendor;

	final String vendorName;

	final TestUsers.TestUser manager;

	final TestUsers.TestUser staff;

	final TestUsers.TestUser other;

	MoneyFixture(ReportFixture f) {
		this.f = f;
		clientName = "Money client " + f.unique;
		client = ReportFixture.id(f.admin.post("/api/v1/contacts", Map.of("name", clientName, "email", "m@example.com")));
		p1 = f.project("Money one " + f.unique, client);
		p2 = f.project("Money two " + f.unique, client);
		p3 = f.project("Money three " + f.unique, client);
		vendorName = "Money printer " + f.unique;
		vendor = ReportFixture.id(f.admin.post("/api/v1/vendors", Map.of("name", vendorName)));
		manager = TestUsers.create(f.jdbc, "MANAGER", "STAFF");
		staff = TestUsers.create(f.jdbc, "STAFF");
		other = TestUsers.create(f.jdbc, "STAFF");
		f.jdbc.sql("update project set manager_id = ?, budget_amount = 1000.00 where id = ?")
			.params(manager.id(), Long.valueOf(p1)).update();

		costRate(staff, null, "50.00");
		costRate(staff, "2017-06-15", "60.00");

		time(staff, p1, "2017-06-10", 120, "100.00", true, "OPEN");
		time(staff, p1, "2017-06-20", 60, "100.00", true, "OPEN");
		time(other, p1, "2017-06-12", 30, "100.00", true, "OPEN");
		fixedCost(staff, p1, "2017-06-11", "75.00");
		time(staff, p2, "2017-06-13", 60, "100.00", true, "OPEN");

		time(staff, p3, "2017-07-03", 60, "300.00", true, "BILLED");
		time(staff, p3, "2017-07-04", 30, "300.00", true, "FINALIZED");
		time(staff, p3, "2017-07-05", 72, "100.00", true, "OPEN");
		fixedCost(staff, p3, "2017-07-06", "40.00");
		time(staff, p3, "2017-07-07", 48, "100.00", false, "OPEN");
		time(staff, p3, "2017-08-01", 54, "100.00", true, "OPEN");
	}

	void costRate(TestUsers.TestUser who, String from, String rate) {
		Map<String, Object> body = from == null ? Map.of("rate", rate) : Map.of("rate", rate, "effectiveFrom", from);
		var response = f.admin.post("/api/v1/users/" + who.id() + "/cost-rates", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	long time(TestUsers.TestUser who, String project, String date, int minutes, String rate, boolean billable,
			String status) {
		BigDecimal amount = BigDecimal.valueOf(minutes).multiply(new BigDecimal(rate))
			.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
		return f.jdbc.sql("""
				insert into time_entry (type, user_id, project_id, activity_id, entry_date, minutes, rate, rate_source,
				                        amount, billable, status, description)
				values ('ACTIVITY', ?, ?, ?, ?, ?, ?, 'PROJECT', ?, ?, ?, ?) returning id""")
			.params(who.id(), Long.valueOf(project), Long.valueOf(f.design), LocalDate.parse(date), minutes,
					new BigDecimal(rate), amount, billable, status, "Money work " + f.unique)
			.query(Long.class).single();
	}

	long fixedCost(TestUsers.TestUser who, String project, String date, String amount) {
		return f.jdbc.sql("""
				insert into time_entry (type, user_id, project_id, activity_id, entry_date, amount, billable, vendor_id,
				                        notes)
				values ('FIXED_COST', ?, ?, ?, ?, ?, true, ?, ?) returning id""")
			.params(who.id(), Long.valueOf(project), Long.valueOf(f.fixedCost), LocalDate.parse(date),
					new BigDecimal(amount), Long.valueOf(vendor), "Printing " + f.unique)
			.query(Long.class).single();
	}
}
