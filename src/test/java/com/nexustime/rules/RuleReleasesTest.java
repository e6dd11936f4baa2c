package com.nexustime.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.IntegrationTest;

/**
 * Two nodes on one database: a reload on one is recorded as a release, and a node that finds a newer release
 * than its own takes those rule texts by itself, without its reload being called and without its folder changing.
 */
class RuleReleasesTest extends IntegrationTest {

	private static final String PROBE = """
			package com.nexustime.rules.probe;

			rule "Another node was here"
			when
			    eval(false)
			then
			end
			""";

	@Autowired
	private RuleReleases releases;

	@Autowired
	private RuleBook ruleBook;

	@Autowired
	private ObjectMapper json;

	@Test
	void aReloadIsRecordedAsTheNewestReleaseWithTheTextsItCompiled() {
		long before = newestId();
		assertThat(admin().post("/api/v1/admin/rules/reload", null).status()).isEqualTo(200);
		Map<String, Object> newest = jdbc.sql("select id, origin, released_by, digest from rule_release order by id desc limit 1")
			.query().singleRow();
		System.out.println("reload recorded as " + newest);
		assertThat((Long) newest.get("id")).isGreaterThan(before);
		assertThat(newest.get("origin")).isEqualTo("RELOAD");
		assertThat(newest.get("released_by")).isEqualTo(ADMIN_EMAIL);
		assertThat(newest.get("digest")).isEqualTo(RuleReleases.digest(ruleBook.files()));
		assertThat(releases.inEffect()).isEqualTo(newest.get("id"));
		assertThat(releasedNames((Long) newest.get("id"))).containsExactlyElementsOf(ruleBook.inEffect().files());
	}

	@Test
	void aReleaseMadeOnAnotherNodeIsTakenHereWithoutAReload() throws Exception {
		long mine = releases.inEffect();
		List<RuleReleases.ReleasedFile> files = new ArrayList<>(released(newestId()));
		files.add(new RuleReleases.ReleasedFile("cluster-probe.drl", PROBE));
		// what the other node's reload writes
		long theirs = jdbc.sql("""
				insert into rule_release (origin, released_by, digest, files)
				values ('RELOAD', 'node-b', 'from another node', cast(? as jsonb)) returning id""")
			.param(json.writeValueAsString(files)).query(Long.class).single();
		try {
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			JsonNode inEffect = overview().path("inEffect");
			while (!names(inEffect).contains("cluster-probe.drl") && System.nanoTime() < deadline) {
				Thread.sleep(250);
				inEffect = overview().path("inEffect");
			}
			System.out.println("this node had release " + mine + ", another node recorded " + theirs
					+ "; rules in effect now: " + names(inEffect));
			assertThat(names(inEffect)).as("the other node's rules, taken by the scheduled check").contains("cluster-probe.drl");
			assertThat(releases.inEffect()).isEqualTo(theirs);
			assertThat(ruleBook.files()).extracting(f -> f.name()).doesNotContain("cluster-probe.drl");
		}
		finally {
			// this node's folder again, released for every node
			assertThat(admin().post("/api/v1/admin/rules/reload", null).status()).isEqualTo(200);
		}
		assertThat(names(overview().path("inEffect"))).doesNotContain("cluster-probe.drl");
		assertThat(releases.catchUp()).as("nothing newer than its own reload").isFalse();
	}

	@Test
	void aStartWithTheFolderOfTheNewestReleaseReleasesNothing() {
		assertThat(admin().post("/api/v1/admin/rules/reload", null).status()).isEqualTo(200);
		long before = newestId();
		releases.atStart();
		assertThat(newestId()).isEqualTo(before);
		assertThat(releases.inEffect()).isEqualTo(before);
	}

	private long newestId() {
		return jdbc.sql("select coalesce(max(id), 0) from rule_release").query(Long.class).single();
	}

	private List<RuleReleases.ReleasedFile> released(long id) throws Exception {
		String text = jdbc.sql("select files from rule_release where id = ?").param(id).query(String.class).single();
		return json.readValue(text, new TypeReference<List<RuleReleases.ReleasedFile>>() {
		});
	}

	private List<String> releasedNames(long id) {
		try {
			return released(id).stream().map(RuleReleases.ReleasedFile::name).toList();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private JsonNode overview() {
		return admin().get("/api/v1/admin/rules").json();
	}

	private static List<String> names(JsonNode load) {
		List<String> names = new ArrayList<>();
		load.path("files").forEach(f -> names.add(f.asText()));
		return names;
	}
}
