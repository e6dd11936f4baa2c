package com.nexustime.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * The Monday rush and the whole chain after it, through the app's API: many people submit a week and their
 * manager approves each one; then each person sends the week to the client for approval, the app mails the link
 * (to GreenMail), the client opens the link read from the mail and signs, and the manager makes the invoice from
 * the approval. Beside it the same two diagrams ({@code processes/weekly-timesheet.bpmn},
 * {@code processes/client-approval.bpmn}) in a bare engine whose delegates do nothing, driven through the same
 * steps on the same PostgreSQL (a database of its own). Every phase is bounded in time.
 */
final class Flows {

	/** Every delegate and task listener of the diagram, doing nothing. */
	static final class NoOp implements JavaDelegate, TaskListener {

		@Override
		public void execute(DelegateExecution execution) {
		}

		@Override
		public void notify(DelegateTask task) {
		}
	}

	/** The invoicing conditions the client-approval diagram asks: never automatic, never invoiced already. */
	public static final class ManualInvoicing {

		public boolean automatic() {
			return false;
		}

		public boolean invoiced(Object approvalId) {
			return false;
		}
	}

	/**
	 * One run of the chain: the rush (submit, manager's approval) and the client's leg (send for approval, mail
	 * delivered, client signs through the link, invoice), seconds per phase.
	 */
	record Rush(int weeks, double submitSeconds, double approveSeconds, double sendSeconds, double mailSeconds,
			double signSeconds, double invoiceSeconds, long errors, String firstError) {

		/** The rush alone: submit and the manager's approval. */
		double seconds() {
			return submitSeconds + approveSeconds;
		}

		double flowsPerSecond() {
			return weeks / seconds();
		}

		/** The whole chain, each phase after the one before. */
		double chainSeconds() {
			return seconds() + sendSeconds + mailSeconds + signSeconds + invoiceSeconds;
		}

		double chainsPerSecond() {
			return weeks / chainSeconds();
		}

		String phases() {
			return "submit %.1f s + approve %.1f s + send %.1f s + mail %.1f s + sign %.1f s + invoice %.1f s".formatted(
					submitSeconds, approveSeconds, sendSeconds, mailSeconds, signSeconds, invoiceSeconds);
		}
	}

	/** How long a phase may take at most; a phase that runs out counts what it did not finish as errors. */
	private static final Duration PHASE_LIMIT = Duration.ofMinutes(3);

