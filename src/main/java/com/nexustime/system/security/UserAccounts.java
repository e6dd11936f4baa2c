package com.nexustime.system.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads people for authentication by email (form login, HTTP Basic) or by id (access tokens). */
@Component
public class UserAccounts implements UserDetailsService {

	private static final String SELECT = """
			select u.id, u.email, u.name, u.password_hash, u.active,
			       coalesce(array_agg(r.role) filter (where r.role is not null), '{}') as roles
			from app_user u left join user_role r on r.app_user = u.id
			""";

	private final JdbcClient jdbc;

	UserAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public CurrentUser loadUserByUsername(String email) {
		return byEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	public Optional<CurrentUser> byEmail(String email) {
		return jdbc.sql(SELECT + " where lower(u.email) = lower(?) group by u.id").param(email)
			.query(UserAccounts::map).optional();
	}

	public Optional<CurrentUser> byId(long id) {
		return jdbc.sql(SELECT + " where u.id = ? group by u.id").param(id).query(UserAccounts::map).optional();
	}

	private static CurrentUser map(ResultSet rs, int row) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String role : (String[]) rs.getArray("roles").getArray()) {
			roles.add(Role.valueOf(role));
		}
		return new CurrentUser(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
				rs.getString("password_hash"), rs.getBoolean("active"), Collections.unmodifiableSet(roles));
	}
}
