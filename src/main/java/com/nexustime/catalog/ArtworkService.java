package com.nexustime.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.workspace.WorkspaceSettings;

/** Artworks of a project, which per-piece time entries refer to. */
@Service
@Transactional(readOnly = true)
public class ArtworkService {

	private final ArtworkRepository artworks;

	private final ProjectService projects;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final WorkspaceSettings workspace;

	ArtworkService(ArtworkRepository artworks, ProjectService projects, AuditLog audit,
			ApplicationEventPublisher events, WorkspaceSettings workspace) {
		this.artworks = artworks;
		this.projects = projects;
		this.audit = audit;
		this.events = events;
		this.workspace = workspace;
	}

	public List<Artwork> list(Long projectId) {
		projects.get(projectId);
		return artworks.findByProjectIdOrderByNameAscIdAsc(projectId);
	}

	public Artwork get(Long id) {
		return artworks.findById(id).orElseThrow(() -> new NotFoundException("Artwork", id));
	}

	@Transactional
	public Artwork create(Long projectId, ArtworkForm form) {
		projects.get(projectId);
		Artwork saved = artworks.save(Artwork.create(projectId, form));
		audit.record("CREATE", "Artwork", saved.id(), null, saved);
		return saved;
	}

	@Transactional
	public Artwork change(Long id, ArtworkChanges changes) {
		Artwork before = get(id);
		Artwork after = before.apply(changes);
		if (before.complete()) {
			// what was priced stays priced: the completion day fixed the price these two fields decide
			if (!Objects.equals(before.complexityTier(), after.complexityTier())) {
				throw new ConflictException("complexityTier", "artwork " + before.name()
						+ " is complete (since " + before.completedOn() + "); its complexity tier cannot change");
			}
			if (!Objects.equals(before.alterationCount(), after.alterationCount())) {
				throw new ConflictException("alterationCount", "artwork " + before.name()
						+ " is complete (since " + before.completedOn() + "); its alteration count cannot change");
			}
		}
		after = artworks.save(after);
		audit.record("UPDATE", "Artwork", id, before, after);
		return after;
	}

	/**
	 * Completes the artwork today (the workspace's day): it is priced on that day and its time entries are
	 * finalized in this transaction (finance listens to {@link ArtworkCompleted}), ready for the next invoice to
	 * bill it as one line. Completing an artwork twice is a conflict.
	 */
	@Transactional
	public Artwork complete(Long id) {
		Artwork before = get(id);
		if (before.complete()) {
			throw new ConflictException("artwork " + before.name() + " was already completed on " + before.completedOn());
		}
		Project project = projects.get(before.projectId());
		if (project.type() != ProjectType.PER_PIECE) {
			throw new ConflictException("artwork " + before.name() + " belongs to a " + project.type()
					+ " project; only per-piece projects complete artworks");
		}
		LocalDate today = LocalDate.now(workspace.current().zone());
		Artwork after = artworks.save(before.completed(today));
		audit.record("COMPLETE", "Artwork", id, before, after);
		events.publishEvent(new ArtworkCompleted(id, after.projectId(), today));
		return after;
	}
}
