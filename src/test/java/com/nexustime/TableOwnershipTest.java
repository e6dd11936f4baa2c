package com.nexustime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Only the module that owns a table writes it, and a table its owner keeps private is read only by its owner.
 * The owners are the table "Which module owns which table" in docs/architecture.md, the one place they are
 * written down; this test reads it, reads every SQL string (literals and text blocks, joined where the code
 * concatenates them) in each module's main sources, and reports each statement that breaks it.
 */
class TableOwnershipTest {

	private static final Path SOURCES = Path.of("src", "main", "java", "com", "nexustime");

	private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

	private static final Path OWNERS = Path.of("docs", "architecture.md");

	private static final String OWNERS_HEADING = "## Which module owns which table";

	/** Who may touch a table besides its owner: {@code readers} null means anyone may read it. */
	record Ownership(String owner, Set<String> readers, boolean seededAtFirstStart) {

		boolean mayRead(String module) {
			return module.equals(owner) || readers == null || readers.contains(module);
		}

		boolean mayWrite(String module, String verb) {
			return module.equals(owner) || (seededAtFirstStart && module.equals("bootstrap") && !verb.equals("delete")
					&& !verb.equals("lock"));
		}
	}

	/** One SQL statement that touches a table: {@code verb} is insert, update, delete, lock (for update) or read. */
	record Access(String module, String file, int line, String verb, String table) {

		@Override
		public String toString() {
			return module + "/" + file + ":" + line + " " + verb + " " + table;
		}
	}

	@Test
	void everyTableHasExactlyOneOwner() {
		Map<String, Ownership> owners = owners();
		assertThat(owners).as("owners read from %s", OWNERS).isNotEmpty();
		assertThat(owners.keySet()).as("tables the migrations create, each with a row in %s", OWNERS)
			.containsExactlyInAnyOrderElementsOf(migratedTables());
		Set<String> modules = modules();
		owners.forEach((table, ownership) -> assertThat(modules).as("owner of %s", table).contains(ownership.owner()));
	}

	@Test
	void onlyTheOwningModuleWritesATable() {
		Map<String, Ownership> owners = owners();
		List<Access> foreignWrites = accesses(owners.keySet()).stream()
			.filter(a -> !a.verb().equals("read"))
			.filter(a -> !owners.get(a.table()).mayWrite(a.module(), a.verb()))
			.toList();
		assertThat(foreignWrites).as("writes (and row locks) on a table another module owns").isEmpty();
	}

	@Test
	void aPrivateTableIsReadOnlyByItsOwner() {
		Map<String, Ownership> owners = owners();
		List<Access> foreignReads = accesses(owners.keySet()).stream()
			.filter(a -> a.verb().equals("read"))
			.filter(a -> !owners.get(a.table()).mayRead(a.module()))
			.toList();
		assertThat(foreignReads).as("reads of a table its owner keeps private (ask the owner's API)").isEmpty();
	}

	@Test
	void theScannerFindsWritesLocksAndReadsInLiteralsTextBlocksAndConcatenations() {
		String source = """
				class Sample {
					// update invoice set status = 'x' (a comment, not SQL)
					void a() {
						jdbc.sql(\"""
								update time_entry set status = 'BILLED'
								 where id = any(?)\""").update();
						jdbc.sql("select id from client_approval a " + "where a.id = ? for update of a");
						jdbc.sql("insert into " + "invoice_line (x) values (?)");
						jdbc.sql(\"""
								select e.id from time_entry e join timesheet_week w on w.user_id = e.user_id
								 order by e.id\""" + (lock ? " for update of e" : ""));
						jdbc.sql("delete from mail_outbox where id = ?");
						jdbc.sql("insert into invoice_counter (year, last) values (?, 1) on conflict (year) do update set last = 1");
					}
				}
				""";
		Set<String> tables = Set.of("time_entry", "client_approval", "invoice", "invoice_line", "timesheet_week",
				"mail_outbox", "invoice_counter");
		assertThat(scan("billing", "Sample.java", source, tables)).extracting(a -> a.verb() + " " + a.table())
			.containsExactlyInAnyOrder("update time_entry", "lock client_approval",
					"read client_approval", "insert invoice_line", "read time_entry", "read timesheet_week",
					"lock time_entry", "delete mail_outbox", "read mail_outbox", "insert invoice_counter");
	}

