package com.nexustime.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.nexustime.support.Api;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of its own with a per-piece project, a per-piece activity and a staff member; tiers carry a unique
 * suffix so the workspace prices one test adds never price another test's artworks. Prices, artworks and their
 * completion go through the API as an admin; time entries straight to the database, priced like the app does.
 */
public final class PerPieceFixture {

	/** The start day of the prices a test adds without naming one. */
	public static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);

	public final String unique = UUID.randomUUID().toString().substring(0, 8);

	public final long contact;

	public final long project;

	public final long activity;

	public final TestUsers.TestUser staff;

	private final JdbcClient jdbc;

	private final Api.Client admin;

	public PerPieceFixture(JdbcClient jdbc, Api.Client admin) {
		this.jdbc = jdbc;
		this.admin = admin;
		contact = jdbc.sql("insert into contact (name, email, company) values (?, ?, 'Acme') returning id")
			.params("Piece client " + unique, "piece-" + unique + "@client.example").query(Long.class).single();
		project = project("Packaging " + unique);
		activity = jdbc.sql("insert into activity (name, category) values (?, 'PER_PIECE') returning id")
			.param("Artwork design " + unique).query(Long.class).single();
		staff = TestUsers.create(jdbc, "STAFF");
	}

	public long project(String name) {
		return jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'PER_PIECE') returning id")
			.params(name, contact).query(Long.class).single();
	}

	/** A tier name no other test uses. */
	public String tier(String name) {
		return name + "-" + unique;
	}

	/** Adds a price as an admin (from {@link #LONG_AGO} when {@code from} is null); {@code contactId} null for a workspace price, {@code tier} null for an alteration. */
	public JsonNode price(Long contactId, String tier, String price, LocalDate from) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("scope", contactId == null ? "WORKSPACE" : "CLIENT");
		if (contactId != null) {
			body.put("contactId", contactId);
		}
		body.put("item", tier == null ? "ALTERATION" : "TIER");
		if (tier != null) {
			body.put("complexityTier", tier);
		}
		body.put("price", price);
		// a price without a date starts today; tests that complete artworks on earlier days price from long ago
		body.put("effectiveFrom", (from != null ? from : LONG_AGO).toString());
		Api.Response created = admin.post("/api/v1/artwork-prices", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	public long artwork(long project, String name, String tier, int alterations) {
		Api.Response created = admin.post("/api/v1/projects/" + project + "/artworks",
				Map.of("name", name, "complexityTier", tier, "packagingLevel", "Primary carton", "alterationCount",
						alterations));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** An OPEN per-piece time entry on the artwork, priced per hour as the app snapshots it. */
	public long entry(long project, long artwork, LocalDate date, int minutes, String rate) {
		BigDecimal hourly = new BigDecimal(rate);
		BigDecimal amount = hourly.multiply(BigDecimal.valueOf(minutes)).divide(BigDecimal.valueOf(60), 2,
				RoundingMode.HALF_UP);
		return jdbc.sql("""
				insert into time_entry (type, user_id, project_id, activity_id, entry_date, minutes, rate, amount,
				                        description, artwork_id)
				values ('ACTIVITY', ?, ?, ?, ?, ?, ?, ?, 'artwork work', ?) returning id""")
			.params(staff.id(), project, activity, date, minutes, hourly, amount, artwork).query(Long.class).single();
	}

	public JsonNode complete(long artwork) {
		Api.Response done = admin.post("/api/v1/artworks/" + artwork + "/complete", Map.of());
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		return done.json();
	}

	public JsonNode priceOf(long artwork) {
		Api.Response read = admin.get("/api/v1/artworks/" + artwork + "/price");
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		return read.json();
	}

	public String status(long entry) {
		return jdbc.sql("select status from time_entry where id = ?").param(entry).query(String.class).single();
	}
}
