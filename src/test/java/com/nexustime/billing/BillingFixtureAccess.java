package com.nexustime.billing;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The billing fixture for tests in other packages: a client's website project with an entry on it. */
public final class BillingFixtureAccess {

	private final BillingFixture fixture;

	public BillingFixtureAccess(JdbcClient jdbc) {
		this.fixture = new BillingFixture(jdbc);
	}

	public long website() {
		return fixture.website;
	}

	public long entryOnWebsite(LocalDate date) {
		return fixture.entry(fixture.website, fixture.design, date, 60, "100.00", "Design");
	}
}