	// the owners, as docs/architecture.md lists them

	static Map<String, Ownership> owners() {
		List<String> lines = read(OWNERS).lines().toList();
		int start = lines.indexOf(OWNERS_HEADING);
		assertThat(start).as("heading '%s' in %s", OWNERS_HEADING, OWNERS).isNotNegative();
		Pattern row = Pattern.compile("^\\|\\s*`(\\w+)`\\s*\\|\\s*`(\\w+)`\\s*\\|([^|]*)\\|([^|]*)\\|");
		Map<String, Ownership> owners = new LinkedHashMap<>();
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("## ")) {
				break;
			}
			Matcher m = row.matcher(line);
			if (m.find()) {
				String readers = m.group(3).trim();
				Set<String> allowed = readers.startsWith("anyone") ? null
						: Pattern.compile("`(\\w+)`").matcher(readers.replaceFirst("(?s)\\bask\\b.*", ""))
							.results().map(r -> r.group(1)).collect(Collectors.toCollection(TreeSet::new));
				Ownership previous = owners.put(m.group(1),
						new Ownership(m.group(2), allowed, m.group(4).contains("`bootstrap`")));
				assertThat(previous).as("a second owner row for %s", m.group(1)).isNull();
			}
		}
		return owners;
	}

	private static Set<String> migratedTables() {
		Pattern create = Pattern.compile("create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)",
				Pattern.CASE_INSENSITIVE);
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			return files.filter(f -> f.toString().endsWith(".sql"))
				.flatMap(f -> create.matcher(read(f)).results().map(r -> r.group(1).toLowerCase(Locale.ROOT)))
				.collect(Collectors.toCollection(TreeSet::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<String> modules() {
		try (Stream<Path> dirs = Files.list(SOURCES)) {
			return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
				.collect(Collectors.toCollection(TreeSet::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// the SQL each module's sources send

	static List<Access> accesses(Set<String> tables) {
		List<Access> all = new ArrayList<>();
		for (String module : modules()) {
			try (Stream<Path> files = Files.walk(SOURCES.resolve(module))) {
				files.filter(f -> f.toString().endsWith(".java"))
					.forEach(f -> all.addAll(scan(module, f.getFileName().toString(), read(f), tables)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return all;
	}

	private static final Pattern INSERT = Pattern.compile("\\binsert\\s+into\\s+(\\w+)");

	private static final Pattern UPDATE = Pattern.compile("(?<!\\bdo\\s)\\bupdate\\s+(\\w+)\\s+(?:as\\s+)?(?:\\w+\\s+)?set\\b");

	private static final Pattern DELETE = Pattern.compile("\\bdelete\\s+from\\s+(\\w+)");

	private static final Pattern TRUNCATE = Pattern.compile("\\btruncate\\s+(?:table\\s+)?(\\w+)");

	private static final Pattern READ = Pattern.compile("\\b(?:from|join)\\s+(\\w+)(?:\\s+(?:as\\s+)?(\\w+))?");

	private static final Pattern LOCK = Pattern.compile("\\bfor\\s+(?:no\\s+key\\s+)?update\\b(?:\\s+of\\s+([\\w\\s,]+))?");

	private static final Set<String> NOT_ALIASES = Set.of("where", "join", "left", "right", "inner", "cross", "on",
			"order", "group", "limit", "for", "using", "returning", "set", "and", "union", "having", "window");

	static List<Access> scan(String module, String file, String source, Set<String> tables) {
		List<Access> found = new ArrayList<>();
		for (Literal literal : literals(source)) {
			String sql = literal.text().toLowerCase(Locale.ROOT);
			add(found, module, file, literal.line(), "insert", INSERT.matcher(sql), tables);
			add(found, module, file, literal.line(), "update", UPDATE.matcher(sql), tables);
			add(found, module, file, literal.line(), "delete", DELETE.matcher(sql), tables);
			add(found, module, file, literal.line(), "delete", TRUNCATE.matcher(sql), tables);
			Map<String, String> aliases = new HashMap<>();
			String firstRead = null;
			Matcher read = READ.matcher(sql);
			while (read.find()) {
				String table = read.group(1);
				if (!tables.contains(table)) {
					continue;
				}
				firstRead = firstRead == null ? table : firstRead;
				aliases.put(table, table);
				if (read.group(2) != null && !NOT_ALIASES.contains(read.group(2))) {
					aliases.put(read.group(2), table);
				}
				found.add(new Access(module, file, literal.line(), "read", table));
			}
			Matcher lock = LOCK.matcher(sql);
			while (lock.find()) {
				if (lock.group(1) == null) {
					if (firstRead != null) {
						found.add(new Access(module, file, literal.line(), "lock", firstRead));
					}
					continue;
				}
				for (String alias : lock.group(1).split("[\\s,]+")) {
					String table = aliases.get(alias);
					if (table != null) {
						found.add(new Access(module, file, literal.line(), "lock", table));
					}
				}
			}
		}
		return found;
	}

	private static void add(List<Access> found, String module, String file, int line, String verb, Matcher m,
			Set<String> tables) {
		while (m.find()) {
			if (tables.contains(m.group(1))) {
				found.add(new Access(module, file, line, verb, m.group(1)));
			}
		}
	}

	/** A string as the code builds it: one literal or text block, or several joined by {@code +}. */
	record Literal(String text, int line) {
	}

	/**
	 * The string literals and text blocks of a Java source, comments skipped. Literals joined by {@code +} (with
	 * names, calls or a conditional between them, as in {@code "select " + COLUMNS + " from t"}) come as one.
	 */
	static List<Literal> literals(String source) {
		List<Literal> literals = new ArrayList<>();
		StringBuilder current = null;
		int currentLine = 0;
		int afterLast = -1;
		int line = 1;
		int i = 0;
		while (i < source.length()) {
			char c = source.charAt(i);
			if (c == '\n') {
				line++;
				i++;
			}
			else if (source.startsWith("//", i)) {
				i = source.indexOf('\n', i);
				i = i < 0 ? source.length() : i;
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				end = end < 0 ? source.length() : end + 2;
				line += count(source.substring(i, end), '\n');
				i = end;
			}
			else if (c == '\'') {
				i = source.charAt(i + 1) == '\\' ? source.indexOf('\'', i + 3) + 1 : i + 3;
			}
			else if (c == '"') {
				boolean block = source.startsWith("\"\"\"", i);
				int start = block ? i + 3 : i + 1;
				int end = start;
				while (block ? !source.startsWith("\"\"\"", end) || source.charAt(end - 1) == '\\'
						: source.charAt(end) != '"') {
					end += source.charAt(end) == '\\' ? 2 : 1;
				}
				String text = source.substring(start, end);
				boolean joined = current != null && afterLast >= 0
						&& source.substring(afterLast, i).matches("[\\s+\\w.()?:]*\\+[\\s+\\w.()?:]*");
				if (joined) {
					current.append(text);
				}
				else {
					if (current != null) {
						literals.add(new Literal(current.toString(), currentLine));
					}
					current = new StringBuilder(text);
					currentLine = line;
				}
				line += count(text, '\n');
				i = end + (block ? 3 : 1);
				afterLast = i;
			}
			else {
				i++;
			}
		}
		if (current != null) {
			literals.add(new Literal(current.toString(), currentLine));
		}
		return literals;
	}

	private static int count(String text, char c) {
		return (int) text.chars().filter(x -> x == c).count();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
