package com.nexustime.bench;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@code bench/run}: measures the app's hot paths against the machine's own limits, each figure beside a
 * baseline taken in the same run on the same PostgreSQL, and writes the table to {@code target/bench/results.md}.
 * Everything it starts listens on loopback only; every phase is bounded in time or count. See
 * {@code docs/benchmarks.md}.
 */
public final class Bench {

	private static final Path OUT = Path.of("target", "bench");

	private static final String ADMIN_EMAIL = "bench-admin@localhost";

	private final Options options;

	private final Table table = new Table();

	/* BENCH_PG_STATEMENTS=1: the embedded server loads pg_stat_statements and the save phase lists its statements */
	private static final boolean STATEMENTS = "1".equals(System.getenv("BENCH_PG_STATEMENTS"));

	private Connection statements;

	/* the app's CPU, PostgreSQL's and the machine's, read around each measured load phase */
	private CpuMeter meter = new CpuMeter(-1);

	/** The JFR recording of the client's leg now running (with --jfr), or null. */
	private String chainRecording;

	private Bench(Options options) {
		this.options = options;
	}

	/** What the command line asked for. */
	record Options(String commandLine, boolean quick, String dbHost, int dbPort, String dbUser, String dbPassword, boolean jfr,
			long entries, Duration warmUp, Duration measured, int reportRuns) {

		static Options parse(String[] args) {
			boolean quick = false;
			boolean jfr = false;
			String host = null;
			int port = 5432;
			String user = "postgres";
			String password = System.getenv().getOrDefault("PGPASSWORD", "");
			Long entries = null;
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--quick" -> quick = true;
					case "--jfr" -> jfr = true;
					case "--db-host" -> host = args[++i];
					case "--db-port" -> port = Integer.parseInt(args[++i]);
					case "--db-user" -> user = args[++i];
					case "--entries" -> entries = Long.parseLong(args[++i]);
					case "--help", "-h" -> {
						System.out.println("""
								bench/run [--quick] [--jfr] [--entries N] [--db-host H --db-port P --db-user U]
								  --quick    about 2 minutes: 200,000 entries, 3 s warm-up and 5 s per load phase
								  --jfr      record the save phase with Java Flight Recorder (target/bench/saves.jfr) and each
								             phase of the client's leg (target/bench/chain-<phase>.jfr, every socket read)
								  --entries  how many time entries to generate (default 1,000,000; quick 200,000)
								  --db-*     use this PostgreSQL server (password from PGPASSWORD) instead of starting
								             one in target/bench/postgres; its database nexus_bench is dropped and recreated
								""");
						System.exit(0);
					}
					default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
				}
			}
			return new Options(String.join(" ", args), quick, host, port, user, password, jfr,
					entries != null ? entries : quick ? 200_000 : 1_000_000,
					Duration.ofSeconds(quick ? 3 : 10), Duration.ofSeconds(quick ? 5 : 30), quick ? 5 : 20);
		}
	}

	public static void main(String[] args) throws Exception {
		// the embedded server's and the rule compiler's start-up chatter would bury the figures
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		Options options = Options.parse(args);
		long started = System.nanoTime();
		new Bench(options).run();
		System.out.printf("Finished in %.0f s; the table is in %s%n", (System.nanoTime() - started) / 1e9,
				OUT.resolve("results.md"));
		System.exit(0);
	}

	private void run() throws Exception {
		Files.createDirectories(OUT);
		EmbeddedPostgres embedded = null;
		String host = options.dbHost();
		int dbPort = options.dbPort();
		String dbUser = options.dbUser();
		String dbPassword = options.dbPassword();
		if (host == null) {
			long pgStart = System.nanoTime();
			embedded = EmbeddedPostgres.builder().setDataDirectory(OUT.resolve("postgres").toAbsolutePath())
				.setCleanDataDirectory(true).setPort(freePort()).setPGStartupWait(Duration.ofSeconds(60))
				// the same durability as the app's own embedded server
				.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on").setServerConfig("max_connections", "200")
				// for profiling only: PostgreSQL's time per statement during the save phase (see docs/benchmarks.md)
				.setServerConfig("shared_preload_libraries", STATEMENTS ? "pg_stat_statements" : "")
				.setServerConfig("pg_stat_statements.track", STATEMENTS ? "all" : "top")
				.setServerConfig("listen_addresses", "127.0.0.1").start();
			host = "127.0.0.1";
			dbPort = embedded.getPort();
			dbUser = "postgres";
			dbPassword = "";
			table.note("PostgreSQL 17 (embedded, fsync and synchronous_commit on) started in %.1f s".formatted(
					(System.nanoTime() - pgStart) / 1e9));
		}
		String url = "jdbc:postgresql://" + host + ":" + dbPort + "/";
		try (Connection admin = DriverManager.getConnection(url + "postgres", dbUser, dbPassword);
				Statement s = admin.createStatement()) {
			s.execute("drop database if exists nexus_bench with (force)");
			s.execute("create database nexus_bench");
		}
		String benchUrl = url + "nexus_bench";
		int smtpPort = freePort();
		GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		String adminPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
		String appClasspath = "target/classes" + java.io.File.pathSeparator
				+ Files.readString(OUT.resolve("app.classpath")).trim();
		List<String> arguments = List.of("--spring.datasource.url=" + benchUrl,
				"--spring.datasource.username=" + dbUser, "--spring.datasource.password=" + dbPassword,
				"--nexus.demo-data=false", "--nexus.admin.email=" + ADMIN_EMAIL,
				"--nexus.admin.password=" + adminPassword, "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtpPort, "--logging.level.root=WARN",
				// the rush's clients sign from addresses of their own, forwarded by "the proxy" on loopback
				"--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
				"--logging.level.com.nexustime=INFO");
		System.out.println("Starting the app on an empty database (migrations, engine tables) ...");
		try (AppProcess app = AppProcess.start(appClasspath, arguments, freePort(), OUT.resolve("app.log"),
				Duration.ofMinutes(3)); Connection db = DriverManager.getConnection(benchUrl, dbUser, dbPassword)) {
			meter = new CpuMeter(app.pid());
			statements = STATEMENTS && embedded != null ? db : null;
			if (statements != null) {
				try (Statement st = db.createStatement()) {
					st.execute("create extension if not exists pg_stat_statements");
				}
			}
			nativeMemory(app, "ready");
			double rssReady = app.residentMegabytes();
			table.add("cold start to ready (empty database: Flyway and engine schema)",
					"%.1f s".formatted(app.secondsToReady), "—", "< 15 s", app.secondsToReady < 15);
			table.add("resident memory (RSS) at ready", "%.0f MB".formatted(rssReady), "—", "< 700 MB",
					rssReady < 700);

			System.out.printf("Generating %,d entries ...%n", options.entries());
			long genStart = System.nanoTime();
			DataGenerator.Agency agency = new DataGenerator(db).generate(ADMIN_EMAIL, 500, 1000, options.entries(),
					options.quick() ? 50 : 500);
			try (Statement s = db.createStatement()) {
				s.execute("vacuum analyze");
			}
			table.note("Data: %,d entries for 500 people on 1,000 projects over %s – %s, generated with COPY "
				.formatted(agency.entries(), agency.firstDay(), agency.lastDay())
					+ "and vacuumed in %.0f s".formatted((System.nanoTime() - genStart) / 1e9));

			Http http = new Http(app.port);
			String adminToken = token(http, ADMIN_EMAIL, adminPassword);
			List<String> loadTokens = new ArrayList<>();
			for (int i = 0; i < agency.loadPeople().size(); i++) {
				loadTokens.add(token(http, "load" + i + "@bench.example", adminPassword));
			}
			Baselines baselines = new Baselines(host, dbPort, dbUser, dbPassword, "nexus_bench", OUT, options);
			saves(app, http, agency, loadTokens, baselines);
			timers(http, agency, loadTokens, baselines);
			grid(http, db, agency, adminPassword);
			reports(http, db, adminToken);
			rush(app, http, mail, agency, adminToken, adminPassword, url, dbUser, dbPassword);
			nativeMemory(app, "after-load");
			double rssAfter = app.residentMegabytes();
			table.add("resident memory (RSS) after the load", "%.0f MB".formatted(rssAfter), "—", "< 700 MB",
					rssAfter < 700);
		}
		finally {
			mail.stop();
		}
		RuleDecisions.measure(table);
		String heading = """
				# Nexus Time benchmark

				Command: `bench/run%s` · %s · %s""".formatted(options.commandLine().isEmpty() ? ""
						: " " + options.commandLine(),
				ZonedDateTime.now().withNano(0), Machine.describe());
		table.write(OUT.resolve("results.md"), heading);
		System.out.println();
		System.out.println(table.markdown(heading));
		if (embedded != null) {
			try {
				embedded.close();
			}
			catch (RuntimeException slowShutdown) {
				// pg_ctl gives up after 5 s on a busy machine; the fast shutdown it asked for still completes
				System.out.println("PostgreSQL is still shutting down: " + slowShutdown.getMessage());
			}
		}
	}

	/* Entry saves through the API at 16 and 64 connections, beside PostgreSQL's own insert rate. */
	private void saves(AppProcess app, Http http, DataGenerator.Agency agency, List<String> tokens,
			Baselines baselines) throws Exception {
		long activity = agency.activities().get(0);
		for (int connections : new int[] { 16, 64 }) {
			Latencies baseline = baselines.inserts(connections);
			if (options.jfr() && connections == 16) {
				System.out.println(app.jcmd("JFR.start", "name=saves", "settings=profile",
						"filename=" + OUT.resolve("saves.jfr").toAbsolutePath()));
			}
			System.out.printf("Saving entries at %d connections ...%n", connections);
			resetStatements();
			Latencies saves = metered("save at %d connections".formatted(connections), connections, (thread, round) -> {
				int person = thread % tokens.size();
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("type", "ACTIVITY");
				body.put("projectId", agency.loadProjects().get(person));
				body.put("activityId", activity);
				body.put("date", agency.lastDay().minusDays((round * 7 + thread / tokens.size()) % 364).toString());
				body.put("minutes", 5);
				body.put("description", "bench save");
				http.send(Http.bearer(tokens.get(person)), "POST", "/api/v1/time-entries", body, 201);
			});
			note(baselines.cpu(connections));
			listStatements("saves-" + connections, saves.count());
			if (options.jfr() && connections == 16) {
				System.out.println(app.jcmd("JFR.stop", "name=saves"));
			}
			double share = saves.perSecond() / baseline.perSecond();
			boolean met = share >= 0.40 && (connections != 16 || saves.millis(99) < 50);
			table.add("entry saves at %d connections (POST /api/v1/time-entries, Bearer token, 16 people on 16 projects)"
				.formatted(connections), saves.rateAndPercentiles() + " = " + Table.percent(share) + " of baseline",
					baselines.describe() + ": " + baseline.rateAndPercentiles(),
					connections == 16 ? "≥ 40 % of baseline; p99 < 50 ms" : "≥ 40 % of baseline", met);
		}
	}

	/* A load phase with the CPU per operation of its measured period (machine, app, PostgreSQL) as a note. */
	private Latencies metered(String what, int threads, Load.Operation operation) throws InterruptedException {
		CpuMeter.Reading[] cpu = new CpuMeter.Reading[2];
		Latencies measured = Load.run(threads, options.warmUp(), options.measured(), operation,
				starting -> cpu[starting ? 0 : 1] = meter.read());
		note(CpuMeter.perOperation(what, cpu[0], cpu[1], measured.count()));
		return measured;
	}

	private void resetStatements() throws Exception {
		if (statements != null) {
			try (Statement s = statements.createStatement()) {
				s.execute("select pg_stat_statements_reset()");
			}
		}
	}

	/*
	 * PostgreSQL's own time per statement since the last reset (warm-up included), the 30 most costly: what the
	 * database does for the phase's operations, the statements inside trigger functions listed on their own.
	 */
	private void listStatements(String phase, long operations) throws Exception {
		if (statements == null) {
			return;
		}
		StringBuilder out = new StringBuilder("calls\ttotal ms\tmean ms\trows\tstatement\n");
		try (Statement s = statements.createStatement(); ResultSet rs = s.executeQuery(
				"select calls, total_exec_time, mean_exec_time, rows, toplevel, regexp_replace(query, '\\s+', ' ', 'g')"
						+ " from pg_stat_statements where dbid = (select oid from pg_database where datname ="
						+ " current_database()) order by total_exec_time desc limit 30")) {
			while (rs.next()) {
				out.append("%d\t%.0f\t%.3f\t%d\t%s%s%n".formatted(rs.getLong(1), rs.getDouble(2), rs.getDouble(3),
						rs.getLong(4), rs.getBoolean(5) ? "" : "(inside a function) ", rs.getString(6)));
			}
		}
		Path file = OUT.resolve("statements-" + phase + ".txt");
		Files.writeString(file, out.toString());
		System.out.printf("  PostgreSQL's statements (%,d operations measured): %s%n", operations, file);
	}

	/* With native memory tracking on (BENCH_APP_JAVA_OPTIONS), the JVM's own account of its memory, by area. */
	private static void nativeMemory(AppProcess app, String when) throws Exception {
		if (AppProcess.extraOptions().contains("NativeMemoryTracking")) {
			Path file = OUT.resolve("native-memory-" + when + ".txt");
			Files.writeString(file, app.jcmd("VM.native_memory", "summary"));
			System.out.println("  native memory (" + when + "): " + file);
		}
	}

	private void note(String note) {
		if (note != null) {
			System.out.println("  " + note);
			table.note(note);
		}
	}

	/* Timer start + stop pairs: two requests and one entry per pair, each person one running timer. */
	private void timers(Http http, DataGenerator.Agency agency, List<String> tokens, Baselines baselines)
			throws Exception {
		long activity = agency.activities().get(1);
		Latencies baseline = baselines.inserts(16);
		System.out.println("Starting and stopping timers at 16 connections ...");
		Latencies pairs = metered("timer start + stop pair", 16, (thread, round) -> {
			String auth = Http.bearer(tokens.get(thread));
			http.send(auth, "POST", "/api/v1/timer",
					Map.of("projectId", agency.loadProjects().get(thread), "activityId", activity), 201);
			http.send(auth, "POST", "/api/v1/timer/stop", null, 200);
		});
		double share = pairs.perSecond() / baseline.perSecond();
		table.add("timer start + stop pairs at 16 connections", pairs.rateAndPercentiles() + " = "
				+ Table.percent(share) + " of baseline", baselines.describe() + ": " + baseline.rateAndPercentiles(),
				"≥ 30 % of baseline", share >= 0.30);
	}

	/* The weekly grid of 30 rows (10 projects × 3 activities, five days each): read it, and save it with one change. */
	private void grid(Http http, Connection db, DataGenerator.Agency agency, String password) throws Exception {
		LocalDate week = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
		int people = agency.gridPeople().size();
		List<String> tokens = new ArrayList<>();
		List<List<Map<String, Object>>> grids = new ArrayList<>();
		for (int g = 0; g < people; g++) {
			tokens.add(token(http, "grid" + g + "@bench.example", password));
			List<Map<String, Object>> rows = new ArrayList<>();
			for (int p = 0; p < 10; p++) {
				for (int a = 0; a < 3; a++) {
					rows.add(new LinkedHashMap<>(Map.of("projectId", agency.projects().get(100 + g * 10 + p),
							"activityId", agency.activities().get(a),
							"hours", new ArrayList<>(List.of("0.5", "0.5", "0.5", "0.5", "0.5", "", "")))));
				}
			}
			grids.add(rows);
			http.send(Http.bearer(tokens.get(g)), "PUT", "/api/v1/timesheets/" + week, Map.of("rows", rows), 200);
		}
		String path = "/api/v1/timesheets/" + week;
		System.out.printf("Reading and saving weekly grids at %d connections ...%n", people);
		Latencies get = metered("grid GET", people, (thread, round) -> http.get(Http.bearer(tokens.get(thread)), path));
		Latencies put = metered("grid PUT", people, (thread, round) -> {
			List<Map<String, Object>> rows = grids.get(thread);
			@SuppressWarnings("unchecked")
			List<String> hours = (List<String>) rows.get((int) (round % rows.size())).get("hours");
			int day = (int) (round / rows.size() % 5);
			hours.set(day, "0.5".equals(hours.get(day)) ? "0.25" : "0.5");
			http.send(Http.bearer(tokens.get(thread)), "PUT", path, Map.of("rows", rows), 200);
		});
		List<Connection> connections = new ArrayList<>();
		for (int i = 0; i < people; i++) {
			connections.add(DriverManager.getConnection(db.getMetaData().getURL(), db.getMetaData().getUserName(),
					options.dbPassword() == null ? "" : options.dbPassword()));
		}
		Latencies select;
		try {
			select = Load.run(people, options.warmUp(), options.measured(), (thread, round) -> {
				try (PreparedStatement s = connections.get(thread).prepareStatement("""
						select e.id, e.project_id, p.name, e.activity_id, a.name, e.entry_date, e.minutes, e.status
						  from time_entry e join project p on p.id = e.project_id join activity a on a.id = e.activity_id
						 where e.user_id = ? and e.entry_date between ? and ?
						 order by p.name, a.name, e.entry_date""")) {
					s.setLong(1, agency.gridPeople().get(thread));
					s.setObject(2, week);
					s.setObject(3, week.plusDays(6));
					try (ResultSet rs = s.executeQuery()) {
						int n = 0;
						while (rs.next()) {
							n++;
						}
						if (n != 150) {
							throw new IllegalStateException("expected the grid's 150 entries, read " + n);
						}
					}
				}
			});
		}
		finally {
			for (Connection c : connections) {
				c.close();
			}
		}
		String base = "one SQL select of the week's 150 entries: " + select.percentiles();
		table.add("weekly grid GET (30 rows) at %d connections".formatted(people), get.rateAndPercentiles(), base,
				"p50 < 15 ms", get.millis(50) < 15);
		table.add("weekly grid PUT (30 rows, one cell changed) at %d connections".formatted(people),
				put.rateAndPercentiles(), base, "p50 < 15 ms", put.millis(50) < 15);
	}

	/* A year of reports through the API beside the bare aggregate over time_entry. */
	private void reports(Http http, Connection db, String adminToken) throws Exception {
		LocalDate to = LocalDate.now().withDayOfMonth(1).minusDays(1);
		LocalDate from = to.withDayOfMonth(1).minusMonths(11);
		Map<String, String> bare = new LinkedHashMap<>();
		bare.put("user", "select e.user_id, coalesce(sum(e.minutes), 0), sum(e.amount), count(*) from time_entry e "
				+ "where e.entry_date between ? and ? group by e.user_id");
		bare.put("project", "select e.project_id, coalesce(sum(e.minutes), 0), sum(e.amount), count(*) "
				+ "from time_entry e where e.entry_date between ? and ? group by e.project_id");
		bare.put("client", "select p.contact_id, coalesce(sum(e.minutes), 0), sum(e.amount), count(*) "
				+ "from time_entry e join project p on p.id = e.project_id where e.entry_date between ? and ? "
				+ "group by p.contact_id");
		bare.put("activity", "select e.activity_id, coalesce(sum(e.minutes), 0), sum(e.amount), count(*) "
				+ "from time_entry e where e.entry_date between ? and ? group by e.activity_id");
		System.out.printf("Reports over %s – %s ...%n", from, to);
		for (Map.Entry<String, String> grouping : bare.entrySet()) {
			Latencies sql = Load.repeat(1, options.reportRuns(), (t, r) -> {
				try (PreparedStatement s = db.prepareStatement(grouping.getValue())) {
					s.setObject(1, from);
					s.setObject(2, to);
					try (ResultSet rs = s.executeQuery()) {
						while (rs.next()) {
							rs.getBigDecimal(3);
						}
					}
				}
			});
			String baseline = "bare SQL over time_entry: p50 %s ms".formatted(Table.number(sql.millis(50)));
			String path = "/api/v1/reports/time?groupBy=%s&from=%s&to=%s".formatted(grouping.getKey(), from, to);
			Latencies api = Load.repeat(2, options.reportRuns(), (t, r) -> http.get(Http.bearer(adminToken), path));
			double ratio = api.millis(50) / sql.millis(50);
			table.add("report by %s, one year (whole months), API".formatted(grouping.getKey()),
					"p50 %s ms = %s× bare SQL".formatted(Table.number(api.millis(50)), Table.number(ratio)), baseline,
					"p50 < 250 ms and ≤ 1.5× bare SQL", api.millis(50) < 250 && ratio <= 1.5);
		}
		// a year that starts and ends mid-month: the rollup for the eleven whole months, entries for the edges
		LocalDate edgeFrom = from.plusDays(14);
		LocalDate edgeTo = to.plusDays(14);
		Latencies sql = Load.repeat(1, options.reportRuns(), (t, r) -> {
			try (PreparedStatement s = db.prepareStatement(bare.get("project"))) {
				s.setObject(1, edgeFrom);
				s.setObject(2, edgeTo);
				try (ResultSet rs = s.executeQuery()) {
					while (rs.next()) {
						rs.getBigDecimal(3);
					}
				}
			}
		});
		String path = "/api/v1/reports/time?groupBy=project&from=%s&to=%s".formatted(edgeFrom, edgeTo);
		Latencies api = Load.repeat(2, options.reportRuns(), (t, r) -> http.get(Http.bearer(adminToken), path));
		double ratio = api.millis(50) / sql.millis(50);
		table.add("report by project, one year from mid-month to mid-month, API",
				"p50 %s ms = %s× bare SQL".formatted(Table.number(api.millis(50)), Table.number(ratio)),
				"bare SQL over time_entry: p50 %s ms".formatted(Table.number(sql.millis(50))),
				"p50 < 250 ms and ≤ 1.5× bare SQL", api.millis(50) < 250 && ratio <= 1.5);
		// the dashboard and the reports of the agency's cockpit, as an admin (every active project, everyone)
		Map<String, String> cockpit = new LinkedHashMap<>();
		cockpit.put("dashboard as an admin (every active project)", "/api/v1/dashboard");
		cockpit.put("utilization report, one year", "/api/v1/reports/utilization?from=%s&to=%s".formatted(from, to));
		cockpit.put("profitability report, one year", "/api/v1/reports/profitability?from=%s&to=%s".formatted(from, to));
		cockpit.put("client billing report, one year", "/api/v1/reports/client-billing?from=%s&to=%s".formatted(from, to));
		for (Map.Entry<String, String> answer : cockpit.entrySet()) {
			Latencies timed = Load.repeat(2, options.reportRuns(),
					(t, r) -> http.get(Http.bearer(adminToken), answer.getValue()));
			table.add(answer.getKey() + ", API",
					"p50 %s ms, p99 %s ms".formatted(Table.number(timed.millis(50)), Table.number(timed.millis(99))),
					"—", "p50 < 250 ms", timed.millis(50) < 250);
		}
	}

	/*
	 * 500 weeks (quick: 50) submitted and approved, then sent to the client, signed through the mailed link and
	 * invoiced, through the API, beside the same diagrams in a bare engine.
	 */
	private void rush(AppProcess process, Http http, GreenMail mail, DataGenerator.Agency agency, String managerToken, String password,
			String url, String dbUser, String dbPassword) throws Exception {
		int weeks = agency.flowPeople().size();
		System.out.printf("Issuing %d tokens for the rush ...%n", weeks);
		String[] tokens = new String[weeks];
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		List<java.util.concurrent.Future<?>> issued = new ArrayList<>();
		for (int i = 0; i < weeks; i++) {
			int person = i;
			issued.add(pool.submit(() -> {
				tokens[person] = token(http, "flow" + person + "@bench.example", password);
				return null;
			}));
		}
		for (java.util.concurrent.Future<?> each : issued) {
			each.get();
		}
		pool.shutdown();
		System.out.printf("The Monday rush: %d weeks submitted and approved, sent to the client, signed, invoiced ...%n",
				weeks);
		Flows.Rush app = Flows.throughTheApi(http, mail, DataGenerator.FLOW_CLIENT_EMAIL, agency.flowContact(),
				managerToken, List.of(tokens), DataGenerator.rushWeek(), 8, phase -> chainPhase(process, phase));
		try (Connection admin = DriverManager.getConnection(url + "postgres", dbUser, dbPassword);
				Statement s = admin.createStatement()) {
			s.execute("drop database if exists nexus_bench_engine with (force)");
			s.execute("create database nexus_bench_engine");
		}
		Flows.Rush bare = Flows.inABareEngine(url + "nexus_bench_engine", dbUser, dbPassword, weeks, 8);
		String appErrors = app.errors() == 0 ? "" : " (%d errors, first: %s)".formatted(app.errors(), app.firstError());
		String bareErrors = bare.errors() == 0 ? ""
				: " (%d errors, first: %s)".formatted(bare.errors(), bare.firstError());
		double share = app.flowsPerSecond() / bare.flowsPerSecond();
		table.add("Monday rush: %d weeks submitted, then approved by the manager, 8 connections".formatted(weeks),
				"%s flows/s (submit %.1f s + approve %.1f s = %.1f s) = %s of baseline%s".formatted(
						Table.number(app.flowsPerSecond()), app.submitSeconds(), app.approveSeconds(), app.seconds(),
						Table.percent(share), appErrors),
				"weekly-timesheet.bpmn in a bare engine with no-op delegates: %s flows/s (%.1f s)%s".formatted(
						Table.number(bare.flowsPerSecond()), bare.seconds(), bareErrors),
				"≥ 50 % of baseline; 500 weeks in < 60 s",
				share >= 0.5 && app.errors() == 0 && (weeks < 500 || app.seconds() < 60));
		double chainShare = app.chainsPerSecond() / bare.chainsPerSecond();
		table.add(("week submit → manager approve → client approve (link from the mail) → invoice, %d weeks end to "
				+ "end, 8 connections").formatted(weeks),
				"%s flows/s (%s = %.1f s) = %s of baseline%s".formatted(Table.number(app.chainsPerSecond()),
						app.phases(), app.chainSeconds(), Table.percent(chainShare), appErrors),
				("weekly-timesheet.bpmn and client-approval.bpmn in a bare engine with no-op delegates, the same steps "
						+ "(mail job executed, decision correlated, invoice task completed): %s flows/s (%s = %.1f s)%s")
					.formatted(Table.number(bare.chainsPerSecond()), bare.phases(), bare.chainSeconds(), bareErrors),
				"≥ 50 % of baseline", chainShare >= 0.5 && app.errors() == 0);
	}

	/* With --jfr: one recording per phase of the client's leg, with every socket read (a round trip to PostgreSQL). */
	private void chainPhase(AppProcess app, String phase) {
		if (!options.jfr()) {
			return;
		}
		try {
			if (chainRecording != null) {
				System.out.println(app.jcmd("JFR.stop", "name=" + chainRecording));
				chainRecording = null;
			}
			if (phase != null) {
				Path settings = OUT.resolve("chain.jfc");
				if (!Files.exists(settings)) {
					// the profile settings with no threshold on socket reads, so that each statement shows
					Files.writeString(settings, Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr",
							"profile.jfc")).replace("<setting name=\"threshold\" control=\"socket-threshold\">10 ms",
									"<setting name=\"threshold\" control=\"socket-threshold\">0 ms"));
				}
				chainRecording = "chain-" + phase;
				System.out.println(app.jcmd("JFR.start", "name=" + chainRecording,
						"settings=" + settings.toAbsolutePath(),
						"filename=" + OUT.resolve(chainRecording + ".jfr").toAbsolutePath()));
			}
		}
		catch (IOException | InterruptedException ex) {
			System.out.println("JFR for the phase " + phase + " failed: " + ex.getMessage());
		}
	}

	/* A personal access token, issued through the API with the person's password. */
	private static String token(Http http, String email, String password) throws Exception {
		JsonNode issued = http.sendJson(Http.basic(email, password), "POST", "/api/v1/me/tokens",
				Map.of("name", "bench"), 201);
		return issued.get("token").asText();
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** The machine the figures came from, for the heading. */
	static final class Machine {

		static String describe() {
			String cpu = "unknown CPU";
			try {
				cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
					.findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
			}
			catch (IOException ignored) {
				// not Linux: the core count and Java version still say something
			}
			long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
				.getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024 * 1024);
			return "%d cores (%s), %d GB RAM, %s, Java %s".formatted(Runtime.getRuntime().availableProcessors(), cpu,
					memory, System.getProperty("os.name") + " " + System.getProperty("os.version"),
					System.getProperty("java.version"));
		}
	}

}
