package com.nexustime.workflow;

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
		IdentityService identity = engine.getIdentityService();
		if (identity.createGroupQuery().groupId(EngineGroups.CAMUNDA_ADMIN).count() > 0) {
			// earlier versions put admins and process owners here, which skipped every check
			identity.deleteGroup(EngineGroups.CAMUNDA_ADMIN);
			log.info("Removed the engine group {}: Cockpit users get {} instead", EngineGroups.CAMUNDA_ADMIN, GROUPS);
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
