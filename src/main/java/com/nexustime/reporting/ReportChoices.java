package com.nexustime.reporting;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;

/** What the report pages' filter lists offer: clients, projects and the people the viewer may report on. */
@Component
@Transactional(readOnly = true)
class ReportChoices {

	/** A list longer than this is not a choice a person can make from a drop-down; the newest come first. */
	static final int MAX_CHOICES = 1000;

	record Choice(String id, String name) {
	}

	private final JdbcClient jdbc;

	ReportChoices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Choice> clients() {
		return choices("""
				select id, name from (select id, name from contact order by id desc limit :max) c
				 order by lower(name), id""");
	}

	List<Choice> projects() {
		return choices("""
				select id, name from (select p.id, p.name || ' (' || c.name || ')' as name
				                        from project p join contact c on c.id = p.contact_id
				                       order by p.id desc limit :max) p
				 order by lower(name), id""");
	}

	/** Staff choose only themselves; managers, admins and auditors anyone. */
	List<Choice> people(CurrentUser viewer) {
		if (!TimeReports.seesEveryone(viewer)) {
			return List.of(new Choice(String.valueOf(viewer.id()), viewer.name()));
		}
		return choices("""
				select id, name from (select id, name from app_user where active order by id desc limit :max) u
				 order by lower(name), id""");
	}

	private List<Choice> choices(String sql) {
		return jdbc.sql(sql).param("max", MAX_CHOICES)
			.query((rs, n) -> new Choice(String.valueOf(rs.getLong("id")), rs.getString("name"))).list();
	}
}
