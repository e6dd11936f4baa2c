package com.nexustime.notify;

import java.time.Instant;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox every few seconds, only where an SMTP server is configured ({@code spring.mail.host}) and
 * {@code nexus.mail.enabled} is not false. Without one, mail waits in the outbox, visible at /admin/outbox.
 */
@Component
@ConditionalOnExpression("!'${spring.mail.host:}'.isEmpty() and ${nexus.mail.enabled:true}")
class OutboxSchedule {

	private final OutboxSender outbox;

	private final JavaMailSender smtp;

	OutboxSchedule(OutboxSender outbox, JavaMailSender smtp) {
		this.outbox = outbox;
		this.smtp = smtp;
	}

	@Scheduled(fixedDelayString = "${nexus.mail.send-every:5s}", initialDelayString = "10s")
	void send() {
		outbox.sendDue(smtp, Instant.now());
	}
}
