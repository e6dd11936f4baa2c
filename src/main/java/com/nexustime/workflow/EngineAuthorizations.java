package com.nexustime.workflow;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.auth.PermissionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What admins and process owners may do through Cockpit and the engine API, written at every start so the
 * engine holds exactly this: open Cockpit; read deployments, definitions, instances, their tasks, jobs,
 * incidents and history; create deployments (which {@link DiagramCheck} then reads). Nothing that works on
 * tasks, changes variables, starts, moves or deletes instances, or runs or retries jobs — that goes through the
 * application's pages and {@code /api/v1}, which apply the business rules.
 */
@Component
class EngineAuthorizations extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(EngineAuthorizations.class);

	private static final String ANY = Authorization.ANY;

	/** Resource, resource id and the permissions granted on it, the same for both groups. */
	record Grant(Resource resource, String resourceId, Set<Permission> permissions) {
	}

	static final List<Grant> GRANTS = List.of(
			new Grant(Resources.APPLICATION, "cockpit", Set.of(Permissions.ACCESS)),
			new Grant(Resources.DEPLOYMENT, ANY, Set.of(Permissions.READ, Permissions.CREATE)),
			new Grant(Resources.PROCESS_DEFINITION, ANY, Set.of(ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
					ProcessDefinitionPermissions.READ_TASK)),
			new Grant(Resources.PROCESS_INSTANCE, ANY, Set.of(Permissions.READ)),
			new Grant(Resources.TASK, ANY, Set.of(Permissions.READ)));

	static final List<String> GROUPS = List.of(EngineGroups.ADMINS, EngineGroups.PROCESS_OWNERS);

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		AuthorizationService authorizations = engine.getAuthorizationService();
		PermissionProvider permissions = ((ProcessEngineImpl) engine).getProcessEngineConfiguration()
			.getPermissionProvider();
		for (String group : GROUPS) {
			ensureGroup(engine.getIdentityService(), group);
			for (Grant grant : GRANTS) {
				ensure(authorizations, permissions, group, grant);
			}
		}
		guardCamundaAdmin(engine.getIdentityService());
	}

	/**
	 * Camunda's webapp sends everyone to its "create the first admin" page while {@code camunda-admin} has no
	 * member. Its only member is a placeholder no person maps to, with a random password nobody knows (and
	 * Camunda's own login is refused in SecurityConfig); people earlier versions put there are taken out.
	 */
	private static void guardCamundaAdmin(IdentityService identity) {
		if (identity.createGroupQuery().groupId(EngineGroups.CAMUNDA_ADMIN).count() == 0) {
			var group = identity.newGroup(EngineGroups.CAMUNDA_ADMIN);
			group.setName("Camunda administrators (placeholder only)");
			group.setType("SYSTEM");
			identity.saveGroup(group);
		}
		if (identity.createUserQuery().userId(EngineGroups.PLACEHOLDER_ADMIN).count() == 0) {
			var user = identity.newUser(EngineGroups.PLACEHOLDER_ADMIN);
			user.setFirstName("Nexus Time");
			user.setLastName("(no login)");
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			user.setPassword(Base64.getEncoder().encodeToString(secret));
			identity.saveUser(user);
			identity.createMembership(EngineGroups.PLACEHOLDER_ADMIN, EngineGroups.CAMUNDA_ADMIN);
		}
		for (User member : identity.createUserQuery().memberOfGroup(EngineGroups.CAMUNDA_ADMIN).list()) {
			if (!member.getId().equals(EngineGroups.PLACEHOLDER_ADMIN)) {
				identity.deleteMembership(member.getId(), EngineGroups.CAMUNDA_ADMIN);
				log.info("Took engine user {} out of {}: Cockpit users get {} instead", member.getId(),
						EngineGroups.CAMUNDA_ADMIN, GROUPS);
			}
		}
	}

	private static void ensureGroup(IdentityService identity, String id) {
		if (identity.createGroupQuery().groupId(id).count() == 0) {
			var group = identity.newGroup(id);
			group.setName(Map.of(EngineGroups.ADMINS, "Nexus Time admins", EngineGroups.PROCESS_OWNERS,
					"Nexus Time process owners").get(id));
			group.setType("WORKFLOW");
			identity.saveGroup(group);
		}
	}

	/** One grant for the group on the resource: created, or corrected to exactly these permissions. */
	private static void ensure(AuthorizationService authorizations, PermissionProvider permissions, String group,
			Grant grant) {
		List<Authorization> existing = authorizations.createAuthorizationQuery().groupIdIn(group)
			.resourceType(grant.resource()).resourceId(grant.resourceId()).list();
		Authorization authorization = existing.isEmpty()
				? authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT) : existing.get(0);
		if (!existing.isEmpty() && authorization.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
				&& granted(authorization, permissions, grant.resource()).equals(grant.permissions())) {
			return;
		}
		if (!existing.isEmpty()) {
			existing.forEach(a -> authorizations.deleteAuthorization(a.getId()));
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		}
		authorization.setGroupId(group);
		authorization.setResource(grant.resource());
		authorization.setResourceId(grant.resourceId());
		grant.permissions().forEach(authorization::addPermission);
		authorizations.saveAuthorization(authorization);
	}

	private static Set<Permission> granted(Authorization authorization, PermissionProvider permissions, Resource resource) {
		return Stream.of(authorization.getPermissions(permissions.getPermissionsForResource(resource.resourceType())))
			.filter(p -> p != Permissions.NONE && p != Permissions.ALL && p.getValue() != 0 && p.getValue() != Integer.MAX_VALUE)
			.collect(Collectors.toSet());
	}
}
