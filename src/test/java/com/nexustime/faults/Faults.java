package com.nexustime.faults;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

import com.nexustime.bench.AppProcess;
import com.nexustime.bench.Http;

/**
 * {@code bench/faults}: the app under faults, each scenario printing what it tried and what held; any check that
 * does not hold makes the run exit 1. It starts its own PostgreSQL ({@link PgServer}, a process it can stop), an
 * SMTP server it controls ({@link Mailbox}) and the app as separate JVMs (nodes A and B) on loopback ports against
 * that database. See {@code docs/faults.md}.
 */
public final class Faults {

	static final Path OUT = Path.of("target", "faults");

	static final String ADMIN_EMAIL = "faults-admin@localhost";

	static final String STAFF_EMAIL = "ana.staff@northwind.example";

	static final String MANAGER_EMAIL = "maria.manager@northwind.example";

	/** The demo client the approvals go to (the Globex website relaunch, ready to invoice). */
	static final String CLIENT_EMAIL = "projects@globex.example";

	static final String DATABASE = "nexus_faults";

	record Options(boolean quick, int soakSeconds, boolean help) {

		static Options parse(String[] args) {
			boolean quick = false;
			int soak = 0;
			boolean help = false;
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--quick" -> quick = true;
					case "--soak" -> soak = Integer.parseInt(args[++i]);
					case "--help", "-h" -> help = true;
					default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
				}
			}
			return new Options(quick, soak, help);
		}
	}

	final Options options;

	final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));

	final List<String> failures = new ArrayList<>();

	final List<String> held = new ArrayList<>();

	final Map<String, AppProcess> nodes = new LinkedHashMap<>();

	PgServer pg;

	Mailbox mail;

	String appClasspath;

	long contactId;

	long projectId;

	long activityId;

	long staffId;

	String staffToken;

	String managerToken;

	/* each approval gets entries on a day of its own, counted back from three weeks before this week */
	private LocalDate nextDay = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
		.minusWeeks(3);

	private int approvalsMade;

	private Faults(Options options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		Options options = Options.parse(args);
		if (options.help()) {
			System.out.println("""
					bench/faults [--quick] [--soak SECONDS]
					  (none)        scenarios 1-4: kill -9 (three rounds), two nodes, SMTP down for a minute, database restart
					  --quick       scenarios 1-4 with one kill round and SMTP down for a few seconds (what .ci/run calls)
					  --soak N      only the soak: N seconds of mixed traffic on one node, memory/threads/connections sampled
					Logs: target/faults/ (node-*.log, postgres.log); figures: target/faults/results.md
					""");
			return;
		}
		long started = System.nanoTime();
		Faults faults = new Faults(options);
		int status;
		try {
			faults.run();
		}
		catch (Exception | AssertionError ex) {
			faults.failures.add("the run stopped: " + ex);
			ex.printStackTrace(System.out);
		}
		finally {
			faults.shutdown();
		}
		System.out.println();
		System.out.printf("%d checks held, %d failed, in %.0f s%n", faults.held.size(), faults.failures.size(),
				(System.nanoTime() - started) / 1e9);
		faults.failures.forEach(f -> System.out.println("  FAILED: " + f));
		status = faults.failures.isEmpty() ? 0 : 1;
		System.exit(status);
	}

	private void run() throws Exception {
		Files.createDirectories(OUT);
		Path work = Files.createTempDirectory(OUT.toAbsolutePath(), "run-");
		appClasspath = "target/classes" + java.io.File.pathSeparator
				+ Files.readString(Path.of("target", "bench", "app.classpath")).trim();
		pg = new PgServer(work.resolve("postgres"), freePort(), OUT.resolve("postgres.log"));
		long t = System.nanoTime();
		pg.start();
		try (Connection admin = DriverManager.getConnection(pg.url("postgres"), "postgres", "");
				Statement s = admin.createStatement()) {
			s.execute("create database " + DATABASE);
		}
		System.out.printf("PostgreSQL 17 on 127.0.0.1:%d (own process, fsync on) in %.1f s%n", pg.port(), secs(t));
		mail = new Mailbox(freePort());
		mail.start();
		System.out.println("GreenMail SMTP on 127.0.0.1:" + mail.port());
		startNode("A", true);
		lookUpDemo();
		if (options.soakSeconds() > 0) {
			new Soak(this, options.soakSeconds()).run();
			return;
		}
		killNine();
		twoNodes();
		smtpDown();
		databaseRestart();
	}

	/* ------------------------------------------------------------------ scenario 1 */

	private void killNine() throws Exception {
		heading("1. kill -9 of a node while a timer runs, a client approval is being mailed and an invoice is being made");
		int rounds = options.quick() ? 1 : 3;
		long[] delays = { 30, 120, 300 };
		for (int round = 0; round < rounds; round++) {
			AppProcess a = nodes.get("A");
			Http first = new Http(a.port);
			Http http = first;
			// an approval the client has signed, ready to invoice
			Approval signed = approval(http);
			signed.sign(this, http, "Kill round " + round);
			Approval mailing;
			JsonNode timer;
			// the timer runs, a new approval's mail is queued, the invoice is being made: then SIGKILL
			timer = http.sendJson(Http.bearer(staffToken), "POST", "/api/v1/timer",
					Map.of("projectId", projectId, "activityId", activityId, "description", "running through a kill"),
					201);
			String startedAt = timer.get("startedAt").asText();
			mailing = approval(http);
			CompletableFuture<HttpResponse<String>> invoicing = CompletableFuture.supplyAsync(() -> {
				try {
					return first.exchange(Http.bearer(managerToken), "POST", "/api/v1/invoices/from-time",
							Map.of("approvalId", signed.id));
				}
				catch (IOException | InterruptedException cut) {
					return null;
				}
			});
			Thread.sleep(delays[round]);
			a.process.destroyForcibly().waitFor();
			HttpResponse<String> before = invoicing.handle((r, e) -> r).get();
			System.out.printf("  round %d: timer started %s, approval %d queued, invoice request for approval %d in "
					+ "flight; SIGKILL after %d ms (the invoice request %s)%n", round + 1, startedAt, mailing.id,
					signed.id, delays[round], before == null ? "was cut off" : "had answered " + before.statusCode());
			long t = System.nanoTime();
			if (!nodes.containsKey("B")) {
				// node B starts beside A's restart (scenario 2 needs it; its job executor may as well help here)
				CompletableFuture<AppProcess> b = CompletableFuture.supplyAsync(() -> {
					try {
						return startNode("B", false);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
				startNode("A", true);
				b.join();
			}
			else {
				startNode("A", true);
			}
			System.out.printf("  node A restarted in %.1f s%n", secs(t));
			http = new Http(nodes.get("A").port);

			// the timer: the same start, still running, and it stops
			HttpResponse<String> current = http.exchange(Http.bearer(staffToken), "GET", "/api/v1/timer", null);
			check(current.statusCode() == 200 && startedAt.equals(Http.JSON.readTree(current.body()).path("startedAt")
				.asText()), "the timer survived the kill with its start " + startedAt + " (answered "
						+ current.statusCode() + " " + abbreviate(current.body()) + ")");
			HttpResponse<String> stopped = http.exchange(Http.bearer(staffToken), "POST", "/api/v1/timer/stop", null);
			check(stopped.statusCode() == 200, "the surviving timer stops into an entry (answered " + stopped.statusCode() + ")");

			// the invoice: complete or absent; a retry makes exactly one
			List<Long> invoices = invoicesOf(signed.id);
			check(invoices.size() <= 1, "at most one invoice for approval " + signed.id + " after the kill, found " + invoices);
			if (invoices.size() == 1) {
				checkComplete(invoices.get(0), signed);
				System.out.println("  the invoice had been committed before the kill");
			}
			else {
				checkUntouched(signed);
				System.out.println("  the invoice had not been committed: nothing of it is left");
			}
			HttpResponse<String> retry = http.exchange(Http.bearer(managerToken), "POST", "/api/v1/invoices/from-time",
					Map.of("approvalId", signed.id));
			check(retry.statusCode() < 500, "the invoice retry answers without a server error (" + retry.statusCode()
					+ " " + abbreviate(retry.body()) + ")");
			invoices = invoicesOf(signed.id);
			check(invoices.size() == 1, "after the retry approval " + signed.id + " has exactly one invoice: " + invoices);
			if (invoices.size() == 1) {
				checkComplete(invoices.get(0), signed);
			}
			// the queued mail: out exactly once after the restart
			checkEveryLinkOnce(Duration.ofSeconds(90));
		}
	}

	/* ------------------------------------------------------------------ scenario 2 */

	private void twoNodes() throws Exception {
		heading("2. Two nodes on one database");
		if (!nodes.containsKey("B")) {
			startNode("B", false);
		}
		Http a = new Http(nodes.get("A").port);
		Http b = new Http(nodes.get("B").port);
		JsonNode timer = a.sendJson(Http.bearer(staffToken), "POST", "/api/v1/timer",
				Map.of("projectId", projectId, "activityId", activityId, "description", "two nodes"), 201);
		HttpResponse<String> onB = b.exchange(Http.bearer(staffToken), "GET", "/api/v1/timer", null);
		check(onB.statusCode() == 200 && onB.body().contains(timer.get("startedAt").asText()),
				"node B sees the timer started on node A");
		HttpResponse<String> stop = b.exchange(Http.bearer(staffToken), "POST", "/api/v1/timer/stop", null);
		check(stop.statusCode() == 200, "node B stops the timer started on node A (" + stop.statusCode() + ")");
		check(a.exchange(Http.bearer(staffToken), "GET", "/api/v1/timer", null).statusCode() == 204,
				"node A then has no running timer");

		Approval approval = approval(a);
		approval.sign(this, b, "Signed on node B");
		HttpResponse<String> invoice = b.exchange(Http.bearer(managerToken), "POST", "/api/v1/invoices/from-time",
				Map.of("approvalId", approval.id));
		check(invoice.statusCode() == 201, "approval " + approval.id + " sent on A, signed on B, invoiced on B ("
				+ invoice.statusCode() + " " + abbreviate(invoice.body()) + ")");
		List<Long> invoices = invoicesOf(approval.id);
		check(invoices.size() == 1, "exactly one invoice for it: " + invoices);
		if (invoices.size() == 1) {
			checkComplete(invoices.get(0), approval);
		}

		int n = options.quick() ? 6 : 20;
		long t = System.nanoTime();
		for (int i = 0; i < n; i++) {
			approval(i % 2 == 0 ? a : b);
		}
		System.out.printf("  %d approvals sent, alternately on A and B, with both job executors and both outbox senders "
				+ "running%n", n);
		checkEveryLinkOnce(Duration.ofSeconds(90));
		System.out.printf("  all %d mails arrived in %.1f s%n", n, secs(t));
	}

	/* ------------------------------------------------------------------ scenario 3 */

	private void smtpDown() throws Exception {
		heading("3. SMTP down: mail waits (engine job retries, outbox) and goes out once when the server returns");
		Http a = new Http(nodes.get("A").port);
		Http b = new Http(nodes.get("B").port);
		// two draft invoices to send: their mail goes through the outbox; the approvals' through the engine's job
		List<String> numbers = new ArrayList<>();
		for (Http node : List.of(a, b)) {
			Approval approval = approval(node);
			approval.sign(this, node, "Before the outage");
			numbers.add(node.sendJson(Http.bearer(managerToken), "POST", "/api/v1/invoices/from-time",
					Map.of("approvalId", approval.id()), 201).get("number").asText());
		}
		mail.stop();
		long down = System.nanoTime();
		int n = 4;
		for (int i = 0; i < n; i++) {
			approval(i % 2 == 0 ? a : b);
		}
		List<Long> invoiceIds = new ArrayList<>();
		try (Connection db = db(); PreparedStatement s = db.prepareStatement("select id from invoice where number = ?")) {
			for (String number : numbers) {
				s.setString(1, number);
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					invoiceIds.add(rs.getLong(1));
				}
			}
		}
		for (int i = 0; i < invoiceIds.size(); i++) {
			(i % 2 == 0 ? a : b).send(Http.bearer(managerToken), "POST", "/api/v1/invoices/" + invoiceIds.get(i) + "/send",
					null, 200);
		}
		System.out.printf("  GreenMail stopped; %d approvals sent and invoices %s sent, on A and B%n", n, numbers);
		// every one of them tried and failed at least once: the engine's jobs hold an error, the outbox rows an attempt
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		long[] failed = { 0, 0 };
		while (System.nanoTime() < deadline && ((failed = failedAttempts())[0] < n || failed[1] < numbers.size())) {
			Thread.sleep(500);
		}
		check(failed[0] >= n && failed[1] >= numbers.size(), "%d approval mail jobs failed and wait for their retry, "
			.formatted(failed[0]) + "%d outbox mails failed and wait for theirs".formatted(failed[1]));
		Duration outage = options.quick() ? Duration.ofSeconds(5) : Duration.ofSeconds(90);
		Thread.sleep(outage.toMillis());
		mail.start();
		System.out.printf("  GreenMail started again after %.0f s down%n", secs(down));
		// the engine retries the approval mail after 1, 5, 15, 30 and 60 min (client-approval.bpmn); the outbox after
		// 30 s, then 1, 2, 4 min (OutboxSender): the wait covers the next step of each (90 s down: the 5-min retry)
		checkEveryLinkOnce(Duration.ofSeconds(options.quick() ? 80 : 420));
		long invoiceDeadline = System.nanoTime() + Duration.ofSeconds(options.quick() ? 60 : 200).toNanos();
		while (System.nanoTime() < invoiceDeadline && !numbers.stream().allMatch(this::mailedOnce)) {
			Thread.sleep(500);
		}
		Thread.sleep(2000);
		for (String number : numbers) {
			check(mailedOnce(number), "invoice " + number + " mailed to the client exactly once after the outage");
		}
		System.out.printf("  every waiting mail arrived %.0f s after the outage began%n", secs(down));
	}

	private boolean mailedOnce(String number) {
		try {
			return mail.countSubject(CLIENT_EMAIL, number) == 1;
		}
		catch (Exception ex) {
			return false;
		}
	}

	/* engine mail jobs holding an error, outbox mails to the client with a failed attempt */
	private long[] failedAttempts() throws SQLException {
		try (Connection db = db(); Statement s = db.createStatement()) {
			long jobs = single(s, "select count(*) from act_ru_job where exception_msg_ is not null");
			long outbox = single(s, "select count(*) from mail_outbox where lower(recipient) = '" + CLIENT_EMAIL
					+ "' and status = 'PENDING' and attempts > 0");
			return new long[] { jobs, outbox };
		}
	}

	/* ------------------------------------------------------------------ scenario 4 */

	private void databaseRestart() throws Exception {
		heading("4. PostgreSQL restarted under the running nodes");
		Http a = new Http(nodes.get("A").port);
		Http b = new Http(nodes.get("B").port);
		Client browser = new Client();
		browser.signIn(a.base(), STAFF_EMAIL, password);
		check(browser.get(a.base() + "/time").statusCode() == 200, "a signed-in page works before the restart");
		long t = System.nanoTime();
		pg.stop();
		System.out.printf("  PostgreSQL stopped (fast shutdown) in %.1f s%n", secs(t));
		for (Http node : List.of(a, b)) {
			long asked = System.nanoTime();
			HttpResponse<String> read = node.exchange(Http.bearer(staffToken), "GET", "/api/v1/timer", null);
			double took = secs(asked);
			checkUnavailable(read, "GET /api/v1/timer on " + node.base(), took);
			HttpResponse<String> write = node.exchange(Http.bearer(staffToken), "POST", "/api/v1/time-entries",
					entryBody(LocalDate.now(ZoneOffset.UTC), 15));
			checkUnavailable(write, "POST /api/v1/time-entries on " + node.base(), secs(asked) - took);
			HttpResponse<String> basic = node.exchange(Http.basic(MANAGER_EMAIL, password), "GET", "/api/v1/approvals", null);
			checkUnavailable(basic, "GET /api/v1/approvals with Basic on " + node.base(), 0);
		}
		HttpResponse<String> page = browser.get(a.base() + "/time");
		check(page.statusCode() == 503 && page.body().contains("Back to the start page")
				&& !page.body().contains("Exception") && !page.body().contains("at com."),
				"the /time page of a signed-in person answers the app's error page with 503 (" + page.statusCode() + ")");
		Thread.sleep(2000);
		t = System.nanoTime();
		pg.start();
		System.out.printf("  PostgreSQL started again in %.1f s%n", secs(t));
		for (Http node : List.of(a, b)) {
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			int status = 0;
			long asked = System.nanoTime();
			while (System.nanoTime() < deadline) {
				status = node.exchange(Http.bearer(staffToken), "GET", "/api/v1/timer", null).statusCode();
				if (status == 200 || status == 204) {
					break;
				}
				Thread.sleep(500);
			}
			check(status == 200 || status == 204, "%s answers again %.1f s after the database returned, without a restart"
				.formatted(node.base(), secs(asked)));
		}
		check(browser.get(a.base() + "/time").statusCode() == 200, "the signed-in page works again in the same session");
		HttpResponse<String> save = a.exchange(Http.bearer(staffToken), "POST", "/api/v1/time-entries",
				entryBody(nextDay(), 30));
		check(save.statusCode() == 201, "a save succeeds after the restart (" + save.statusCode() + ")");
		// the engine's job executors found the database again: a new approval's mail goes out
		approval(b);
		approval(a);
		checkEveryLinkOnce(Duration.ofSeconds(120));
	}

	private void checkUnavailable(HttpResponse<String> answer, String what, double seconds) {
		String type = answer.headers().firstValue("Content-Type").orElse("");
		check(answer.statusCode() == 503 && type.startsWith("application/problem+json")
				&& answer.body().contains("\"title\":\"Service unavailable\"")
				&& answer.headers().firstValue("Retry-After").isPresent() && !answer.body().contains("Exception"),
				"%s while the database is down: %d %s Retry-After %s%s".formatted(what, answer.statusCode(), type,
						answer.headers().firstValue("Retry-After").orElse("-"),
						seconds > 0 ? " in %.1f s".formatted(seconds) : ""));
	}

	/* ------------------------------------------------------------------ shared steps */

	/** A client approval of one new entry on a day of its own, sent by the staff member through {@code http}. */
	Approval approval(Http http) throws Exception {
		LocalDate day = nextDay();
		JsonNode entry = http.sendJson(Http.bearer(staffToken), "POST", "/api/v1/time-entries", entryBody(day, 90), 201);
		int tag;
		synchronized (this) {
			tag = ++approvalsMade;
		}
		JsonNode approval = http.sendJson(Http.bearer(staffToken), "POST", "/api/v1/approvals",
				Map.of("contactId", contactId, "from", day.toString(), "to", day.toString(), "grouping", "PROJECT",
						"message", "fault-run approval #" + tag), 201);
		return new Approval(approval.get("id").asLong(), List.of(entry.get("id").asLong()), tag);
	}

	synchronized LocalDate nextDay() {
		nextDay = nextDay.minusDays(1);
		return nextDay;
	}

	Map<String, Object> entryBody(LocalDate day, int minutes) {
		return Map.of("type", "ACTIVITY", "projectId", projectId, "activityId", activityId, "date", day.toString(),
				"minutes", minutes, "description", "fault run");
	}

	/** An approval sent in this run: its id, its entries, and its place in the order of sending. */
	record Approval(long id, List<Long> entries, int tag) {

		/** Waits for this approval's mail (found by the run's tag in its message) and signs it through {@code http}. */
		void sign(Faults run, Http http, String name) throws Exception {
			String link = run.mail.awaitLink(CLIENT_EMAIL, tag, Duration.ofSeconds(90));
			if (link == null) {
				throw new IllegalStateException("the mail of approval " + id + " did not arrive in 90 s");
			}
			new Client().sign(http.base() + link, name);
			run.check(run.approvalStatus(id).equals("APPROVED"), "approval " + id + " signed through its mailed link");
		}
	}

	String approvalStatus(long approvalId) throws SQLException {
		try (Connection db = db(); PreparedStatement s = db.prepareStatement("select status from client_approval where id = ?")) {
			s.setLong(1, approvalId);
			try (ResultSet rs = s.executeQuery()) {
				return rs.next() ? rs.getString(1) : "";
			}
		}
	}

	/** Every approval sent so far has had its mail exactly once, each with a link of its own. */
	void checkEveryLinkOnce(Duration limit) throws Exception {
		long t = System.nanoTime();
		long deadline = t + limit.toNanos();
		Map<Integer, List<String>> byTag = mail.linksByTag(CLIENT_EMAIL);
		while (byTag.size() < approvalsMade && System.nanoTime() < deadline) {
			Thread.sleep(250);
			byTag = mail.linksByTag(CLIENT_EMAIL);
		}
		double waited = secs(t);
		Thread.sleep(3000); // a late duplicate would show now
		byTag = mail.linksByTag(CLIENT_EMAIL);
		List<Integer> twice = byTag.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
		List<Integer> missing = new ArrayList<>();
		for (int tag = 1; tag <= approvalsMade; tag++) {
			if (!byTag.containsKey(tag)) {
				missing.add(tag);
			}
		}
		long distinct = byTag.values().stream().flatMap(List::stream).distinct().count();
		int mails = byTag.values().stream().mapToInt(List::size).sum();
		check(missing.isEmpty() && twice.isEmpty() && distinct == mails,
				"%d approvals sent, %d mails with %d distinct links (waited %.1f s); missing %s, mailed twice %s"
					.formatted(approvalsMade, mails, distinct, waited, missing, twice));
	}

	List<Long> invoicesOf(long approvalId) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (Connection db = db(); PreparedStatement s = db.prepareStatement(
				"select id from invoice where approval_id = ? and status <> 'VOID' order by id")) {
			s.setLong(1, approvalId);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					ids.add(rs.getLong(1));
				}
			}
		}
		return ids;
	}

	/** The invoice has its number, its lines summing to its total, and every entry of the approval billed on it. */
	void checkComplete(long invoiceId, Approval approval) throws SQLException {
		try (Connection db = db()) {
			String number;
			BigDecimal total;
			try (PreparedStatement s = db.prepareStatement("select number, total from invoice where id = ?")) {
				s.setLong(1, invoiceId);
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					number = rs.getString(1);
					total = rs.getBigDecimal(2);
				}
			}
			BigDecimal lines;
			int count;
			try (PreparedStatement s = db.prepareStatement(
					"select count(*), coalesce(sum(amount), 0) from invoice_line where invoice_id = ?")) {
				s.setLong(1, invoiceId);
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					count = rs.getInt(1);
					lines = rs.getBigDecimal(2);
				}
			}
			int billed = 0;
			try (PreparedStatement s = db.prepareStatement(
					"select count(*) from time_entry where id = any(?) and status = 'BILLED' and invoice_id = ?")) {
				s.setArray(1, db.createArrayOf("bigint", approval.entries().toArray()));
				s.setLong(2, invoiceId);
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					billed = rs.getInt(1);
				}
			}
			check(number != null && !number.isBlank() && count > 0 && total.compareTo(lines) == 0
					&& billed == approval.entries().size(),
					"invoice %d is complete: number %s, %d lines summing to %s = total %s, %d of %d entries BILLED on it"
						.formatted(invoiceId, number, count, lines, total, billed, approval.entries().size()));
		}
	}

	/** No invoice: the approval's entries are on none and not billed. */
	void checkUntouched(Approval approval) throws SQLException {
		try (Connection db = db(); PreparedStatement s = db.prepareStatement(
				"select count(*) from time_entry where id = any(?) and (invoice_id is not null or status = 'BILLED')")) {
			s.setArray(1, db.createArrayOf("bigint", approval.entries().toArray()));
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				check(rs.getInt(1) == 0, "no entry of approval " + approval.id() + " is left billed or on an invoice");
			}
		}
	}

	/* ------------------------------------------------------------------ the processes */

	/** Starts (or restarts) a node on a new port; only node A creates the demo workspace on an empty database. */
	AppProcess startNode(String name, boolean demo) throws Exception {
		List<String> arguments = List.of("--spring.datasource.url=" + pg.url(DATABASE),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--nexus.demo-data=" + demo, "--nexus.demo-password=" + password,
				"--nexus.admin.email=" + ADMIN_EMAIL, "--nexus.admin.password=" + password,
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.port(),
				// the outbox looks for due mail every second instead of every 5 s
				"--nexus.mail.send-every=1s",
				// --quick: a killed node's locked jobs are free after 30 s instead of the app's 1 min (docs/faults.md)
				"--camunda.bpm.job-execution.lock-time-in-millis=" + (options.quick() ? 30_000 : 60_000),
				// a request waits at most 3 s for a connection while the database is down (Hikari's default: 30 s)
				"--spring.datasource.hikari.connection-timeout=3000",
				"--logging.level.root=WARN", "--logging.level.com.nexustime=INFO");
		long t = System.nanoTime();
		AppProcess node = AppProcess.start(appClasspath, arguments, freePort(), OUT.resolve("node-" + name + ".log"),
				Duration.ofMinutes(3));
		synchronized (nodes) {
			nodes.put(name, node);
		}
		System.out.printf("  node %s (pid %d) ready on 127.0.0.1:%d in %.1f s%n", name, node.pid(), node.port, secs(t));
		return node;
	}

	private void lookUpDemo() throws Exception {
		try (Connection db = db(); Statement s = db.createStatement()) {
			contactId = single(s, "select id from contact where lower(email) = '" + CLIENT_EMAIL + "'");
			projectId = single(s, "select id from project where name = 'Globex website relaunch'");
			activityId = single(s, "select id from activity where name = 'Design'");
			staffId = single(s, "select id from app_user where email = '" + STAFF_EMAIL + "'");
		}
		Http http = new Http(nodes.get("A").port);
		staffToken = token(http, STAFF_EMAIL);
		managerToken = token(http, MANAGER_EMAIL);
	}

	String token(Http http, String email) throws Exception {
		return http.sendJson(Http.basic(email, password), "POST", "/api/v1/me/tokens", Map.of("name", "faults"), 201)
			.get("token").asText();
	}

	private static long single(Statement s, String sql) throws SQLException {
		try (ResultSet rs = s.executeQuery(sql)) {
			if (!rs.next()) {
				throw new IllegalStateException("the demo workspace lacks: " + sql);
			}
			return rs.getLong(1);
		}
	}

	Connection db() throws SQLException {
		return DriverManager.getConnection(pg.url(DATABASE), "postgres", "");
	}

	private void shutdown() {
		for (AppProcess node : nodes.values()) {
			try {
				node.close();
			}
			catch (Exception ex) {
				System.out.println("stopping a node: " + ex);
			}
		}
		try {
			if (mail != null) {
				mail.stop();
			}
			if (pg != null) {
				pg.stop();
			}
		}
		catch (Exception ex) {
			System.out.println("stopping PostgreSQL/GreenMail: " + ex);
		}
	}

	/* ------------------------------------------------------------------ reporting */

	void check(boolean holds, String what) {
		if (holds) {
			held.add(what);
			System.out.println("  held: " + what);
		}
		else {
			failures.add(what);
			System.out.println("  FAILED: " + what);
		}
	}

	static void heading(String text) {
		System.out.println();
		System.out.println(text + "  [" + ZonedDateTime.now(ZoneOffset.UTC).toLocalTime().withNano(0) + "]");
	}

	static double secs(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	static String abbreviate(String text) {
		return text.length() > 200 ? text.substring(0, 200) + "…" : text;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}
}
