package com.nexustime.system.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The one place that names codes in words for people: project types, billing modes, statuses, activity
 * categories, roles, rate scopes and the like. Pages use it as {@code ${@labels.of(code)}}; CSV files and
 * JSON answers keep the codes, which are data.
 *
 * <p>A code means the same everywhere unless its kind says otherwise: {@code SENT} is "Sent" for a mail or an
 * invoice, but a client approval that is sent is "Waiting for client". Kinds are the enum's simple name or a
 * name a page passes for a status kept as text ({@code approval}, {@code invoice}, {@code week}, {@code mail}).
 * A code with no words here is still shown readably ("SOME_NEW_CODE" becomes "Some new code"), never raw.
 */
@Component("labels")
public class Labels {

	private static final Map<String, String> WORDS = Map.ofEntries(
			// project type, billing mode, project status
			Map.entry("STANDARD", "Standard"), Map.entry("PER_PIECE", "Per piece"),
			Map.entry("ELECTRONIC", "Electronic"), Map.entry("HOURLY", "Hourly"),
			Map.entry("INVOICE_BUDGET", "Invoice budget"), Map.entry("ACTIVE", "Active"),
			Map.entry("ARTWORK_COMPLETE", "Artwork complete"), Map.entry("OBSOLETE", "Obsolete"),
			Map.entry("CLOSED", "Closed"),
			// activity categories
			Map.entry("DESIGN_CREATIVE", "Design / creative"), Map.entry("MANAGEMENT", "Management"),
			Map.entry("FIXED_COST", "Fixed cost"), Map.entry("BUDGET", "Budget"),
			// entries
			Map.entry("ACTIVITY", "Activity"), Map.entry("ADJUSTMENT", "Adjustment"), Map.entry("OPEN", "Open"),
			Map.entry("IN_PROCESS", "In process"), Map.entry("FINALIZED", "Finalized"), Map.entry("BILLED", "Billed"),
			// weeks, approvals, invoices, mail
			Map.entry("SUBMITTED", "Submitted"), Map.entry("APPROVED", "Approved"), Map.entry("REJECTED", "Rejected"),
			Map.entry("RECALLED", "Recalled"), Map.entry("SENT", "Sent"), Map.entry("VIEWED", "Viewed"),
			Map.entry("DECLINED", "Declined"), Map.entry("CANCELLED", "Cancelled"), Map.entry("EXPIRED", "Expired"),
			Map.entry("REMINDED", "Reminded"), Map.entry("DELIVERED", "Delivered"), Map.entry("RESENT", "Sent again"),
			Map.entry("DRAFT", "Draft"), Map.entry("PAID", "Paid"), Map.entry("VOID", "Void"),
			Map.entry("PENDING", "Waiting to be sent"), Map.entry("FAILED", "Failed"),
			// deals
			Map.entry("WON", "Won"), Map.entry("LOST", "Lost"),
			// roles
			Map.entry("STAFF", "Staff"), Map.entry("MANAGER", "Manager"), Map.entry("ADMIN", "Administrator"),
			Map.entry("AUDITOR", "Auditor"), Map.entry("PROCESS_OWNER", "Process owner"),
			// rate scopes, groupings of approval lines
			Map.entry("WORKSPACE", "Workspace"), Map.entry("USER", "Person"), Map.entry("PROJECT", "Project"),
			Map.entry("TASK", "Project and activity"), Map.entry("DAY", "Day"), Map.entry("CLIENT", "Client"),
			// days a week starts on
			Map.entry("MONDAY", "Monday"), Map.entry("SUNDAY", "Sunday"),
			// kinds of process step, as the process engine's history names them
			Map.entry("userTask", "Task for a person"), Map.entry("serviceTask", "Automatic step"),
			Map.entry("scriptTask", "Automatic step"), Map.entry("businessRuleTask", "Rule check"),
			Map.entry("sendTask", "Message sent"), Map.entry("receiveTask", "Waiting for a message"),
			Map.entry("callActivity", "Sub-process"), Map.entry("subProcess", "Sub-process"),
			Map.entry("startEvent", "Start"), Map.entry("noneEndEvent", "End"), Map.entry("endEvent", "End"),
			Map.entry("terminateEndEvent", "End"), Map.entry("errorEndEvent", "Ended with an error"),
			Map.entry("exclusiveGateway", "Decision"), Map.entry("inclusiveGateway", "Decision"),
			Map.entry("parallelGateway", "Split or join"), Map.entry("eventBasedGateway", "Waiting for an event"),
			Map.entry("intermediateTimer", "Wait"), Map.entry("boundaryTimer", "Deadline"),
			Map.entry("boundaryError", "Error caught"), Map.entry("boundaryMessage", "Message received"),
			Map.entry("intermediateMessageCatch", "Waiting for a message"),
			Map.entry("intermediateSignalCatch", "Waiting for a signal"),
			Map.entry("multiInstanceBody", "Repeated step"));

	/** Words that differ from the plain ones for one kind of code, keyed "kind.CODE". */
	private static final Map<String, String> IN_CONTEXT = Map.ofEntries(
			Map.entry("approval.SENT", "Waiting for client"), Map.entry("mail.SENT", "Sent"),
			Map.entry("EntryType.FIXED_COST", "Fixed cost"));

	/** The words for a code or an enum constant; "" for none. */
	public String of(Object code) {
		return words(code);
	}

	/** The words for a code of the given kind (a status kept as text, such as "approval" or "invoice"). */
	public String of(String kind, Object code) {
		return words(kind, code);
	}

	/** Static access for code that builds text outside a page (charts, CSV columns meant for people). */
	public static String words(Object code) {
		if (code instanceof Enum<?> constant) {
			return words(constant.getDeclaringClass().getSimpleName(), constant.name());
		}
		return words(null, code);
	}

	public static String words(String kind, Object code) {
		if (code == null) {
			return "";
		}
		String text = code instanceof Enum<?> constant ? constant.name() : code.toString();
		if (kind != null) {
			String special = IN_CONTEXT.get(kind + "." + text);
			if (special != null) {
				return special;
			}
		}
		String plain = WORDS.get(text);
		return plain != null ? plain : readable(text);
	}

	/** Whether the code has words of its own here (not the readable fallback). */
	public static boolean named(String code) {
		return WORDS.containsKey(code);
	}

	/** "SOME_NEW_CODE" as "Some new code": a code nobody named yet still reads as words. */
	static String readable(String code) {
		if (code.isEmpty() || !code.equals(code.toUpperCase(Locale.ROOT))) {
			return code;
		}
		String spaced = code.replace('_', ' ').toLowerCase(Locale.ROOT).trim();
		return spaced.isEmpty() ? code : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}
}
