package com.nexustime.catalog;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.system.web.NotFoundException;

/** Artworks of a project, which per-piece time entries refer to. */
@Service
@Transactional(readOnly = true)
public class ArtworkService {

	private final ArtworkRepository artworks;

	private final ProjectService projects;

	private final AuditLog audit;

	ArtworkService(ArtworkRepository artworks, ProjectService projects, AuditLog audit) {
		this.artworks = artworks;
		this.projects = projects;
		this.audit = audit;
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
		Artwork after = artworks.save(before.apply(changes));
		audit.record("UPDATE", "Artwork", id, before, after);
		return after;
	}
}
