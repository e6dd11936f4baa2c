package com.nexustime.catalog;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ACTIVE projects in the catalog's own order (name, then id), all of them or one manager's: the list the
 * dashboard shows. Read with one plain statement that filters in the database and maps each row straight to a
 * {@link Project}; {@link ProjectService#list(Long)} reads every project through the repository, which spent
 * about a fifth of the dashboard's own CPU on mapping a thousand rows it then mostly threw away
 * (docs/benchmarks.md, "Dashboard and money reports at a million entries").
 */
@Component
@Transactional(readOnly = true)
public class ActiveProjects {

	private static final String ACTIVE = """
			select id, name, contact_id, deal_id, type, billing_mode, status, corporation, budget_amount, manager_id,
			       version
			  from project
			 where status = 'ACTIVE' and (cast(:manager as bigint) is null or manager_id = :manager)
			 order by name, id""";

	private final JdbcClient jdbc;

	ActiveProjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every ACTIVE project, by name. */
	public List<Project> all() {
		return read(null);
	}

	/** The ACTIVE projects {@code managerId} manages, by name. */
	public List<Project> managedBy(long managerId) {
		return read(managerId);
	}

	private List<Project> read(Long managerId) {
		return jdbc.sql(ACTIVE).param("manager", managerId, java.sql.Types.BIGINT)
			.query((rs, n) -> new Project(rs.getLong("id"), rs.getString("name"), rs.getLong("contact_id"),
					(Long) rs.getObject("deal_id"), ProjectType.valueOf(rs.getString("type")),
					BillingMode.valueOf(rs.getString("billing_mode")), ProjectStatus.valueOf(rs.getString("status")),
					rs.getString("corporation"), rs.getBigDecimal("budget_amount"), (Long) rs.getObject("manager_id"),
					rs.getInt("version")))
			.list();
	}
}
