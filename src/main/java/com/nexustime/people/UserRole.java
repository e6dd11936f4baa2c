package com.nexustime.people;

import org.springframework.data.relational.core.mapping.Table;

import com.nexustime.system.security.Role;

/** One role held by a user; part of the {@link User} aggregate. */
@Table("user_role")
record UserRole(Role role) {
}
