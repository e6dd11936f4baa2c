package com.nexustime.approval;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

import com.nexustime.notify.OutboxSender;
import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

/**
 * A client with two projects, two activities and a staff member of its own, entries written straight to the
 * database; and, for any test, the client's link as the client gets it: from the mail (the API never gives it).
 */
public final class ApprovalFixture {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]*(/public/approvals/[A-Za-z0-9_-]+)");

	static final LocalDate MONDAY = LocalDate.of(2021, 3, 1);

	final String unique = UUID.randomUUID().toString().substring(0, 8);

	final long contact;

	final long website;

	final long brochure;

	final long design;

	final long management;

	final TestUsers.TestUser staff;

	private final JdbcClient jdbc;

	ApprovalFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
		contact = jdbc.sql("insert into contact (name, email, company) values (?, ?, 'Acme') returning id")
			.params("Client " + unique, email()).query(Long.class).single();
		website = project("Website " + unique);
		brochure = project("Brochure " + unique);
		design = jdbc.sql("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id")
			.param("Design " + unique).query(Long.class).single();
		management = jdbc.sql("insert into activity (name, category) values (?, 'MANAGEMENT') returning id")
			.param("Management " + unique).query(Long.class).single();
		staff = TestUsers.create(jdbc, "STAFF");
	}

	/** The contact's mailbox. */
	String email() {
		return "buyer-" + unique + "@example.com";
	}

	/** Makes {@code manager} the manager of this fixture's staff member. */
	void managedBy(TestUsers.TestUser manager) {
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), staff.id()).update();
	}

	private long project(String name) {
		return jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'STANDARD') returning id")
			.params(name, contact).query(Long.class).single();
	}

	long entry(long project, long activity, LocalDate date, int minutes, String rate, String description) {
		return entryOf(staff, project, activity, date, minutes, rate, description);
	}

	/** An OPEN billable entry of {@code user} for this client. */
	long entryOf(TestUsers.TestUser user, long project, long activity, LocalDate date, int minutes, String rate,
			String description) {
		BigDecimal hourly = new BigDecimal(rate);
		BigDecimal amount = hourly.multiply(BigDecimal.valueOf(minutes)).divide(BigDecimal.valueOf(60), 2,
				java.math.RoundingMode.HALF_UP);
		return jdbc.sql("""
				insert into time_entry (type, user_id, project_id, activity_id, entry_date, minutes, rate, amount, description)
				values ('ACTIVITY', ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(user.id(), project, activity, date, minutes, hourly, amount, description)
			.query(Long.class).single();
	}

	String status(long entry) {
		return jdbc.sql("select status from time_entry where id = ?").param(entry).query(String.class).single();
	}

	Map<String, Object> request(LocalDate from, LocalDate to, String grouping) {
		return Map.of("contactId", String.valueOf(contact), "from", from.toString(), "to", to.toString(),
				"grouping", grouping, "message", "Please approve March");
	}

	/**
	 * Until the real client-approval diagram is deployed from processes/, a minimal one that waits for the same
	 * messages lets the service start and correlate as it will in production.
	 */
	static synchronized void ensureProcess(RepositoryService repository) {
		if (repository.createProcessDefinitionQuery().processDefinitionKey(ApprovalProcess.PROCESS).count() > 0) {
			return;
		}
		BpmnModelInstance model = Bpmn.createExecutableProcess(ApprovalProcess.PROCESS)
			.camundaHistoryTimeToLive(180)
			.startEvent("sent")
			.receiveTask("waitForClient").message(ApprovalProcess.DECIDED_MESSAGE)
			.boundaryEvent("cancelled").message(ApprovalProcess.CANCELLED_MESSAGE)
			.endEvent("linkDied")
			.moveToActivity("waitForClient")
			.endEvent("decided")
			.done();
		repository.createDeployment().name("client-approval (test stand-in)")
			.addModelInstance("client-approval-test.bpmn", model).deploy();
	}

	/**
	 * The link the recipient of approval {@code approvalId} (the address frozen at send time) got by mail, pointed at this test server: the API never
	 * gives it. Takes it from the first mail that reaches a GreenMail server standing in for the contact's mailbox:
	 * the approval's waiting "Send to the client" job if it has not run yet, else mail of this approval waiting in
	 * the outbox, else a "Resend" by an admin through the API.
	 */
	public static String mailedLink(ApplicationContext context, long approvalId) {
		int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Map<String, Object> approval = jdbc.sql("""
				select a.process_instance_id, a.recipient_email email from client_approval a
				 where a.id = ?""").param(approvalId).query().singleRow();
		ManagementService management = context.getBean(ManagementService.class);
		Job send = approval.get("process_instance_id") == null ? null : management.createJobQuery()
			.processInstanceId((String) approval.get("process_instance_id")).activityId("SendToClient").singleResult();
		List<MimeMessage> received = List.of();
		if (send != null) {
			MailRoute route = context.getBean(MailRoute.class);
			received = withSmtp(sender -> {
				var previous = route.use(sender);
				try {
					management.executeJob(send.getId());
				}
				finally {
					route.use(previous);
				}
			});
		}
		String email = (String) approval.get("email");
		List<String> links = linksTo(jdbc, approvalId, received, port);
		if (links.isEmpty()) {
			links = linksTo(jdbc, approvalId, deliverOutbox(context, email), port);
		}
		return links.isEmpty() ? resentLink(context, approvalId) : links.get(links.size() - 1);
	}

	/**
	 * The link of a "Resend" by an admin through the API, from the mail the outbox delivers; the process's own
	 * mail job is left alone.
	 */
	public static String resentLink(ApplicationContext context, long approvalId) {
		int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		String email = jdbc.sql("select recipient_email from client_approval where id = ?")
			.param(approvalId).query(String.class).single();
		Api.Response resent = new Api("http://localhost:" + port)
			.basic(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD)
			.post("/api/v1/approvals/" + approvalId + "/resend", Map.of());
		if (resent.status() != 202) {
			throw new AssertionError("approval " + approvalId + " cannot be mailed again: " + resent);
		}
		List<String> links = linksTo(jdbc, approvalId, deliverOutbox(context, email), port);
		if (links.isEmpty()) {
			throw new AssertionError("no mail with a link to approval " + approvalId + " reached " + email);
		}
		return links.get(links.size() - 1);
	}

	/** The links in {@code mails} that open approval {@code approvalId}. */
	private static List<String> linksTo(JdbcClient jdbc, long approvalId, List<MimeMessage> mails, int port) {
		return mails.stream().flatMap(m -> findLink(m, port).stream()).filter(link -> jdbc
			.sql("select count(*) from client_approval_link where approval_id = ? and token_hash = ?")
			.params(approvalId, ApprovalLinks.hash(token(link))).query(Long.class).single() > 0).toList();
	}

	/**
	 * Delivers the outbox's due mail (as the scheduled sender would with SMTP configured) to a GreenMail server and
	 * answers what reached {@code recipient}.
	 */
	public static List<MimeMessage> deliverOutbox(ApplicationContext context, String recipient) {
		OutboxSender outbox = context.getBean(OutboxSender.class);
		// the sender takes a batch at a time, and earlier tests may have left more than one batch due
		return withSmtp(sender -> {
			for (int batch = 0; batch < 1000 && outbox.sendDue(sender, Instant.now()) > 0; batch++) {
				// next batch
			}
		}).stream().filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
			}
			catch (MessagingException ex) {
				throw new AssertionError(ex);
			}
		}).toList();
	}

	/** The approval link in a mail's plain text, pointed at the test server on {@code port}. */
	public static String linkIn(MimeMessage message, int port) {
		return findLink(message, port).orElseThrow(() -> new AssertionError("no approval link in the mail:\n"
				+ text(message)));
	}

	private static Optional<String> findLink(MimeMessage message, int port) {
		Matcher link = LINK.matcher(text(message));
		return link.find() ? Optional.of("http://localhost:" + port + URI.create(link.group()).getPath())
				: Optional.empty();
	}

	/** The token of a link: what the public page takes. */
	public static String token(String link) {
		return link.substring(link.lastIndexOf('/') + 1);
	}

	private static List<MimeMessage> withSmtp(Consumer<JavaMailSender> use) {
		GreenMail smtp;
		try {
			smtp = new GreenMail(new ServerSetup(ClientApprovalProcessTest.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		smtp.start();
		try {
			use.accept(ClientApprovalProcessTest.sender(smtp.getSmtp().getPort()));
			return List.of(smtp.getReceivedMessages());
		}
		finally {
			smtp.stop();
		}
	}

	private static String text(Part part) {
		try {
			if (part.isMimeType("text/plain")) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof Multipart multipart) {
				StringBuilder all = new StringBuilder();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					all.append(text(child));
				}
				return all.toString();
			}
			return "";
		}
		catch (IOException | MessagingException ex) {
			throw new AssertionError(ex);
		}
	}
}
