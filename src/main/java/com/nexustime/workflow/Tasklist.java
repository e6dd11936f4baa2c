package com.nexustime.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.RuleViolationException;

/**
 * The user tasks of every process, seen from one person: tasks assigned to them and unassigned tasks of their
 * groups. Completing takes only the fields the task's form declares, so a form cannot be used to set other
 * process variables.
 */
@Service
public class Tasklist {

	/** The engine's candidate groups each role belongs to. */
	static final Map<Role, String> GROUPS = Map.of(Role.MANAGER, "managers", Role.ADMIN, "admins", Role.STAFF, "staff",
			Role.PROCESS_OWNER, "process-owners", Role.AUDITOR, "auditors");

	public record TaskView(String id, String name, String processDefinitionKey, String processName, String businessKey,
			String formKey, Instant created, String assignee, String processInstanceId) {
	}

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final HistoryService history;

	private final FormCatalog forms;

	private final IdentityService identity;

	private final List<TaskContext> contexts;

	Tasklist(TaskService tasks, RuntimeService runtime, RepositoryService repository, HistoryService history,
			FormCatalog forms, IdentityService identity, List<TaskContext> contexts) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.repository = repository;
		this.history = history;
		this.forms = forms;
		this.identity = identity;
		this.contexts = contexts;
	}

	/**
	 * Tasks assigned to the person and open tasks offered to them or their groups, less those their process's
	 * feature refuses them (a week's owner never sees its review, even as a manager or admin).
	 */
	public List<TaskView> tasksOf(CurrentUser user) {
		List<Task> found = tasks.createTaskQuery()
			.or().taskAssignee(engineId(user)).taskCandidateUser(engineId(user)).taskCandidateGroupIn(groupsOf(user))
			.endOr()
			.initializeFormKeys().orderByTaskCreateTime().desc().list();
		return views(found).stream().filter(view -> refusal(user, view).isEmpty()).toList();
	}

	/** One task the person may work on; 403 for tasks that are not theirs, 404 for tasks that do not exist. */
	public TaskView task(CurrentUser user, String taskId) {
		Task task = open(taskId).orElseThrow(() -> new NotFoundException("Task", taskId));
		return requireMayWork(user, task);
	}

	/** The feature's contribution to this task's page and rules, if its process has one. */
	public Optional<TaskContext> contextOf(TaskView task) {
		return contexts.stream().filter(c -> c.processDefinitionKey().equals(task.processDefinitionKey())).findFirst();
	}

	public void claim(CurrentUser user, String taskId) {
		Task task = open(taskId).orElseThrow(() -> gone(taskId));
		requireMayWork(user, task);
		try {
			identity.setAuthenticatedUserId(engineId(user));
			tasks.claim(taskId, engineId(user));
		}
		catch (TaskAlreadyClaimedException taken) {
			throw new ConflictException("the task was claimed by someone else");
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * Completes the task with the submitted form fields. 403 when it is someone else's, 409 when it was already
	 * completed (also when two people complete it at once), 422 when the process refuses the values. The engine
	 * runs the completion as this person, and {@code reviewedBy} is always them, never a submitted value.
	 */
	public void complete(CurrentUser user, String taskId, Map<String, ?> submitted) {
		Task task = open(taskId).orElseThrow(() -> gone(taskId));
		requireMayWork(user, task);
		Map<String, Object> variables = variables(task, submitted);
		variables.put("reviewedBy", engineId(user));
		try {
			identity.setAuthenticatedUserId(engineId(user));
			if (task.getAssignee() == null) {
				tasks.claim(taskId, engineId(user));
			}
			else if (!task.getAssignee().equals(engineId(user))) {
				// an admin completing someone else's task: the history then names who really did it
				tasks.setAssignee(taskId, engineId(user));
			}
			tasks.complete(taskId, variables);
		}
		catch (TaskAlreadyClaimedException | OptimisticLockingException raced) {
			throw new ConflictException("the task was completed by someone else");
		}
		catch (ProcessEngineException refused) {
			RuntimeException rule = cause(refused, RuleViolationException.class);
			if (rule == null) {
				rule = cause(refused, AccessDeniedException.class);
			}
			if (rule != null) {
				throw rule;
			}
			if (open(taskId).isEmpty()) {
				throw new ConflictException("the task is already completed");
			}
			throw refused;
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * The values the task completes with: the fields the form declares (anything else submitted is ignored), typed
	 * and checked against the form's own rules (see {@link FormValidation}); 422 naming every refused field.
	 */
	Map<String, Object> variables(Task task, Map<String, ?> submitted) {
		Optional<FormSchema> form = schemaOf(task.getId(), task.getFormKey());
		if (form.isEmpty()) {
			return new HashMap<>();
		}
		FormValidation.Outcome outcome = FormValidation.check(form.get(), submitted, LocalDate.now(ZoneOffset.UTC));
		if (!outcome.valid()) {
			throw new FormRejected(outcome.errors());
		}
		return new HashMap<>(outcome.variables());
	}

	/**
	 * The task's form read into components, with options named by {@code valuesKey} taken from the task's
	 * variables; empty when the task names no form of the forms folder. A form file that cannot be read refuses
	 * (422) instead of failing the page.
	 */
	public Optional<FormSchema> schemaOf(TaskView task) {
		return schemaOf(task.id(), task.formKey());
	}

	private Optional<FormSchema> schemaOf(String taskId, String formKey) {
		Optional<FormCatalog.TaskForm> form;
		FormSchema schema;
		try {
			form = forms.byFormKey(formKey);
			if (form.isEmpty()) {
				return Optional.empty();
			}
			schema = form.get().form();
		}
		catch (IllegalStateException unreadable) {
			throw new RuleViolationException(null, "The task's form cannot be read: " + unreadable.getMessage());
		}
		return Optional.of(schema.withOptionsFrom(name -> variable(taskId, name)));
	}

	private Object variable(String taskId, String name) {
		try {
			return tasks.getVariable(taskId, name);
		}
		catch (ProcessEngineException unreadable) {
			// a variable the engine cannot read back offers no options, like a missing one
			return null;
		}
	}

	/**
	 * 403 unless the person may work on the task: first the rule of the feature that owns the process (which
	 * binds admins too), then the engine's assignment: the assignee, an open task's candidate user or group, or
	 * an admin.
	 */
	private TaskView requireMayWork(CurrentUser user, Task task) {
		TaskView view = views(List.of(task)).get(0);
		Optional<String> refused = refusal(user, view);
		if (refused.isPresent()) {
			throw new AccessDeniedException(refused.get());
		}
		if (user.isAdmin() || engineId(user).equals(task.getAssignee())) {
			return view;
		}
		boolean candidate = task.getAssignee() == null && tasks.createTaskQuery().taskId(task.getId())
			.or().taskCandidateUser(engineId(user)).taskCandidateGroupIn(groupsOf(user)).endOr().count() > 0;
		if (!candidate) {
			throw new AccessDeniedException("this task is not yours");
		}
		return view;
	}

	private Optional<String> refusal(CurrentUser user, TaskView task) {
		return contextOf(task).flatMap(context -> context.refusal(user, task.businessKey()));
	}

	private Optional<Task> open(String taskId) {
		return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
	}

	private RuntimeException gone(String taskId) {
		boolean completed = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
		return completed ? new ConflictException("the task is already completed") : new NotFoundException("Task", taskId);
	}

	private List<TaskView> views(List<Task> found) {
		Set<String> instanceIds = found.stream().map(Task::getProcessInstanceId).filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		Map<String, String> businessKeys = new HashMap<>();
		if (!instanceIds.isEmpty()) {
			for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
				businessKeys.put(instance.getId(), instance.getBusinessKey());
			}
		}
		Map<String, String[]> definitions = new LinkedHashMap<>();
		return found.stream().map(t -> {
			String[] definition = definitions.computeIfAbsent(t.getProcessDefinitionId(), id -> {
				var d = repository.getProcessDefinition(id);
				return new String[] { d.getKey(), d.getName() };
			});
			return new TaskView(t.getId(), t.getName(), definition[0], definition[1],
					businessKeys.get(t.getProcessInstanceId()), t.getFormKey(), t.getCreateTime().toInstant(),
					t.getAssignee(), t.getProcessInstanceId());
		}).toList();
	}

	static String engineId(CurrentUser user) {
		return String.valueOf(user.id());
	}

	static List<String> groupsOf(CurrentUser user) {
		return user.roles().stream().map(GROUPS::get).filter(java.util.Objects::nonNull).toList();
	}

	private static <T extends RuntimeException> T cause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}
}
