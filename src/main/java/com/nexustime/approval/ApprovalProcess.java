package com.nexustime.approval;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.system.web.ConflictException;

/**
 * An approval's side of {@code client-approval.bpmn}: starting its instance, telling a waiting instance what
 * happened, and binding each process step to the one approval its instance runs.
 */
@Component
class ApprovalProcess {

	private static final Logger log = LoggerFactory.getLogger(ApprovalProcess.class);

	static final String PROCESS = "client-approval";

	static final String DECIDED_MESSAGE = "ClientDecided";

	static final String CANCELLED_MESSAGE = "ApprovalCancelled";

	private final RuntimeService runtime;

	private final ClientApprovalStore store;

	ApprovalProcess(RuntimeService runtime, ClientApprovalStore store) {
		this.runtime = runtime;
		this.store = store;
	}

	/**
	 * Starts the approval's process and records its instance on the approval. No link among the variables:
	 * whoever reads the engine's variables must not be able to sign.
	 */
	void start(long approvalId, long ownerId, Instant expiresAt) {
		String processInstanceId = runtime.startProcessInstanceByKey(PROCESS, "approval:" + approvalId,
				Map.of("approvalId", String.valueOf(approvalId), "ownerId", String.valueOf(ownerId), "expiresAt",
						expiresAt.toString()))
			.getId();
		store.bindProcess(approvalId, processInstanceId);
	}

	/** Moves the process on if it waits for the message; a process not (yet) waiting must not undo the decision. */
	void correlate(String processInstanceId, String message, Map<String, Object> variables) {
		if (processInstanceId == null) {
			return;
		}
		// checked first: a failed correlation inside this transaction would mark it rollback-only
		boolean waiting = runtime.createExecutionQuery().processInstanceId(processInstanceId)
			.messageEventSubscriptionName(message).count() > 0;
		if (!waiting) {
			log.warn("process {} does not wait for {}; the decision is stored, the process is not moved", processInstanceId,
					message);
			return;
		}
		runtime.createMessageCorrelation(message).processInstanceId(processInstanceId)
			.setVariables(new LinkedHashMap<>(variables)).correlateWithResult();
	}

	/**
	 * The approval whose client-approval process is {@code processInstanceId}, as the app started it. Refuses
	 * (and logs) an instance that no approval names, and variables ({@code named}, may be null) naming another
	 * approval: a process step acts on its own instance's approval only.
	 */
	@Transactional(readOnly = true)
	public long approvalOf(String processInstanceId, String named) {
		Long bound = store.ofProcess(processInstanceId).orElse(null);
		String refusal = bound == null ? "no client approval is run by this process instance"
				: named != null && !named.equals(String.valueOf(bound))
						? "the process variables name approval " + named + ", but this instance runs approval " + bound
						: null;
		if (refusal != null) {
			log.warn("Refused a client-approval step of process instance {}: {}", processInstanceId, refusal);
			throw new ConflictException("the approval process may not do this: " + refusal);
		}
		return bound;
	}
}
