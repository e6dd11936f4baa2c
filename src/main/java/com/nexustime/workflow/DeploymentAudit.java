package com.nexustime.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.audit.AuditLog;

/**
 * Every new deployment is written to the audit log: who deployed which resources and process keys, in the
 * deployment's own transaction; a refused one too — who, what and why — in a transaction of its own, since the
 * deployment itself rolls back.
 */
final class DeploymentAudit {

	static final String ENTITY = "Deployment";

	static final String DEPLOYED = "DEPLOY";

	static final String REFUSED = "DEPLOY_REFUSED";

	private static final Logger log = LoggerFactory.getLogger(DeploymentAudit.class);

	/** What the deployment in progress on this thread carries, for the record of a refusal. */
	private final ThreadLocal<Map<String, Object>> attempt = new ThreadLocal<>();

	private final AuditLog audit;

	private final TransactionTemplate ownTransaction;

	DeploymentAudit(AuditLog audit, PlatformTransactionManager transactions) {
		this.audit = audit;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Runs before the engine's own deployers: notes what the attempt carries, for the record of a refusal. */
	Deployer before() {
		return deployment -> {
			if (deployment.isNew()) { // not one read back into the cache
				attempt.set(describe(deployment));
			}
		};
	}

	/** Runs after the engine parsed and stored the deployment: records it in the same transaction. */
	Deployer after() {
		return deployment -> {
			if (!deployment.isNew()) {
				return;
			}
			Map<String, Object> record = describe(deployment);
			List<ProcessDefinition> definitions = deployment.getDeployedProcessDefinitions();
			record.put("processes", definitions == null ? List.of()
					: definitions.stream().map(d -> d.getKey() + " v" + d.getVersion()).toList());
			audit.record(DEPLOYED, ENTITY, deployment.getId(), null, record);
		};
	}

	/** Wraps deployment commands outside their transaction, to record a refusal after the rollback. */
	CommandInterceptor refusals() {
		return new CommandInterceptor() {

			@Override
			public <T> T execute(Command<T> command) {
				if (!(command instanceof DeployCmd)) {
					return next.execute(command);
				}
				try {
					return next.execute(command);
				}
				catch (ParseException refused) {
					recordRefusal(refused);
					throw refused;
				}
				finally {
					attempt.remove();
				}
			}
		};
	}

	private void recordRefusal(ParseException refused) {
		Map<String, Object> record = attempt.get() == null ? new LinkedHashMap<>() : attempt.get();
		List<Map<String, Object>> reasons = new ArrayList<>();
		for (ResourceReport report : refused.getResorceReports()) {
			for (Problem problem : report.getErrors()) {
				Map<String, Object> reason = new LinkedHashMap<>();
				reason.put("resource", report.getResourceName());
				reason.put("element", problem.getMainElementId());
				reason.put("reason", problem.getMessage());
				reasons.add(reason);
			}
		}
		record.put("refused", reasons);
		try {
			ownTransaction.executeWithoutResult(status -> audit.record(REFUSED, ENTITY, record.get("name"), null, record));
		}
		catch (RuntimeException ex) {
			log.error("Could not record the refused deployment {} in the audit log", record.get("name"), ex);
		}
	}

	private static Map<String, Object> describe(DeploymentEntity deployment) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("name", deployment.getName());
		record.put("source", deployment.getSource());
		record.put("resources", new ArrayList<>(new TreeSet<>(deployment.getResources().keySet())));
		return record;
	}
}
