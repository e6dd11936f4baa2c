package com.nexustime.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.approval.ClientApprovalService;
import com.nexustime.approval.InvoicedApprovals;
import com.nexustime.approval.PendingApprovals;
import com.nexustime.audit.AuditLog;
import com.nexustime.rules.InvoiceCandidate;
import com.nexustime.rules.InvoicingRules;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.RuleViolationException;
import com.nexustime.tracking.EntryLifecycle;
import com.nexustime.tracking.EntryStatus;
import com.nexustime.workspace.Workspace;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * Making invoices from time. An approved client approval becomes an invoice with exactly its lines; a client's
 * finalized entries in a date range become one with a line per project, activity and rate. Either way the
 * invoice, its lines, the record of its entries, the entries' move to BILLED and the next number of the year all
 * commit in one transaction, or none of it does.
 */
@Service
class InvoiceMaking {

	/** The user task of client-approval.bpmn that an invoice made from the approval completes. */
	static final String CONVERT_TASK = "ConvertToInvoice";

	private final InvoiceStore store;

	private final InvoiceSources sources;

	private final WorkspaceSettings workspace;

	private final AuditLog audit;

	private final TaskService tasks;

	private final PendingApprovals approvals;

	private final ClientApprovalService clientApprovals;

	private final InvoicingRules invoicing;

	private final InvoicedApprovals invoicedApprovals;

	private final EntryLifecycle lifecycle;

	private final ArtworkLines artworkLines;

	InvoiceMaking(InvoiceStore store, InvoiceSources sources, WorkspaceSettings workspace, AuditLog audit,
			TaskService tasks, PendingApprovals approvals, ClientApprovalService clientApprovals,
			InvoicingRules invoicing, InvoicedApprovals invoicedApprovals, EntryLifecycle lifecycle,
			ArtworkLines artworkLines) {
		this.artworkLines = artworkLines;
		this.store = store;
		this.sources = sources;
		this.workspace = workspace;
		this.audit = audit;
		this.tasks = tasks;
		this.approvals = approvals;
		this.clientApprovals = clientApprovals;
		this.invoicing = invoicing;
		this.invoicedApprovals = invoicedApprovals;
		this.lifecycle = lifecycle;
	}

	@Transactional
	public Invoice fromTime(CurrentUser user, InvoiceRequest request) {
		InvoiceRegister.requireBiller(user);
		if (request.fromApproval()) {
			return fromApproval(user, request.getApprovalId());
		}
		return fromRange(user, request.getContactId(), request.getFrom(), request.getTo());
	}

	/** From an approved client approval; completes the owner's "Convert to invoice" task when it is open. */
	@Transactional
	public Invoice fromApproval(CurrentUser user, long approvalId) {
		InvoiceRegister.requireBiller(user);
		// what a biller may not read they may not bill either: 404, as for reading it
		clientApprovals.get(user, approvalId);
		Draft draft = convertApproval(approvalId, user.id());
		completeConvertTask(approvalId, draft.id());
		return numbered(draft);
	}

	/**
	 * The process's way in: completing the "Convert to invoice" task, or the automatic billing step. Answers the
	 * approval's live invoice when it has one already, so a retried job or a task completed after the invoice was
	 * made changes nothing. When the caller's own transaction made that invoice (the API completing the task), it
	 * has no number yet ({@code number()} is null) until that transaction numbers it at its end: read its id only.
	 */
	@Transactional
	public Invoice forApprovalInProcess(long approvalId, Long actorId) {
		lockApproval(approvalId);
		Optional<Long> live = store.liveInvoiceId(approvalId);
		if (live.isPresent()) {
			// made by the caller's own transaction (the API completing this task) it has no number yet: the caller
			// numbers it once the task is done
			return store.load(live.get());
		}
		return numbered(convertApproval(approvalId, actorId));
	}

