package com.nexustime.approval;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Where the client's approval mail goes: straight to the SMTP server when one is configured
 * ({@code spring.mail.host}), so a failure reaches the engine's retries and incidents; otherwise nowhere, and the
 * mail waits in the outbox.
 */
@Component
public class MailRoute {

	private volatile JavaMailSender smtp;

	MailRoute(ObjectProvider<JavaMailSender> senders, @Value("${spring.mail.host:}") String host) {
		this.smtp = host.isBlank() ? null : senders.getIfAvailable();
	}

	Optional<JavaMailSender> smtp() {
		return Optional.ofNullable(smtp);
	}

	/** Routes mail through {@code sender} (null: through the outbox) and answers the previous route. */
	JavaMailSender use(JavaMailSender sender) {
		JavaMailSender previous = smtp;
		smtp = sender;
		return previous;
	}
}
