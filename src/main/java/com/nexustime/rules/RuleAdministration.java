package com.nexustime.rules;

import java.time.Instant;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.workflow.DataFolder.DataFile;

/** What admins and process owners do with the rules: look at them and reload them, with an audit trail. */
@Service
@PreAuthorize("hasAnyRole('ADMIN','PROCESS_OWNER')")
public class RuleAdministration {

	/** A rule file as the folder holds it now. */
	public record RuleFile(String name, int size, Instant modifiedAt) {
	}

	/** The rules' state: where they come from, the last load attempt, the load in effect and the files. */
	public record RulesOverview(String location, RuleLoad lastLoad, RuleLoad inEffect, List<RuleFile> files) {
	}

	private final RuleBook rules;

	private final AuditLog audit;

	private final RuleReleases releases;

	RuleAdministration(RuleBook rules, AuditLog audit, RuleReleases releases) {
		this.rules = rules;
		this.audit = audit;
		this.releases = releases;
	}

	public RulesOverview overview() {
		List<RuleFile> files = rules.files().stream()
			.map((DataFile f) -> new RuleFile(f.name(), f.content().length, f.modifiedAt()))
			.toList();
		return new RulesOverview(rules.location(), rules.lastLoad(), rules.inEffect(), files);
	}

	/**
	 * Recompiles the rule files and tries them on sample questions ({@link RuleTrials}) before taking them. A
	 * successful reload is audited (the rules in effect before and after) and released to the other nodes; a failed one (not compiling, or
	 * failing on a sample question) changes nothing and returns the errors.
	 */
	@Transactional
	public RuleLoad reload() {
		RuleLoad before = rules.inEffect();
		// recorded as the newest release, so that every other node takes the same rules (RuleReleases)
		RuleLoad load = releases.reloadFromFolder(SecurityContextHolder.getContext().getAuthentication() == null ? null
				: SecurityContextHolder.getContext().getAuthentication().getName());
		if (load.ok()) {
			audit.record("RELOAD", "Rules", "rules", before, load);
		}
		return load;
	}
}