	/**
	 * A client's entries dated {@code from}–{@code to} that are finalized (client-approved or finalized by an
	 * admin) and on no invoice, and that the invoicing rules ({@code rules/invoicing.drl}) let be invoiced.
	 */
	@Transactional
	public Invoice fromRange(CurrentUser user, long contactId, LocalDate from, LocalDate to) {
		InvoiceRegister.requireBiller(user);
		if (to.isBefore(from)) {
			throw new RuleViolationException("to", "the last day is before the first day");
		}
		String contactName = sources.contactName(contactId)
			.orElseThrow(() -> new RuleViolationException("contactId", "no client with id " + contactId));
		// tracking locks them in id order, as on the approval path, so two conversions never wait for each other
		// in a circle; asked again once locked, a conversion that waited no longer sees what the other one billed.
		// Only the lifecycle is filtered in SQL (finalized, on no invoice); whether an entry may be invoiced is the
		// rules' question below.
		Set<Long> held = lifecycle.lock(sources.finalizedEntries(contactId, from, to).stream().map(d -> d.entry().id())
			.toList()).stream().map(EntryLifecycle.LockedEntry::id).collect(Collectors.toSet());
		List<InvoiceSources.Dated> found = sources.finalizedEntries(contactId, from, to).stream()
			.filter(d -> held.contains(d.entry().id())).toList();
		List<InvoiceSources.Dated> kept = invoicing.keepInvoiceable(found, InvoiceSources.Dated::candidate).stream()
			.sorted(Comparator.comparing(InvoiceSources.Dated::date).thenComparing(d -> d.entry().id())).toList();
		List<InvoiceLines.Billable> entries = asSigned(
				kept.stream().filter(d -> d.budget() == null).map(InvoiceSources.Dated::entry).toList());
		// per-piece work: a completed artwork's entries become its priced line, an unfinished one's wait
		ArtworkLines.Split split = artworkLines.split(entries);
		BudgetBilling budgets = budgetLines(kept.stream().filter(d -> d.budget() != null).toList());
		InvoiceLines.Merged merged = InvoiceLines.merged(split.lines(), budgets.lines());
		if (merged.lines().isEmpty()) {
			throw new ConflictException("nothing is billable: " + contactName + " has no finalized entries on no "
					+ "invoice that may be invoiced between " + from + " and " + to
					+ (budgets.exhausted().isEmpty() ? ""
							: "; the budget of " + String.join(", ", budgets.exhausted()) + " is all invoiced"));
		}
		List<Long> entryIds = new ArrayList<>(split.entryIds());
		entryIds.addAll(budgets.entryIds());
		return numbered(create(contactId, null, from, to, null, merged.lines(), entryIds, merged.budgetPositions(),
				user.id()));
	}

	/**
	 * The budget lines of a range invoice: per invoice-budget project, what is left of its budget (the budget amount
	 * less what the budget lines of invoices that are not void billed), with its entries, which are billed with that
	 * line for cost tracking. A project with nothing left gets no line, and its entries stay as they are.
	 */
	private record BudgetBilling(List<InvoiceLines.BudgetLine> lines, List<Long> entryIds, List<String> exhausted) {
	}

	private BudgetBilling budgetLines(List<InvoiceSources.Dated> budgetEntries) {
		Map<Long, List<InvoiceSources.Dated>> byProject = new LinkedHashMap<>();
		budgetEntries.forEach(d -> byProject.computeIfAbsent(d.budget().projectId(), p -> new ArrayList<>()).add(d));
		store.lockBudgets(byProject.keySet());
		Map<Long, BigDecimal> invoiced = store.budgetBilled(byProject.keySet());
		List<InvoiceLines.BudgetLine> lines = new ArrayList<>();
		List<Long> entryIds = new ArrayList<>();
		List<String> exhausted = new ArrayList<>();
		for (List<InvoiceSources.Dated> members : byProject.values()) {
			InvoiceSources.BudgetProject project = members.get(0).budget();
			BigDecimal budget = project.budgetAmount() == null ? BigDecimal.ZERO : project.budgetAmount();
			BigDecimal remaining = budget.subtract(invoiced.getOrDefault(project.projectId(), BigDecimal.ZERO));
			if (remaining.signum() <= 0) {
				exhausted.add(project.name());
				continue;
			}
			int minutes = members.stream().map(d -> d.entry().minutes()).filter(Objects::nonNull)
				.mapToInt(Integer::intValue).sum();
			lines.add(new InvoiceLines.BudgetLine(InvoiceLines.budgetLine(project.name(), minutes, remaining),
					project.projectId()));
			members.forEach(d -> entryIds.add(d.entry().id()));
		}
		return new BudgetBilling(lines, entryIds, exhausted);
	}

