package com.nexustime.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Base of every test that needs the running application: one shared Spring context (one database, one
 * engine) for the whole run. Do not add properties or mock beans in subclasses; that starts a second context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = { EditedRules.Copy.class, EditedForms.Copy.class, TestDatabase.class })
public abstract class IntegrationTest {

	public static final String ADMIN_EMAIL = "admin@test.local";

	public static final String ADMIN_PASSWORD = "admin-secret-1";

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	/** For fixtures that need the application's beans, such as the mailed approval link. */
	@Autowired
	protected ApplicationContext context;

	protected Api api;

	@BeforeEach
	void setUpApi() {
		api = new Api("http://localhost:" + port);
	}

	protected Api.Client admin() {
		return api.basic(ADMIN_EMAIL, ADMIN_PASSWORD);
	}
}
