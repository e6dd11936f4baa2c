package com.nexustime.operations;

import jakarta.mail.MessagingException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import com.nexustime.notify.OutboxSender;

/**
 * The SMTP server as the full health report shows it ({@code mail}), in place of Boot's indicator, which reports
 * DOWN when no server is configured at all. Not part of readiness: a node that cannot mail still takes saves,
 * and the outbox keeps the mail until the server answers again. The report names the host and the waiting mail,
 * never a user name or password.
 */
@Component("mailHealthIndicator")
class MailHealth implements HealthIndicator {

	private final ObjectProvider<JavaMailSenderImpl> smtp;

	private final OutboxSender outbox;

	private final String host;

	MailHealth(ObjectProvider<JavaMailSenderImpl> smtp, OutboxSender outbox, @Value("${spring.mail.host:}") String host) {
		this.smtp = smtp;
		this.outbox = outbox;
		this.host = host;
	}

	@Override
	public Health health() {
		JavaMailSenderImpl sender = smtp.getIfAvailable();
		if (host.isBlank() || sender == null) {
			return Health.unknown().withDetail("smtp", "not configured: mail waits in the outbox")
				.withDetail("unsent", outbox.unsent()).build();
		}
		Health.Builder health;
		try {
			sender.testConnection();
			health = Health.up();
		}
		catch (MessagingException ex) {
			// the exception's type only: its message may quote the server's greeting or the login exchange
			health = Health.down().withDetail("error", ex.getClass().getSimpleName());
		}
		return health.withDetail("smtp", host + ":" + sender.getPort()).withDetail("unsent", outbox.unsent()).build();
	}
}