	/** The workspace setting the client-approval process asks after the client approved. */
	@Transactional(readOnly = true)
	public boolean billsAutomatically() {
		return workspace.current().autoInvoice();
	}

	/**
	 * Entries a client signed are billed with the minutes, rate and amount of the signed snapshot, not with what
	 * the entry holds now. The week-locking rules keep signed entries from changing; this holds even for an entry
	 * changed before those rules existed, or behind the application's back.
	 */
	private List<InvoiceLines.Billable> asSigned(List<InvoiceLines.Billable> entries) {
		Map<Long, PendingApprovals.Signed> signed = approvals
			.signedValues(entries.stream().map(InvoiceLines.Billable::id).toList());
		return entries.stream().map(e -> {
			PendingApprovals.Signed values = signed.get(e.id());
			return values == null ? e
					: new InvoiceLines.Billable(e.id(), e.type(), e.projectName(), e.activityName(), e.text(),
							values.minutes(), values.rate(), values.amount());
		}).toList();
	}

	private Draft convertApproval(long approvalId, Long actorId) {
		InvoicedApprovals.ToInvoice approval = lockApproval(approvalId);
		String status = approval.status();
		if (!"APPROVED".equals(status)) {
			throw new ConflictException("client approval " + approvalId + " is " + status
					+ "; only an approved one can be invoiced");
		}
		Optional<Long> live = store.liveInvoiceId(approvalId);
		if (live.isPresent()) {
			throw new ConflictException("client approval " + approvalId + " is already invoiced as "
					+ store.number(live.get()));
		}
		// a retainer's client agreed its budget, not its hours: signed hour lines cannot become its invoice
		List<String> budgetProjects = sources.approvalBudgetProjects(approvalId);
		if (!budgetProjects.isEmpty()) {
			throw new ConflictException("client approval " + approvalId + " covers time of " + String.join(", ", budgetProjects)
					+ ", billed by invoice budget: invoice its budget from a date range instead");
		}
		List<Invoice.Line> lines = sources.approvalLines(approvalId);
		List<Long> covered = sources.approvalEntryIds(approvalId);
		List<EntryLifecycle.LockedEntry> found = lifecycle.lock(covered);
		Map<Long, InvoiceCandidate> candidates = sources.approvalCandidates(approvalId);
		if (found.size() != covered.size()) {
			throw new ConflictException((covered.size() - found.size()) + " of the entries client approval " + approvalId
					+ " covers no longer exist; the invoice would not match them");
		}
		for (EntryLifecycle.LockedEntry entry : found) {
			if (entry.status() != EntryStatus.FINALIZED || entry.invoiceId() != null) {
				throw new ConflictException("entry " + entry.id() + " of client approval " + approvalId + " is "
						+ entry.status() + (entry.invoiceId() == null ? "" : " on invoice " + store.number(entry.invoiceId()))
						+ ", not finalized and waiting for an invoice");
			}
		}
		// the client signed these entries, but whether they may be invoiced is still the rules' to say: an entry
		// they refuse now stops the whole conversion (the lines cannot drop it without disagreeing with the signature)
		Map<Long, String> refused = invoicing
			.refusals(found.stream().map(entry -> candidates.get(entry.id())).toList());
		if (!refused.isEmpty()) {
			Map.Entry<Long, String> first = refused.entrySet().iterator().next();
			throw new ConflictException("entry " + first.getKey() + " of client approval " + approvalId
					+ " may not be invoiced: " + first.getValue()
					+ (refused.size() > 1 ? " (and " + (refused.size() - 1) + " more)" : ""));
		}
		Draft draft = create(approval.contactId(), approvalId, approval.from(), approval.to(),
				approval.snapshotHash(), lines, covered, actorId);
		invoicedApprovals.invoiced(approvalId, draft.id());
		return draft;
	}

