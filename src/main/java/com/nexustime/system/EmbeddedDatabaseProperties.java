package com.nexustime.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PostgreSQL server the app starts itself when no {@code spring.datasource.url} is given.
 *
 * @param directory where the cluster's files live; survives restarts unless {@code clean} is set
 * @param port      0 picks a free port at every start
 * @param clean     wipe the directory before starting (tests only)
 */
@ConfigurationProperties("nexus.embedded-db")
public record EmbeddedDatabaseProperties(String directory, int port, boolean clean) {

	public EmbeddedDatabaseProperties {
		if (directory == null || directory.isBlank()) {
			directory = "data/postgres";
		}
	}
}
