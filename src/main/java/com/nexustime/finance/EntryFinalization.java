package com.nexustime.finance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.catalog.ProjectService;
import com.nexustime.tracking.EntryLifecycle;

/**
 * Moves a project's OPEN entries to FINALIZED (ready for the next invoice, locked for their owners): an admin
 * finalizing everything up to a date, or a per-piece project whose artwork is complete. IN_PROCESS entries wait
 * for their client and are left alone; billed entries are past this step. Tracking locks the entries (in id
 * order, as for a client approval and an invoice, so none can deadlock another) and moves them in one statement;
 * each change is audited, all in the caller's transaction.
 */
@Service
public class EntryFinalization {

	static final String ENTRY = "TimeEntry";

	private final JdbcClient jdbc;

	private final ProjectService projects;

	private final AuditLog audit;

	private final EntryLifecycle lifecycle;

	EntryFinalization(JdbcClient jdbc, ProjectService projects, AuditLog audit, EntryLifecycle lifecycle) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.audit = audit;
		this.lifecycle = lifecycle;
	}

	/** What a finalization did: how many entries it finalized, which, and up to which date. */
	public record Finalized(Long projectId, LocalDate through, int finalized, List<Long> entryIds) {
	}

	/** Finalizes every OPEN entry of the project dated on or before {@code through}. */
	@Transactional
	public Finalized finalizeThrough(long projectId, LocalDate through) {
		projects.get(projectId);
		List<Long> ids = locked(() -> jdbc.sql("""
				select id from time_entry
				 where project_id = ? and status = 'OPEN' and entry_date <= ?
				 order by entry_date, id""")
			.params(projectId, through).query(Long.class).list());
		return finalize(projectId, through, ids, "admin finalization through " + through);
	}

	/** Finalizes the project's OPEN per-piece time (ACTIVITY entries of PER_PIECE activities), whatever its date. */
	@Transactional
	public Finalized finalizePerPiece(long projectId) {
		List<Long> ids = locked(() -> jdbc.sql("""
				select e.id from time_entry e
				  join activity a on a.id = e.activity_id
				 where e.project_id = ? and e.status = 'OPEN' and e.type = 'ACTIVITY' and a.category = 'PER_PIECE'
				 order by e.entry_date, e.id""")
			.param(projectId).query(Long.class).list());
		return finalize(projectId, null, ids, "artwork complete");
	}

	/** Finalizes the OPEN entries linked to a completed artwork, whatever their date. */
	@Transactional
	public Finalized finalizeArtwork(long projectId, long artworkId) {
		List<Long> ids = locked(() -> jdbc.sql("""
				select id from time_entry
				 where project_id = ? and artwork_id = ? and status = 'OPEN'
				 order by entry_date, id""")
			.params(projectId, artworkId).query(Long.class).list());
		return finalize(projectId, null, ids, "artwork " + artworkId + " complete");
	}

	/**
	 * The entries {@code candidates} names, locked: asked once, locked by tracking, asked again, so that what is
	 * answered is what still matches now that nobody else can change it.
	 */
	private List<Long> locked(Supplier<List<Long>> candidates) {
		Set<Long> held = lifecycle.lock(candidates.get()).stream().map(EntryLifecycle.LockedEntry::id)
			.collect(Collectors.toSet());
		return candidates.get().stream().filter(held::contains).toList();
	}

	private Finalized finalize(long projectId, LocalDate through, List<Long> ids, String reason) {
		if (ids.isEmpty()) {
			return new Finalized(projectId, through, 0, List.of());
		}
		Instant at = lifecycle.finalize(ids).at();
		for (Long id : ids) {
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("status", "FINALIZED");
			after.put("finalizedAt", at.toString());
			after.put("reason", reason);
			audit.record("FINALIZE", ENTRY, id, Map.of("status", "OPEN"), after);
		}
		Map<String, Object> done = new LinkedHashMap<>();
		done.put("reason", reason);
		if (through != null) {
			done.put("through", through.toString());
		}
		done.put("entryIds", ids.stream().map(String::valueOf).toList());
		audit.record("FINALIZE_ENTRIES", "Project", projectId, null, done);
		return new Finalized(projectId, through, ids.size(), ids);
	}
}