	/** An invoice written in this transaction that has no number yet; {@link #numbered} gives it one. */
	private record Draft(long id, int year) {
	}

	private Draft create(long contactId, Long approvalId, LocalDate from, LocalDate to, String snapshotHash,
			List<Invoice.Line> lines, List<Long> entryIds, Long createdBy) {
		return create(contactId, approvalId, from, to, snapshotHash, lines, entryIds, Map.of(), createdBy);
	}

	/**
	 * Writes the invoice, its lines and entries and bills the entries, without a number: the number comes last
	 * ({@link #numbered}). {@code budgetPositions}: the lines (by position) that bill an invoice-budget project's
	 * budget, to that project.
	 */
	private Draft create(long contactId, Long approvalId, LocalDate from, LocalDate to, String snapshotHash,
			List<Invoice.Line> lines, List<Long> entryIds, Map<Integer, Long> budgetPositions, Long createdBy) {
		Workspace settings = workspace.current();
		LocalDate issueDate = LocalDate.now(settings.zone());
		long id = store.insert(null, null, null, contactId, approvalId, issueDate, from, to,
				InvoiceLines.total(lines), settings.currency().trim(), snapshotHash, createdBy);
		store.insertLines(id, lines);
		store.markBudgetLines(id, budgetPositions);
		store.insertEntries(id, entryIds);
		// status only, like the approval's moves: the version stays for "changed since sent"
		int billed = lifecycle.markBilled(id, issueDate, entryIds);
		if (billed != entryIds.size()) {
			throw new ConflictException("only " + billed + " of the " + entryIds.size() + " entries were still "
					+ "finalized and on no invoice; nothing was invoiced, try again");
		}
		return new Draft(id, issueDate.getYear());
	}

	/**
	 * Gives the draft the next number of its year and records its creation. The year's counter row stays locked
	 * from here until the transaction commits (numbers without gaps, in commit order), so this is the last step of
	 * every way an invoice is made: everything before it runs while other conversions are being numbered. A
	 * committed invoice always has its number (V45 checks it at commit).
	 */
	private Invoice numbered(Draft draft) {
		int sequence = store.nextSequence(draft.year());
		store.number(draft.id(), String.format("%d-%04d", draft.year(), sequence), draft.year(), sequence);
		Invoice created = store.load(draft.id());
		audit.record("CREATE", InvoiceService.ENTITY, draft.id(), null, created);
		return created;
	}

	/** Completes the approval's open "Convert to invoice" task; its listener finds the invoice made and stops. */
	private void completeConvertTask(long approvalId, long invoiceId) {
		String processInstanceId = sources.approvalProcessInstance(approvalId).orElse(null);
		if (processInstanceId == null) {
			return;
		}
		for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(CONVERT_TASK)
			.list()) {
			tasks.complete(task.getId(), Map.of("invoiceId", String.valueOf(invoiceId)));
		}
	}

	/** The approval, locked until this transaction ends (see {@link InvoicedApprovals#lock}); 404 when there is none. */
	private InvoicedApprovals.ToInvoice lockApproval(long approvalId) {
		return invoicedApprovals.lock(approvalId).orElseThrow(() -> new NotFoundException("Client approval", approvalId));
	}
}
