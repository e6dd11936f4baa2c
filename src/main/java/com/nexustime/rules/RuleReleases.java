package com.nexustime.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.nexustime.workflow.DataFolder.DataFile;

/**
 * Keeps every node on one database running the same rules. Each set of rules a node takes into use is recorded
 * as a release (the texts themselves, in {@code rule_release}); every node looks at the newest release id every
 * few seconds (one primary-key lookup) and compiles that release's texts when it is behind. So a reload on one
 * node reaches the others without their folders being touched.
 * <p>
 * At start-up the node's folder counts like a reload: when it differs from the newest release it becomes a new
 * release, and the other nodes follow (the same as a changed diagram in {@code processes/}). Keep the folder
 * the same on every node.
 */
@Component
class RuleReleases {

	private static final Logger log = LoggerFactory.getLogger(RuleReleases.class);

	/** One rule file as a release stores it. */
	record ReleasedFile(String name, String text) {
	}

	private record Release(long id, String digest) {
	}

	private final RuleBook rules;

	private final RuleTrials trials;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	/** The release whose texts are in effect on this node; 0 before the first. Guarded by {@code this}. */
	private long inEffect;

	RuleReleases(RuleBook rules, RuleTrials trials, JdbcClient jdbc, ObjectMapper json) {
		this.rules = rules;
		this.trials = trials;
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Compiles the folder, tries the rules on sample questions and, when they are taken, records them as the
	 * newest release in the caller's transaction.
	 */
	synchronized RuleLoad reloadFromFolder(String releasedBy) {
		RuleLoad load = rules.reload(trials);
		if (load.ok()) {
			inEffect = record("RELOAD", releasedBy, rules.sourcesInEffect());
		}
		return load;
	}

	/** The release in effect on this node (0 when none is recorded yet). */
	synchronized long inEffect() {
		return inEffect;
	}

	/** Before the node is ready for traffic: release the folder's rules, unless they are the newest release. */
	@EventListener(ApplicationStartedEvent.class)
	synchronized void atStart() {
		List<DataFile> folder = rules.sourcesInEffect();
		Optional<Release> newest = newest();
		if (newest.isPresent() && newest.get().digest().equals(digest(folder))) {
			inEffect = newest.get().id();
			log.info("Rules in effect are release {}", inEffect);
			return;
		}
		inEffect = record("START", null, folder);
		log.info("Rules of {} recorded as release {}{}", rules.location(), inEffect,
				newest.isPresent() ? " (they differ from release " + newest.get().id() + ", which the other nodes now leave)" : "");
	}

	@Scheduled(fixedDelayString = "${nexus.rules.release-check:5s}", initialDelayString = "${nexus.rules.release-check:5s}")
	void checkOnSchedule() {
		try {
			catchUp();
		}
		catch (RuntimeException ex) {
			log.warn("Could not check for a newer rule release; the next run tries again", ex);
		}
	}

	/**
	 * Takes the newest release when this node is behind; answers whether it did. A release that does not compile
	 * here (it did where it was made, so the nodes' code differs) is logged and not tried again.
	 */
	synchronized boolean catchUp() {
		Long newest = jdbc.sql("select max(id) from rule_release").query(Long.class).single();
		if (newest == null || newest <= inEffect) {
			return false;
		}
		List<DataFile> files = files(newest).stream()
			.map(f -> new DataFile(f.name(), f.text().getBytes(StandardCharsets.UTF_8), null))
			.toList();
		RuleLoad load = rules.reload(files, trials);
		long behind = inEffect;
		inEffect = newest;
		if (load.ok()) {
			log.info("Rules of release {} taken (this node had release {}): {}", newest, behind, load.files());
			return true;
		}
		log.error("Rule release {} does not compile on this node; the previous rules stay in effect: {}", newest,
				load.errors());
		return false;
	}

	private Optional<Release> newest() {
		return jdbc.sql("select id, digest from rule_release order by id desc limit 1")
			.query((rs, row) -> new Release(rs.getLong("id"), rs.getString("digest")))
			.optional();
	}

	private List<ReleasedFile> files(long id) {
		String text = jdbc.sql("select files from rule_release where id = ?").param(id).query(String.class).single();
		try {
			return json.readValue(text, new TypeReference<List<ReleasedFile>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("rule release " + id + " holds no readable file list", ex);
		}
	}

	private long record(String origin, String releasedBy, List<DataFile> sources) {
		List<ReleasedFile> files = sources.stream().map(f -> new ReleasedFile(f.name(), f.text())).toList();
		String text;
		try {
			text = json.writeValueAsString(files);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		return jdbc.sql("""
				insert into rule_release (origin, released_by, digest, files, released_at)
				values (?, ?, ?, cast(? as jsonb), ?) returning id""")
			.params(origin, releasedBy, digest(sources), text, java.sql.Timestamp.from(Instant.now()))
			.query(Long.class).single();
	}

	/** SHA-256 over each file's name and content, in name order (the folder lists them sorted). */
	static String digest(List<DataFile> files) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (DataFile file : files) {
				byte[] name = file.name().getBytes(StandardCharsets.UTF_8);
				sha.update(java.nio.ByteBuffer.allocate(8).putInt(name.length).putInt(file.content().length).array());
				sha.update(name);
				sha.update(file.content());
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
