package com.nexustime.people;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.workspace.WorkspaceSettings;

/**
 * How many hours a week each person is expected to work: their own figure, else the workspace's. The dashboard
 * measures a week against it and the utilization report derives capacity from it.
 */
@Service
public class WorkingHours {

	private final JdbcClient jdbc;

	private final WorkspaceSettings workspace;

	WorkingHours(JdbcClient jdbc, WorkspaceSettings workspace) {
		this.jdbc = jdbc;
		this.workspace = workspace;
	}

	/** The workspace's figure, which applies to everyone without their own. */
	public BigDecimal workspaceWeeklyHours() {
		return workspace.cached().weeklyHours();
	}

	/** The person's weekly hours in force; the workspace's for an unknown id. */
	@Transactional(readOnly = true)
	public BigDecimal weeklyHours(long userId) {
		return weeklyHours(List.of(userId)).getOrDefault(userId, workspaceWeeklyHours());
	}

	/** The weekly hours in force for each of the given people that exists. */
	@Transactional(readOnly = true)
	public Map<Long, BigDecimal> weeklyHours(Collection<Long> userIds) {
		Map<Long, BigDecimal> hours = new HashMap<>();
		if (userIds.isEmpty()) {
			return hours;
		}
		BigDecimal fallback = workspaceWeeklyHours();
		jdbc.sql("select id, weekly_hours from app_user where id = any(:ids)")
			.param("ids", userIds.toArray(Long[]::new))
			.query((rs, row) -> {
				BigDecimal own = rs.getBigDecimal("weekly_hours");
				hours.put(rs.getLong("id"), own == null ? fallback : own);
				return null;
			})
			.list();
		return hours;
	}
}