	/** The path of the signing link in the mail; the host is the app's public address. */
	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]*(/public/approvals/[A-Za-z0-9_-]+)");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private Flows() {
	}

	/*
	 * Submits every person's week in parallel, then the manager approves every waiting task in parallel; then each
	 * person sends the week to the client, the mails are awaited, the client signs each link and the manager
	 * invoices each approval.
	 */
	static Rush throughTheApi(Http http, GreenMail mail, String clientEmail, long contactId, String managerToken,
			List<String> peopleTokens, LocalDate week, int threads, Consumer<String> phase) throws Exception {
		AtomicInteger errors = new AtomicInteger();
		ConcurrentLinkedQueue<String> firstError = new ConcurrentLinkedQueue<>();
		int weeks = peopleTokens.size();
		long started = System.nanoTime();
		parallel(threads, weeks, i -> http.send(Http.bearer(peopleTokens.get(i)), "POST",
				"/api/v1/timesheets/" + week + "/submit", null, 202), errors, firstError);
		double submit = secondsSince(started);
		long approving = System.nanoTime();
		JsonNode tasks = http.getJson(Http.bearer(managerToken), "/api/v1/tasks");
		List<String> reviews = new ArrayList<>();
		tasks.forEach(t -> {
			if ("weekly-timesheet".equals(t.path("processDefinitionKey").asText())) {
				reviews.add(t.get("id").asText());
			}
		});
		parallel(threads, reviews.size(), i -> http.send(Http.bearer(managerToken), "POST",
				"/api/v1/tasks/" + reviews.get(i) + "/complete", Map.of("approved", true), 204), errors, firstError);
		double approve = secondsSince(approving);
		if (reviews.size() != weeks) {
			errors.addAndGet(Math.abs(weeks - reviews.size()));
			firstError.add("expected " + weeks + " review tasks, found " + reviews.size());
		}

		// the client's leg: each person sends the approved week to the client (their own entries only)
		int mailsBefore = mailsTo(mail, clientEmail).size();
		phase.accept("send");
		long sending = System.nanoTime();
		String[] approvals = new String[weeks];
		parallel(threads, weeks, i -> approvals[i] = http.sendJson(Http.bearer(peopleTokens.get(i)), "POST",
				"/api/v1/approvals", Map.of("contactId", contactId, "from", week.toString(), "to",
						week.plusDays(6).toString(), "grouping", "PROJECT"), 201).get("id").asText(),
				errors, firstError);
		double send = secondsSince(sending);
		phase.accept("mail");
		// the app's job executor mails each request; the link exists only in the mail
		long mailing = System.nanoTime();
		long deadline = mailing + PHASE_LIMIT.toNanos();
		List<MimeMessage> received = mailsTo(mail, clientEmail);
		while (received.size() < mailsBefore + weeks && System.nanoTime() < deadline) {
			mail.waitForIncomingEmail(200, mailsBefore + weeks);
			received = mailsTo(mail, clientEmail);
		}
		double mailed = secondsSince(mailing);
		List<String> links = new ArrayList<>();
		for (MimeMessage message : received.subList(Math.min(mailsBefore, received.size()), received.size())) {
			Matcher link = LINK.matcher(text(message));
			if (link.find()) {
				links.add(http.base() + URI.create(link.group(1)).getPath());
			}
		}
		if (links.size() != weeks) {
			errors.addAndGet(Math.abs(weeks - links.size()));
			firstError.add("expected " + weeks + " mailed links, found " + links.size() + " in " + received.size()
					+ " mails");
		}
		// each client (an address of its own, forwarded by the loopback proxy) opens the page and signs
		phase.accept("sign");
		long signing = System.nanoTime();
		List<String> signLinks = links;
		parallel(threads, signLinks.size(), i -> new ClientBrowser("10.%d.%d.%d".formatted(i / 62500 % 250,
				i / 250 % 250, i % 250 + 1)).sign(signLinks.get(i), "Client " + i), errors, firstError);
		double sign = secondsSince(signing);
		phase.accept("invoice");
		long invoicing = System.nanoTime();
		parallel(threads, weeks, i -> {
			if (approvals[i] == null) {
				throw new IllegalStateException("no approval was sent for week " + i);
			}
			http.send(Http.bearer(managerToken), "POST", "/api/v1/invoices/from-time",
					Map.of("approvalId", approvals[i]), 201);
		}, errors, firstError);
		double invoice = secondsSince(invoicing);
		phase.accept(null);
		return new Rush(reviews.size(), submit, approve, send, mailed, sign, invoice, errors.get(), firstError.peek());
	}

	private static List<MimeMessage> mailsTo(GreenMail mail, String address) throws MessagingException {
		List<MimeMessage> to = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			var recipients = message.getRecipients(Message.RecipientType.TO);
			if (recipients != null && recipients.length > 0 && address.equalsIgnoreCase(
					((jakarta.mail.internet.InternetAddress) recipients[0]).getAddress())) {
				to.add(message);
			}
		}
		return to;
	}

	/** The plain text of a mail, its parts decoded. */
	private static String text(Part part) throws IOException, MessagingException {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				all.append(text(multipart.getBodyPart(i)));
			}
			return all.toString();
		}
		return "";
	}

	private static double secondsSince(long nanos) {
		return (System.nanoTime() - nanos) / 1e9;
	}

	/** The client's browser on the public page: no account, a session cookie and the page's CSRF field. */
	private static final class ClientBrowser {

		private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5)).build();

		private final String address;

		ClientBrowser(String address) {
			this.address = address;
		}

		void sign(String link, String name) throws IOException, InterruptedException {
			HttpResponse<String> page = http.send(request(link).GET().build(), HttpResponse.BodyHandlers.ofString());
			Matcher csrf = CSRF.matcher(page.body());
			if (page.statusCode() != 200 || !csrf.find()) {
				throw new IOException("the approval page answered " + page.statusCode() + " without its form");
			}
			String form = "signature=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
			HttpResponse<String> signed = http.send(request(link + "/approve")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
			if (signed.statusCode() != 200 && signed.statusCode() != 302 && signed.statusCode() != 303) {
				throw new IOException("signing answered " + signed.statusCode());
			}
		}

		private HttpRequest.Builder request(String url) {
			// the bench's app trusts the loopback proxy, so each client counts (and is limited) as its own address
			return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Accept", "text/html")
				.header("User-Agent", "bench-client/1.0").header("X-Forwarded-For", address);
		}
	}

	/*
	 * The same steps in a bare engine with no-op delegates: start the weekly process and complete its review; start
	 * the client approval, run its mail job, correlate the client's decision, complete the invoice task.
	 */
	static Rush inABareEngine(String jdbcUrl, String user, String password, int weeks, int threads) throws Exception {
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setJdbcUrl(jdbcUrl).setJdbcUsername(user).setJdbcPassword(password)
			.setJdbcDriver("org.postgresql.Driver").setDatabaseSchemaUpdate("true").setHistory("full")
			.setJobExecutorActivate(false).setJdbcMaxActiveConnections(20)
			.setProcessEngineName("bench-bare-" + System.nanoTime());
		List<String> diagrams = List.of("weekly-timesheet.bpmn", "client-approval.bpmn");
		NoOp noOp = new NoOp();
		Map<Object, Object> beans = new HashMap<>();
		// every bean the diagrams name (delegates and listeners) is a no-op here
		for (String diagram : diagrams) {
			Matcher named = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)\\}\"")
				.matcher(Files.readString(Path.of("processes", diagram)));
			while (named.find()) {
				beans.put(named.group(1), noOp);
			}
		}
		beans.put("invoicing", new ManualInvoicing());
		((ProcessEngineConfigurationImpl) configuration).setBeans(beans);
		ProcessEngine engine = configuration.buildProcessEngine();
		try {
			var deployment = engine.getRepositoryService().createDeployment().name("bench");
			for (String diagram : diagrams) {
				deployment.addInputStream(diagram, Files.newInputStream(Path.of("processes", diagram)));
			}
			deployment.deploy();
			AtomicInteger errors = new AtomicInteger();
			ConcurrentLinkedQueue<String> firstError = new ConcurrentLinkedQueue<>();
			String[] instances = new String[weeks];
			long started = System.nanoTime();
			parallel(threads, weeks, i -> {
				Map<String, Object> variables = new HashMap<>();
				variables.put("userId", String.valueOf(i));
				variables.put("userName", "Person " + i);
				variables.put("weekStart", "2026-11-30");
				variables.put("managerId", "1");
				variables.put("reviewReminderAfter", "P2D");
				instances[i] = engine.getRuntimeService()
					.startProcessInstanceByKey("weekly-timesheet", "bench:" + i + ":" + System.nanoTime(), variables)
					.getId();
			}, errors, firstError);
			double submit = secondsSince(started);
			long approving = System.nanoTime();
			parallel(threads, weeks, i -> {
				Task task = engine.getTaskService().createTaskQuery().processInstanceId(instances[i]).singleResult();
				engine.getTaskService().complete(task.getId(), Map.of("approved", true));
			}, errors, firstError);
			double approve = secondsSince(approving);

			String[] approvals = new String[weeks];
			long sending = System.nanoTime();
			parallel(threads, weeks, i -> {
				Map<String, Object> variables = new HashMap<>();
				variables.put("approvalId", String.valueOf(i));
				variables.put("ownerId", String.valueOf(i));
				variables.put("expiresAt", "2099-01-01T00:00:00Z");
				// what the app's mail delegate sets, given here because the delegate does nothing
				variables.put("approvalStatus", "SENT");
				variables.put("reminderAfter", "P7D");
				approvals[i] = engine.getRuntimeService()
					.startProcessInstanceByKey("client-approval", "approval:" + i + ":" + System.nanoTime(), variables)
					.getId();
			}, errors, firstError);
			double send = secondsSince(sending);
			long mailing = System.nanoTime();
			parallel(threads, weeks, i -> {
				Job job = engine.getManagementService().createJobQuery().processInstanceId(approvals[i])
					.activityId("SendToClient").singleResult();
				engine.getManagementService().executeJob(job.getId());
			}, errors, firstError);
			double mailed = secondsSince(mailing);
			long signing = System.nanoTime();
			parallel(threads, weeks, i -> engine.getRuntimeService().createMessageCorrelation("ClientDecided")
				.processInstanceId(approvals[i]).setVariable("decision", "APPROVED").correlateWithResult(), errors,
					firstError);
			double sign = secondsSince(signing);
			long invoicing = System.nanoTime();
			parallel(threads, weeks, i -> {
				Task task = engine.getTaskService().createTaskQuery().processInstanceId(approvals[i])
					.taskDefinitionKey("ConvertToInvoice").singleResult();
				engine.getTaskService().complete(task.getId());
			}, errors, firstError);
			double invoice = secondsSince(invoicing);
			return new Rush(weeks, submit, approve, send, mailed, sign, invoice, errors.get(), firstError.peek());
		}
		finally {
			engine.close();
		}
	}

	interface Step {
		void run(int index) throws Exception;
	}

	/* Runs step(0 … count-1) on a few threads, each index once; what is not done within the phase limit is an error. */
	private static void parallel(int threads, int count, Step step, AtomicInteger errors,
			ConcurrentLinkedQueue<String> firstError) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					try {
						step.run(i);
					}
					catch (Exception ex) {
						errors.incrementAndGet();
						firstError.add(String.valueOf(ex.getMessage()));
					}
					done.incrementAndGet();
				}
			});
			worker.setDaemon(true);
			worker.start();
			workers.add(worker);
		}
		long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
		for (Thread worker : workers) {
			worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
		}
		if (done.get() < count) {
			// stop handing out work; what is in flight finishes on its own daemon thread
			next.set(count);
			errors.addAndGet(count - done.get());
			firstError.add((count - done.get()) + " of " + count + " steps not done within " + PHASE_LIMIT);
		}
	}
}
