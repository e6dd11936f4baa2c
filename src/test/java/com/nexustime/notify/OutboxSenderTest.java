package com.nexustime.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox delivered to a real SMTP server (GreenMail on a free port), and retried when there is none. */
class OutboxSenderTest extends IntegrationTest {

	@Autowired
	Mailer mailer;

	@Autowired
	OutboxSender sender;

	private GreenMail smtp;

	@BeforeEach
	void startSmtp() {
		smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
	}

	@AfterEach
	void stopSmtp() {
		smtp.stop();
	}

	@Test
	void queuedMailIsSentOnceAndMarkedSent() throws Exception {
		String to = "outbox-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		long id = mailer.queue(to, "Your timer", "is still running");
		assertThat(status(id)).isEqualTo("PENDING");

		sender.sendDue(to(smtp.getSmtp().getPort()), Instant.now());

		assertThat(status(id)).isEqualTo("SENT");
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).filteredOn(m -> recipient(m).equals(to)).hasSize(1)
			.allSatisfy(m -> assertThat(m.getSubject()).isEqualTo("Your timer"));

		sender.sendDue(to(smtp.getSmtp().getPort()), Instant.now());
		assertThat(smtp.getReceivedMessages()).filteredOn(m -> recipient(m).equals(to)).hasSize(1);
	}

	@Test
	void queuedMailWithHtmlAndAnAttachmentArrivesAsMultipart() throws Exception {
		String to = "multipart-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		byte[] file = "%PDF-1.7 test bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		long id = mailer.queue(to, "Timesheet", "plain words", "<p>rich <b>words</b></p>", "timesheet.pdf", file);

		sender.sendDue(to(smtp.getSmtp().getPort()), Instant.now());

		assertThat(status(id)).isEqualTo("SENT");
		MimeMessage received = java.util.Arrays.stream(smtp.getReceivedMessages())
			.filter(m -> recipient(m).equals(to)).findFirst().orElseThrow();
		String raw = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(received);
		assertThat(raw).contains("plain words").contains("<b>words</b>").contains("timesheet.pdf");
		jakarta.mail.Multipart parts = (jakarta.mail.Multipart) received.getContent();
		boolean attached = false;
		for (int i = 0; i < parts.getCount(); i++) {
			var part = parts.getBodyPart(i);
			if ("timesheet.pdf".equals(part.getFileName())) {
				attached = java.util.Arrays.equals(part.getInputStream().readAllBytes(), file);
			}
		}
		assertThat(attached).as("the attachment arrives byte for byte").isTrue();
	}

	@Test
	void failedMailWaitsLongerEachTimeAndGivesUpAtLast() {
		String to = "unreachable-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		long id = mailer.queue(to, "Never arrives", "no server listens");
		int closedPort = smtp.getSmtp().getPort();
		smtp.stop();

		Instant now = Instant.now();
		sender.sendDue(to(closedPort), now);
		assertThat(status(id)).isEqualTo("PENDING");
		assertThat(jdbc.sql("select attempts from mail_outbox where id = ?").param(id).query(Integer.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("select last_error from mail_outbox where id = ?").param(id).query(String.class).single())
			.isNotBlank();

		// not due again straight away
		sender.sendDue(to(closedPort), now.plusSeconds(1));
		assertThat(jdbc.sql("select attempts from mail_outbox where id = ?").param(id).query(Integer.class).single())
			.isEqualTo(1);

		for (int attempt = 2; attempt <= OutboxSender.MOST_ATTEMPTS; attempt++) {
			now = now.plus(Duration.ofHours(2));
			sender.sendDue(to(closedPort), now);
		}
		assertThat(status(id)).isEqualTo("FAILED");
		assertThat(jdbc.sql("select attempts from mail_outbox where id = ?").param(id).query(Integer.class).single())
			.isEqualTo(OutboxSender.MOST_ATTEMPTS);
	}

	@Test
	void backoffDoublesUpToAnHour() {
		assertThat(OutboxSender.waitAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(OutboxSender.waitAfter(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(OutboxSender.waitAfter(4)).isEqualTo(Duration.ofMinutes(4));
		assertThat(OutboxSender.waitAfter(30)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void adminsSeeTheOutboxPage() {
		String to = "page-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		mailer.queue(to, "Shown on the page", "body");
		mailer.queue(to, "With a file", "body", null, "timesheet-march.pdf", new byte[] { 1 });
		var page = admin().get("/admin/outbox");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(to).contains("Shown on the page").contains("Waiting to be sent")
			.contains("Attached: timesheet-march.pdf");
		var staff = com.nexustime.support.TestUsers.create(jdbc, "STAFF");
		assertThat(staff.client(api).get("/admin/outbox").status()).isEqualTo(403);
	}

	private String status(long id) {
		return jdbc.sql("select status from mail_outbox where id = ?").param(id).query(String.class).single();
	}

	private static JavaMailSenderImpl to(int port) {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(port);
		Properties props = new Properties();
		props.put("mail.smtp.connectiontimeout", "2000");
		props.put("mail.smtp.timeout", "2000");
		mail.setJavaMailProperties(props);
		return mail;
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
