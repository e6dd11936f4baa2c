package com.nexustime.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first administrator, created on an empty database ({@code NEXUS_ADMIN_EMAIL} / {@code NEXUS_ADMIN_PASSWORD}). */
@ConfigurationProperties("nexus.admin")
public record AdminProperties(String email, String password) {
}
