package com.nexustime.catalog;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The people who may manage a project: active users with the MANAGER or ADMIN role. */
@Component
class ProjectManagers {

	record Manager(Long id, String name) {
	}

	private static final String MANAGERS = """
			select u.id, u.name from app_user u
			where u.active and exists (select 1 from user_role r where r.app_user = u.id and r.role in ('MANAGER', 'ADMIN'))
			""";

	private final JdbcClient jdbc;

	ProjectManagers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Manager> all() {
		return jdbc.sql(MANAGERS + " order by u.name, u.id").query(Manager.class).list();
	}

	boolean isManager(Long userId) {
		return jdbc.sql(MANAGERS + " and u.id = ?").param(userId).query(Manager.class).optional().isPresent();
	}
}
