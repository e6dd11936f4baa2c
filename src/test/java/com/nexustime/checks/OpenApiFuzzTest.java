package com.nexustime.checks;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends hostile input to every operation of the application's own OpenAPI description and checks the answers:
 * never a 5xx, every 4xx under /api/v1 a problem+json whose {@code status} is the code, and nothing stored by the
 * invalid requests (a fingerprint of every table, the engine's included, before and after each operation).
 * Deterministic: the few random choices come from a fixed seed. The summary goes to target/fuzz-report.txt.
 */
class OpenApiFuzzTest extends IntegrationTest {

	private static final long SEED = 17L;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** A path id no row has: body fuzz reaches the body checks without touching real data. */
	private static final String MISSING_ID = "987654321";

	private static final String MB_STRING = "x".repeat(1024 * 1024);

	private static final String DIGITS_400 = "9".repeat(400);

	private static final List<String> FAR_DATES = List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01");

	private static final List<String> BAD_IDS = List.of("0", "-1", "0x1", "+1", "12345678901234567890", "%00");

	private static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE app_user; --",
			"<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://127.0.0.1/a}", "../../../../etc/passwd",
			"a\u0000b", "a\r\nX-Injected: 1", "#{7*7}", "%00");

	private static final List<String> MALFORMED = List.of("{", "{\"a\":", "[1,2", "{\"a\":1,}", "nope", "\u0000",
			"{\"a\":\"\\u00\"}");

	/** Field names where zero or a negative number can never be right, besides what the schema says. */
	private static final Pattern POSITIVE_NAMES = Pattern
		.compile("(?i).*(minutes|hours|amount|price|quantity|budget|pieces|count|rate)$");

	/**
	 * Cases known to be open, each named with a matcher of the failing request. Empty: every case found while the
	 * harness was written was fixed (ids like 0x1, far dates, bad encodings answered outside problem+json).
	 */
	private static final List<KnownOpen> KNOWN_OPEN = List.of();

	private record KnownOpen(String name, Case matches) {
	}

	private interface Case {

		boolean test(String kind, String url, int status, String contentType);
	}

	/**
	 * Tables whose content changes for reasons other than the requests under test (written on every
	 * authenticated request or by the engine's bookkeeping); listed with the reason so the exclusion is visible.
	 */
	private static final Map<String, String> UNSTABLE_TABLES = Map.of("public.audit_seal",
			"the sealer seals audit records on its own schedule", "public.rate_limit_bucket",
			"the public pages' and sign-in limits count every attempt, valid or not, by design",
			"public.sign_in_block", "written when a limit runs out, by design");

	private final Random random = new Random(SEED);

	private final Map<String, Integer> byKind = new TreeMap<>();

	private final Map<String, Integer> byOperation = new TreeMap<>();

	private final List<String> failures = new ArrayList<>();

	private final List<String> knownOpenSeen = new ArrayList<>();

	private final Set<String> acceptedKnownOpen = new java.util.HashSet<>();

	private final Map<String, Integer> byStatus = new TreeMap<>();

	private JsonNode spec;

	@Test
	void everyOperationRefusesHostileInputCleanly() throws IOException {
		Api.Response docs = admin().get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		spec = docs.json();
		// personal tokens, not Basic: a password check per request (deliberately slow) would be most of the run
		Api.Client admin = api.bearer(admin().post("/api/v1/me/tokens", Map.of("name", "fuzz " + System.nanoTime()))
			.json().get("token").asText());
		Api.Client staffBasic = TestUsers.create(jdbc, "STAFF").client(api);
		Api.Client staff = api.bearer(staffBasic.post("/api/v1/me/tokens", Map.of("name", "fuzz")).json().get("token")
			.asText());

		int operationIndex = 0;
		List<Operation> operations = new ArrayList<>();
		Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
		while (paths.hasNext()) {
			Map.Entry<String, JsonNode> path = paths.next();
			Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
			while (methods.hasNext()) {
				Map.Entry<String, JsonNode> method = methods.next();
				if (!Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
					continue;
				}
				Operation op = new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue());
				operations.add(op);
			}
		}
		// the requests that must change nothing, all operations between two fingerprints of every table (taking
		// one per operation cost most of the run); a change is then traced to its operation
		Map<String, String> before = fingerprint();
		for (Operation op : operations) {
			fuzzInvalid(admin, "admin", op);
			if (operationIndex++ % 4 == 0) {
				fuzzInvalid(staff, "staff", op);
			}
		}
		Map<String, String> after = fingerprint();
		if (!before.equals(after)) {
			System.out.println("tables changed during the invalid requests; tracing them operation by operation");
			traceStoredChanges(operations, admin, staff);
		}
		for (Operation op : operations) {
			fuzzMayStore(admin, op);
		}
		String report = report();
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/fuzz-report.txt"), report);
		assertThat(byOperation).as("operations fuzzed").hasSizeGreaterThan(50);
		assertThat(failures).as("failures (see target/fuzz-report.txt)").isEmpty();
	}

	// ---------------------------------------------------------------- the requests that must change nothing

	private void fuzzInvalid(Api.Client client, String who, Operation op) {
		// wrong ids in the path
		for (Param p : op.pathParams()) {
			for (String bad : BAD_IDS) {
				if (!p.isInteger() && !bad.equals("%00")) {
					continue;
				}
				String url = op.url(Map.of(p.name(), bad), Map.of());
				send(client, who, op, "bad-path-id", op.method(), url, op.hasBody() ? op.validBody().toString() : null,
						false);
			}
			if (p.isDate()) {
				for (String far : FAR_DATES) {
					send(client, who, op, "far-date-path", op.method(), op.url(Map.of(p.name(), far), Map.of()),
							op.hasBody() ? op.validBody().toString() : null, false);
				}
				send(client, who, op, "bad-date-path", op.method(), op.url(Map.of(p.name(), "2026-13-45"), Map.of()),
						op.hasBody() ? op.validBody().toString() : null, false);
			}
		}
		// bad query values (only values a binder must refuse)
		for (Param q : op.queryParams()) {
			List<String> bads = new ArrayList<>();
			if (q.isInteger()) {
				bads.addAll(List.of("abc", "1e1000000", DIGITS_400, "0x1"));
			}
			else if (q.isNumber()) {
				bads.addAll(List.of("abc", "1e1000000"));
			}
			else if (q.isDate()) {
				bads.addAll(FAR_DATES);
				bads.add("2026-02-30");
				bads.add("20260101");
			}
			else if (q.isEnum()) {
				bads.add("NOT_A_VALUE");
			}
			else if (q.isBoolean()) {
				bads.add("maybe");
			}
			for (String bad : bads) {
				String url = op.url(Map.of(), Map.of(q.name(), bad));
				send(client, who, op, "bad-query-" + q.kind(), op.method(), url,
						op.hasBody() ? op.validBody().toString() : null, false);
			}
		}
		if (!op.hasBody()) {
			return;
		}
		String url = op.url(Map.of(), Map.of());
		for (String bad : MALFORMED) {
			send(client, who, op, "malformed-json", op.method(), url, bad, false);
		}
		send(client, who, op, "wrong-root-type", op.method(), url, op.bodySchemaIsArray() ? "{}" : "[]", false);
		for (Map.Entry<String, JsonNode> field : op.bodyFields().entrySet()) {
			String name = field.getKey();
			JsonNode schema = field.getValue();
			String type = op.typeOf(schema);
			for (String wrong : wrongTypes(type)) {
				send(client, who, op, "wrong-type", op.method(), url, op.bodyWith(name, wrong), false);
			}
			if (type.equals("integer") || type.equals("number")) {
				send(client, who, op, "huge-exponent", op.method(), url, op.bodyWith(name, "1e1000000"), false);
				send(client, who, op, "huge-integer", op.method(), url, op.bodyWith(name, DIGITS_400), false);
				if (mustBePositive(name, op.resolve(schema))) {
					send(client, who, op, "negative", op.method(), url, op.bodyWith(name, "-1"), false);
				}
			}
			if (type.equals("string") && op.isDate(schema)) {
				for (String far : FAR_DATES) {
					send(client, who, op, "far-date", op.method(), url, op.bodyWith(name, quote(far)), false);
				}
			}
			if (type.equals("string") && op.isEnum(schema)) {
				send(client, who, op, "unknown-enum", op.method(), url, op.bodyWith(name, quote("NOT_A_VALUE")), false);
			}
			if (type.equals("string") && !op.isDate(schema) && !op.isEnum(schema)) {
				send(client, who, op, "huge-string", op.method(), url, op.bodyWith(name, quote(MB_STRING)), false);
			}
		}
	}

	private static List<String> wrongTypes(String type) {
		return switch (type) {
			case "integer", "number" -> List.of("\"abc\"", "{}", "[1]", "true");
			case "boolean" -> List.of("\"maybe\"", "{}", "[true]");
			case "array" -> List.of("7", "{\"a\":1}");
			case "object" -> List.of("7", "[\"x\"]");
			default -> List.of("{}", "[\"x\"]");
		};
	}

	private static boolean mustBePositive(String name, JsonNode schema) {
		if (schema.has("minimum") && schema.get("minimum").asDouble() > -1) {
			return true;
		}
		return POSITIVE_NAMES.matcher(name).matches();
	}

	// ---------------------------------------------------------------- valid but hostile text: may be stored

	private void fuzzMayStore(Api.Client admin, Operation op) {
		// injection strings in string path parameters and in the query string of reads
		for (Param p : op.pathParams()) {
			if (p.isString() && op.method().equals("GET")) {
				for (String injection : INJECTIONS) {
					send(admin, "admin", op, "injection-path", "GET", op.url(Map.of(p.name(), injection), Map.of()),
							null, true);
				}
			}
		}
		if (op.method().equals("GET")) {
			for (Param q : op.queryParams()) {
				if (q.isString()) {
					for (String injection : INJECTIONS) {
						send(admin, "admin", op, "injection-query", "GET", op.url(Map.of(), Map.of(q.name(), injection)),
								null, true);
					}
				}
			}
		}
		// injection strings in the text fields of a body sent to a resource that does not exist: parsing and
		// validation run, nothing can be changed
		if (op.hasBody() && !op.pathParams().isEmpty()) {
			String url = op.url(Map.of(), Map.of());
			for (Map.Entry<String, JsonNode> field : op.bodyFields().entrySet()) {
				JsonNode schema = field.getValue();
				if (op.typeOf(schema).equals("string") && !op.isDate(schema) && !op.isEnum(schema)) {
					String injection = INJECTIONS.get(random.nextInt(INJECTIONS.size()));
					send(admin, "admin", op, "injection-body", op.method(), url, op.bodyWith(field.getKey(),
							quote(injection)), true);
				}
			}
		}
	}

	// ---------------------------------------------------------------- sending and judging

	private void send(Api.Client client, String who, Operation op, String kind, String method, String url,
			String body, boolean mayStore) {
		byKind.merge(kind, 1, Integer::sum);
		byOperation.merge(op.method() + " " + op.path(), 1, Integer::sum);
		Api.Response response;
		try {
			response = client.send(method, url, body);
		}
		catch (AssertionError | IllegalArgumentException ex) {
			// the client itself refused the URL (e.g. a raw CR): nothing reached the server
			byKind.merge(kind + " (not sendable)", 1, Integer::sum);
			return;
		}
		int status = response.status();
		byStatus.merge(kind + " " + status, 1, Integer::sum);
		if (status >= 500) {
			fail(op, kind, who + " " + method + " " + url, status, excerpt(body) + " => " + excerpt(response.body()),
					url, response.contentType());
			return;
		}
		if (status >= 400 && url.startsWith("/api/v1")) {
			boolean problem = response.contentType().startsWith("application/problem+json");
			boolean statusMatches = false;
			if (problem) {
				try {
					statusMatches = response.json().path("status").asInt() == status;
				}
				catch (AssertionError ex) {
					statusMatches = false;
				}
			}
			if (!problem || !statusMatches) {
				fail(op, kind, who + " " + method + " " + url + " not problem+json with status", status,
						response.contentType() + " " + excerpt(response.body()), url, response.contentType());
			}
		}
		if (!mayStore && status >= 200 && status < 300 && !method.equals("GET")) {
			fail(op, kind, who + " " + method + " " + url + " accepted an invalid request", status, excerpt(body), url,
					response.contentType());
		}
	}

	private void fail(Operation op, String kind, String what, int status, String detail) {
		fail(op, kind, what, status, detail, "", "");
	}

	private void fail(Operation op, String kind, String what, int status, String detail, String url,
			String contentType) {
		String line = op.method() + " " + op.path() + " " + kind + " | " + what + " | " + status + " | " + detail;
		KnownOpen known = KNOWN_OPEN.stream()
			.filter(k -> k.matches().test(kind, url, status, contentType))
			.findFirst()
			.orElse(null);
		if (known == null && kind.equals("stored") && acceptedKnownOpen.contains(op.path())) {
			knownOpenSeen.add("[stored by an accepted known-open request] " + line);
		}
		else if (known != null) {
			knownOpenSeen.add("[" + known.name() + "] " + line);
			if (status < 300) {
				acceptedKnownOpen.add(op.path());
			}
		}
		else {
			failures.add(line);
		}
	}

	private static String excerpt(String text) {
		if (text == null) {
			return "(no body)";
		}
		String flat = text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
		return flat.length() > 160 ? flat.substring(0, 160) + "…(" + text.length() + " chars)" : flat;
	}

	private static String quote(String text) {
		try {
			return JSON.writeValueAsString(text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String report() {
		StringBuilder out = new StringBuilder("OpenAPI fuzz run (seed " + SEED + ")\n");
		int total = byKind.entrySet()
			.stream()
			.filter(e -> !e.getKey().endsWith("(not sendable)"))
			.mapToInt(Map.Entry::getValue)
			.sum();
		out.append("requests sent: ").append(total).append(" over ").append(byOperation.size())
			.append(" operations\n\nby kind:\n");
		byKind.forEach((k, v) -> out.append(String.format("  %-28s %6d%n", k, v)));
		out.append("\nanswers by kind and status:\n");
		byStatus.forEach((k, v) -> out.append(String.format("  %-32s %6d%n", k, v)));
		out.append("\nby operation:\n");
		byOperation.forEach((k, v) -> out.append(String.format("  %-70s %5d%n", k, v)));
		out.append("\nfailures: ").append(failures.size()).append('\n');
		failures.forEach(f -> out.append("  ").append(f).append('\n'));
		out.append("\nknown open (named in KNOWN_OPEN): ").append(knownOpenSeen.size())
			.append('\n');
		knownOpenSeen.forEach(f -> out.append("  ").append(f).append('\n'));
		return out.toString();
	}

	// ---------------------------------------------------------------- what is stored

	/** Every table of the application's schema and the engine's: row count and a hash of the rows. */
	/** Sends each operation's invalid requests again between fingerprints, to name the one that stored. */
	private void traceStoredChanges(List<Operation> operations, Api.Client admin, Api.Client staff) {
		int index = 0;
		for (Operation op : operations) {
			Map<String, String> before = fingerprint();
			fuzzInvalid(admin, "admin", op);
			if (index++ % 4 == 0) {
				fuzzInvalid(staff, "staff", op);
			}
			Map<String, String> after = fingerprint();
			for (String table : before.keySet()) {
				if (!before.get(table).equals(after.get(table))) {
					fail(op, "stored", "table " + table + " changed: " + before.get(table) + " -> " + after.get(table),
							-1, "");
				}
			}
		}
	}

	private Map<String, String> fingerprint() {
		List<String> tables = jdbc.sql("""
				select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
				where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
				order by 1""").query(String.class).list();
		StringBuilder sql = new StringBuilder();
		for (String table : tables) {
			if (UNSTABLE_TABLES.containsKey(table)) {
				continue;
			}
			sql.append(sql.isEmpty() ? "" : " union all ").append("select '").append(table)
				.append("' as name, count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '')")
				.append(" as print from ").append(table).append(" t");
		}
		Map<String, String> prints = new LinkedHashMap<>();
		jdbc.sql(sql.toString()).query((rs, n) -> prints.put(rs.getString(1), rs.getString(2))).list();
		return prints;
	}

	// ---------------------------------------------------------------- reading the description

	private record Param(String name, String in, JsonNode schema, boolean required) {

		String type() {
			return schema.path("type").asText("string");
		}

		boolean isInteger() {
			return type().equals("integer");
		}

		boolean isNumber() {
			return type().equals("number");
		}

		boolean isBoolean() {
			return type().equals("boolean");
		}

		boolean isDate() {
			return type().equals("string") && schema.path("format").asText().equals("date");
		}

		boolean isEnum() {
			return schema.has("enum");
		}

		boolean isString() {
			return type().equals("string") && !isDate() && !isEnum();
		}

		String kind() {
			return isDate() ? "date" : isEnum() ? "enum" : type();
		}
	}

	private final class Operation {

		private final String method;

		private final String path;

		private final JsonNode node;

		private final List<Param> params = new ArrayList<>();

		Operation(String method, String path, JsonNode node) {
			this.method = method;
			this.path = path;
			this.node = node;
			for (JsonNode p : node.path("parameters")) {
				JsonNode param = resolve(p);
				params.add(new Param(param.get("name").asText(), param.get("in").asText(),
						resolve(param.path("schema")), param.path("required").asBoolean()));
			}
		}

		String method() {
			return method;
		}

		String path() {
			return path;
		}

		List<Param> pathParams() {
			return params.stream().filter(p -> p.in().equals("path")).toList();
		}

		List<Param> queryParams() {
			return params.stream().filter(p -> p.in().equals("query")).toList();
		}

		boolean hasBody() {
			return node.has("requestBody") && bodySchema() != null;
		}

		JsonNode bodySchema() {
			JsonNode content = resolve(node.path("requestBody")).path("content");
			JsonNode json = content.path("application/json");
			if (json.isMissingNode()) {
				return null;
			}
			return resolve(json.path("schema"));
		}

		boolean bodySchemaIsArray() {
			return typeOf(bodySchema()).equals("array");
		}

		/** The fields of the body (of its items when the body is an array). */
		Map<String, JsonNode> bodyFields() {
			JsonNode schema = bodySchema();
			if (typeOf(schema).equals("array")) {
				schema = resolve(schema.path("items"));
			}
			Map<String, JsonNode> fields = new LinkedHashMap<>();
			schema.path("properties").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
			return fields;
		}

		JsonNode validBody() {
			return example(bodySchema(), 0);
		}

		/** A valid-looking body with one field's value replaced by raw JSON text. */
		String bodyWith(String field, String rawValue) {
			JsonNode body = validBody();
			ObjectNode target = (ObjectNode) (body.isArray() ? body.get(0) : body);
			String marker = "__FUZZ_" + Math.abs(field.hashCode()) + "__";
			target.put(field, marker);
			return body.toString().replace(quote(marker), rawValue);
		}

		String url(Map<String, String> pathValues, Map<String, String> queryValues) {
			String url = path;
			for (Param p : pathParams()) {
				String value = pathValues.containsKey(p.name()) ? encodePath(pathValues.get(p.name()))
						: sample(p);
				url = url.replace("{" + p.name() + "}", value);
			}
			StringBuilder query = new StringBuilder();
			for (Param q : queryParams()) {
				String value = queryValues.get(q.name());
				if (value == null && q.required()) {
					value = sample(q);
				}
				if (value != null) {
					query.append(query.isEmpty() ? "?" : "&").append(q.name()).append('=')
						.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
				}
			}
			return url + query;
		}

		private String encodePath(String value) {
			if (value.equals("%00")) {
				return value;
			}
			return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
		}

		private String sample(Param p) {
			if (p.isInteger() || p.isNumber()) {
				return MISSING_ID;
			}
			if (p.isDate()) {
				return "2026-01-05";
			}
			if (p.isEnum()) {
				return p.schema().get("enum").get(0).asText();
			}
			if (p.isBoolean()) {
				return "false";
			}
			return "fuzz-missing";
		}

		JsonNode resolve(JsonNode node) {
			JsonNode current = node;
			int hops = 0;
			while (current.has("$ref") && hops++ < 10) {
				String ref = current.get("$ref").asText();
				current = spec.at(ref.substring(1));
			}
			if (current.has("allOf") && current.get("allOf").size() == 1) {
				return resolve(current.get("allOf").get(0));
			}
			return current;
		}

		String typeOf(JsonNode schema) {
			JsonNode resolved = resolve(schema);
			if (resolved.has("type")) {
				return resolved.get("type").asText();
			}
			if (resolved.has("properties")) {
				return "object";
			}
			return "string";
		}

		boolean isDate(JsonNode schema) {
			String format = resolve(schema).path("format").asText();
			return format.equals("date") || format.equals("date-time");
		}

		boolean isEnum(JsonNode schema) {
			return resolve(schema).has("enum");
		}

		private JsonNode example(JsonNode schema, int depth) {
			JsonNode s = resolve(schema);
			switch (typeOf(s)) {
				case "object" -> {
					ObjectNode object = NODES.objectNode();
					if (depth < 4) {
						s.path("properties").fields().forEachRemaining(e -> object.set(e.getKey(),
								example(e.getValue(), depth + 1)));
					}
					return object;
				}
				case "array" -> {
					var array = NODES.arrayNode();
					if (depth < 4) {
						array.add(example(s.path("items"), depth + 1));
					}
					return array;
				}
				case "integer" -> {
					return NODES.numberNode(1);
				}
				case "number" -> {
					return NODES.numberNode(1);
				}
				case "boolean" -> {
					return NODES.booleanNode(false);
				}
				default -> {
					if (s.has("enum")) {
						return s.get("enum").get(0);
					}
					String format = s.path("format").asText();
					return NODES.textNode(switch (format) {
						case "date" -> "2026-01-05";
						case "date-time" -> "2026-01-05T10:00:00Z";
						case "email" -> "fuzz@example.com";
						default -> "fuzz";
					});
				}
			}
		}
	}
}
