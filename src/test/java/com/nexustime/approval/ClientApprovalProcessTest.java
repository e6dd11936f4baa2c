package com.nexustime.approval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** client-approval.bpmn as deployed from processes/, driven job by job through its delegates. */
class ClientApprovalProcessTest extends IntegrationTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	ClientApprovalService approvals;

	@Autowired
	ApprovalPdf pdf;

	@Autowired
	MailRoute route;

	private TestUsers.TestUser owner;

	private String contactEmail;

	private long approvalId;

	private ProcessInstance instance;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		owner = TestUsers.create(jdbc, "STAFF");
		contactEmail = "client-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		long contactId = jdbc.sql("insert into contact (name, email, company) values (?, ?, ?) returning id")
			.params("Ada Client", contactEmail, "Client Ltd").query(Long.class).single();
		approvalId = jdbc.sql("""
				insert into client_approval (contact_id, owner_id, period_from, period_to, grouping, message,
				                             expires_at, snapshot, snapshot_hash, total_hours, total_amount,
				                             recipient_name, recipient_email)
				values (?, ?, date '2026-03-02', date '2026-03-15', 'PROJECT', 'Please sign by Friday.',
				        ?, '{}'::jsonb, ?, 9.75, 1105.00, 'Ada Client', ?) returning id""")
			.params(contactId, owner.id(),
					java.sql.Timestamp.from(Instant.now().plus(30, ChronoUnit.DAYS)), ApprovalPdfTest.HASH, contactEmail)
			.query(Long.class).single();
		line(1, "Spring campaign", "Key visual", "6.50", "120.00", "780.00");
		line(2, "Website", "Landing page", "3.25", "100.00", "325.00");
		byte[] rendered = pdf.render(approvals.document(approvalId));
		jdbc.sql("update client_approval set pdf = ?, pdf_hash = 'test' where id = ?").params(rendered, approvalId)
			.update();
	}

	@AfterEach
	void removeUnfinished() {
		if (instance != null && runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
			runtime.deleteProcessInstance(instance.getId(), "test finished");
		}
	}

	@Test
	void sendThenApproveGivesTheOwnerTheInvoiceTask() {
		start();
		assertThat(instance).isWaitingAt("SendToClient");

		sendJob();

		assertThat(instance).hasPassed("SendToClient").isWaitingAt("WaitForDecision");
		assertThat(events()).contains("DELIVERED");
		var queued = jdbc.sql("""
				select subject, body, html_body, attachment_name, attachment, secret_link from mail_outbox
				 where recipient = ?""")
			.param(contactEmail).query().listOfRows();
		assertThat(queued).hasSize(1);
		// queued without the link: a marker where it goes and the link's reference, resolved only at delivery
		assertThat((String) queued.get(0).get("html_body")).contains("href=\"{{secret-link}}\"", ApprovalPdfTest.HASH)
			.doesNotContain("/public/approvals/");
		assertThat((String) queued.get(0).get("body")).contains("{{secret-link}}").doesNotContain("/public/approvals/");
		assertThat((String) queued.get(0).get("secret_link")).matches("approval-link:\\d+");
		assertThat((String) queued.get(0).get("body")).contains("Please sign by Friday.", "9.75 hours");
		assertThat((String) queued.get(0).get("attachment_name")).endsWith(".pdf");
		assertThat((byte[]) queued.get(0).get("attachment")).isEqualTo(approvals.pdf(approvalId));

		decide("APPROVED", null);

		assertThat(instance).hasPassed("ApprovedDecision").isWaitingAt("ConvertToInvoice");
		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();
		assertThat(task.getAssignee()).isEqualTo(String.valueOf(owner.id()));
		assertThat(task.getFormKey()).isEqualTo("nexus:convert-to-invoice");

		// the message alone moved the process; the approval row is approved as the public page would leave it
		jdbc.sql("update client_approval set status = 'APPROVED' where id = ?").param(approvalId).update();
		tasks.complete(task.getId());
		assertThat(instance).isEnded().hasPassed("BillAutomatically", "Invoiced").hasNotPassed("TellOwner",
				"MakeInvoice");
		assertThat(jdbc.sql("select count(*) from invoice where approval_id = ? and status = 'DRAFT'").param(approvalId)
			.query(Long.class).single()).as("completing the task made the invoice").isEqualTo(1);
	}

	@Test
	void sendThenDeclineTellsTheOwnerWhy() {
		start();
		sendJob();

		// stored as the public page stores it: "Tell the owner" reads the client's reason from the approval
		jdbc.sql("update client_approval set status = 'DECLINED', decline_reason = ? where id = ?")
			.params("Tuesday was a holiday", approvalId).update();
		decide("DECLINED", "Tuesday was a holiday");

		assertThat(instance).isEnded().hasPassedInOrder("WaitForDecision", "ApprovedDecision", "TellOwner",
				"ApprovalDeclined").hasNotPassed("ConvertToInvoice");
		assertThat(jdbc.sql("select message from notification where user_id = ? and kind = 'APPROVAL_DECLINED'")
			.param(owner.id()).query(String.class).list()).singleElement().asString()
			.contains("Ada Client", "Tuesday was a holiday");
		assertThat(jdbc.sql("select body from mail_outbox where recipient = ?").param(owner.email())
			.query(String.class).list()).singleElement().asString().contains("Tuesday was a holiday");
	}

	@Test
	void theLinkExpiresWhenTheClientNeverDecides() {
		start();
		sendJob();
		Job expiry = management.createJobQuery().processInstanceId(instance.getId()).activityId("LinkExpired")
			.singleResult();
		assertThat(expiry.getDuedate().toInstant()).isAfter(Instant.now().plus(29, ChronoUnit.DAYS));

		management.executeJob(expiry.getId());

		assertThat(instance).isEnded().hasPassed("LinkExpired", "ExpireLink", "ApprovalExpired")
			.hasNotPassed("ApprovedDecision");
		assertThat(status()).isEqualTo("EXPIRED");
		assertThat(events()).contains("EXPIRED");
	}

	@Test
	void theClientIsRemindedAndTheWaitGoesOn() {
		start();
		sendJob();
		Job reminder = management.createJobQuery().processInstanceId(instance.getId()).activityId("RemindClient")
			.singleResult();
		long hours = Duration.between(Instant.now(), reminder.getDuedate().toInstant()).toHours();
		assertThat(hours).isBetween(7 * 24L - 1, 7 * 24L); // P7D by default

		management.executeJob(reminder.getId());

		assertThat(instance).hasPassed("SendReminder", "ClientReminded").isWaitingAt("WaitForDecision");
		assertThat(events()).contains("REMINDED");
		assertThat(jdbc.sql("select subject from mail_outbox where recipient = ? order by id").param(contactEmail)
			.query(String.class).list()).hasSize(2).last().asString().startsWith("Reminder:");
	}

	@Test
	void cancellingEndsTheWait() {
		start();
		sendJob();

		runtime.createMessageCorrelation("ApprovalCancelled").processInstanceBusinessKey(businessKey()).correlate();

		assertThat(instance).isEnded().hasPassed("ApprovalCancelledByOwner", "ApprovalCancelled")
			.hasNotPassed("ApprovedDecision");
		assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void anSmtpOutageIsRetriedAndTheMailArrivesWhenTheServerIsBack() throws Exception {
		int port = freePort();
		GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		var previous = route.use(sender(port));
		try {
			start();
			Job send = job();
			assertThatThrownBy(() -> management.executeJob(send.getId())).isNotNull();

			assertThat(job().getRetries()).as("five more tries, after 1, 5, 15, 30 and 60 min").isEqualTo(5);
			assertThat(job().getExceptionMessage()).isNotBlank();
			assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
			assertThat(instance).isWaitingAt("SendToClient");
			assertThat(events()).doesNotContain("DELIVERED");

			smtp.start();
			management.executeJob(send.getId());

			assertThat(instance).isWaitingAt("WaitForDecision");
			assertThat(events()).contains("DELIVERED");
			MimeMessage[] received = smtp.getReceivedMessages();
			assertThat(received).hasSize(1);
			assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(contactEmail);
			assertThat(received[0].getSubject()).contains("Timesheet for approval");
			assertThat(ApprovalFixture.linkIn(received[0], 1)).as("the mail carries a link of its own").contains("/public/approvals/");
			byte[] attached = pdfAttachment((Multipart) received[0].getContent());
			String text = String.join("\n", ApprovalPdfTest.pages(attached));
			assertThat(text).contains("Key visual 6.50 120.00 780.00", "Landing page 3.25 100.00 325.00",
					"Snapshot SHA-256: " + ApprovalPdfTest.HASH);
			assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(contactEmail)
				.query(Long.class).single()).as("sent directly, not queued").isZero();
		}
		finally {
			route.use(previous);
			smtp.stop();
		}
	}

	@Test
	void anOutageThatOutlivesTheRetriesBecomesAnIncident() throws Exception {
		var previous = route.use(sender(freePort()));
		try {
			start();
			Job send = job();
			assertThatThrownBy(() -> management.executeJob(send.getId())).isNotNull();
			management.setJobRetries(send.getId(), 1);
			assertThatThrownBy(() -> management.executeJob(send.getId())).isNotNull();

			assertThat(job().getRetries()).isZero();
			assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult())
				.satisfies(incident -> {
					assertThat(incident.getActivityId()).isEqualTo("SendToClient");
					assertThat(incident.getIncidentMessage()).isNotBlank();
				});
			assertThat(instance).isWaitingAt("SendToClient");
		}
		finally {
			route.use(previous);
		}
	}

	private void start() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("approvalId", String.valueOf(approvalId));
		variables.put("ownerId", String.valueOf(owner.id()));
		variables.put("expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString());
		instance = runtime.startProcessInstanceByKey("client-approval", businessKey(), variables);
		// as ClientApprovalService.create does: the approval names the instance its steps may act for
		jdbc.sql("update client_approval set process_instance_id = ? where id = ?").params(instance.getId(), approvalId)
			.update();
	}

	private void sendJob() {
		management.executeJob(job().getId());
	}

	private Job job() {
		return management.createJobQuery().processInstanceId(instance.getId()).activityId("SendToClient")
			.singleResult();
	}

	private void decide(String decision, String reason) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("decision", decision);
		variables.put("reason", reason);
		runtime.createMessageCorrelation("ClientDecided").processInstanceBusinessKey(businessKey())
			.setVariables(variables).correlate();
	}

	private String businessKey() {
		return "approval:" + approvalId;
	}

	private void line(int position, String group, String description, String hours, String rate, String amount) {
		jdbc.sql("""
				insert into approval_line (approval_id, position, group_label, description, hours, rate, amount)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(approvalId, position, group, description, new BigDecimal(hours), new BigDecimal(rate),
					new BigDecimal(amount))
			.update();
	}

	private List<String> events() {
		return jdbc.sql("select action from approval_event where approval_id = ? order by id").param(approvalId)
			.query(String.class).list();
	}

	private String status() {
		return jdbc.sql("select status from client_approval where id = ?").param(approvalId).query(String.class)
			.single();
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(port);
		Properties props = new Properties();
		props.put("mail.smtp.connectiontimeout", "2000");
		props.put("mail.smtp.timeout", "2000");
		mail.setJavaMailProperties(props);
		return mail;
	}

	static byte[] pdfAttachment(Multipart multipart) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName().endsWith(".pdf")) {
				try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
					in.transferTo(out);
					return out.toByteArray();
				}
			}
			if (part.getContent() instanceof Multipart nested) {
				byte[] found = pdfAttachment(nested);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
