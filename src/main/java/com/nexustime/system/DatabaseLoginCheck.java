package com.nexustime.system;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Says at start-up, on the application's own connection, when that connection has more power than it should:
 * a superuser, or a login that may change an append-only table (an external server set up with one login).
 */
@Component
class DatabaseLoginCheck implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DatabaseLoginCheck.class);

	private final JdbcClient jdbc;

	DatabaseLoginCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String problem : problems()) {
			log.warn("Database login: {} (see README, 'Use your own PostgreSQL')", problem);
		}
	}

	List<String> problems() {
		List<String> problems = new ArrayList<>();
		String user = jdbc.sql("select current_user").query(String.class).single();
		if (jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()) {
			problems.add("the application connects as " + user + ", a superuser");
		}
		for (String table : AppendOnlyTables.NAMES) {
			boolean changeable = jdbc.sql("""
					select to_regclass(:t) is not null
					   and (has_table_privilege(to_regclass(:t), 'UPDATE') or has_table_privilege(to_regclass(:t), 'DELETE')
					        or has_table_privilege(to_regclass(:t), 'TRUNCATE')
					        or pg_has_role(current_user, (select relowner from pg_class where oid = to_regclass(:t)), 'MEMBER'))""")
				.param("t", table).query(Boolean.class).single();
			if (changeable) {
				problems.add(user + " may change or remove rows of the append-only table " + table);
			}
		}
		return problems;
	}
}
