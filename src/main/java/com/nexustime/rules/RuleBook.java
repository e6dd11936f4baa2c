package com.nexustime.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieContainerSessionsPool;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nexustime.workflow.DataFolder;
import com.nexustime.workflow.DataFolder.DataFile;

/**
 * Every {@code .drl} file of the rules folder compiled into one KieBase. Built once at start-up, where a
 * file that does not compile stops the application; rebuilt on {@link #reload()}, where a file that does
 * not compile leaves the rules in effect untouched. Each evaluation runs in a session of its own, taken from a
 * pool that belongs to the compilation and reset when the evaluation ends (creating a session per decision cost
 * more than the decision and serialised concurrent callers on a lock inside Drools).
 */
@Component
public class RuleBook {

	private static final Logger log = LoggerFactory.getLogger(RuleBook.class);

	private static final String SOURCE_ROOT = "src/main/resources/";

	private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

	private static final AtomicLong BUILDS = new AtomicLong();

	/** Sessions kept ready per compilation; the pool grows beyond this when more evaluations run at once. */
	private static final int POOLED_SESSIONS = 4;

	/**
	 * Compiled rules, their session pool and the load that produced them (no KieBase when it failed); swapped
	 * as one reference, so an evaluation uses one compilation from start to end. A replaced pool is never shut
	 * down (that would dispose the sessions of evaluations still running on it): it goes with its compilation.
	 */
	private record Compilation(KieBase kieBase, KieContainerSessionsPool sessions, RuleLoad load,
			List<DataFile> sources) {
	}

	private final DataFolder folder;

	private final Clock clock;

	private volatile Compilation inEffect;

	private volatile RuleLoad lastLoad;

	@Autowired
	public RuleBook(@Value("${nexus.rules-path:rules}") String path) {
		this(DataFolder.of(path, "rules"), Clock.systemUTC());
	}

	public RuleBook(DataFolder folder, Clock clock) {
		this.folder = folder;
		this.clock = clock;
		Compilation first = compile(files());
		if (!first.load().ok()) {
			throw new RuleBuildException(folder.location(), first.load().errors());
		}
		this.inEffect = first;
		this.lastLoad = first.load();
		log.info("Rules loaded from {}: {}", folder.location(), first.load().files());
	}

	/**
	 * Compiles the rule files again. On success the new rules replace the old ones for every evaluation that
	 * starts afterwards; on failure the old rules stay and the returned load lists the errors.
	 */
	public synchronized RuleLoad reload() {
		return take(compile(files()));
	}

	private RuleLoad take(Compilation next) {
		lastLoad = next.load();
		if (next.load().ok()) {
			inEffect = next;
			log.info("Rules reloaded from {}: {}", folder.location(), next.load().files());
		}
		else {
			log.warn("Rules not reloaded, the previous rules stay in effect: {}", next.load().errors());
		}
		return next.load();
	}

	/** The most recent load attempt, successful or not. */
	public RuleLoad lastLoad() {
		return lastLoad;
	}

	/** The load whose rules are in effect now. */
	public RuleLoad inEffect() {
		return inEffect.load();
	}

	/** The rule files as they are in the folder now (they may differ from the rules in effect). */
	public List<DataFile> files() {
		return folder.files(".drl");
	}

	public String location() {
		return folder.location();
	}

	/**
	 * Runs {@code evaluation} in a session of the rules in effect, empty when it starts (no facts, no globals
	 * from an earlier evaluation), and gives the session back to its pool after, reset.
	 */
	public <T> T evaluate(Function<KieSession, T> evaluation) {
		Compilation trial = TRIAL.get();
		KieSession session = (trial != null ? trial : inEffect).sessions().newKieSession();
		try {
			return evaluation.apply(session);
		}
		catch (ConsequenceException ex) {
			throw new RuleFailedException(ex.getRule() == null ? "unknown" : ex.getRule().getName(), ex);
		}
		catch (RuntimeException ex) {
			if (thrownByTheEngine(ex)) {
				throw new RuleFailedException("a condition of the rules", ex);
			}
			throw ex;
		}
		finally {
			session.dispose();
		}
	}

	/** A failure inside Drools (a condition that threw), as opposed to the application's own exceptions. */
	private static boolean thrownByTheEngine(RuntimeException ex) {
		if (ex instanceof RuleFailedException) {
			return false;
		}
		String type = ex.getClass().getName();
		return type.startsWith("org.drools.") || type.startsWith("org.kie.") || type.startsWith("org.mvel2.");
	}

	/** The compilation evaluations on this thread use while a reload tries the new rules before taking them. */
	private static final ThreadLocal<Compilation> TRIAL = new ThreadLocal<>();

	/**
	 * Compiles the rule files again and, when they compile, runs {@code trial} against the new rules on this thread
	 * before anyone else sees them: a rule that fails on the trial's sample questions keeps the previous rules in
	 * effect, and the returned load names it as an error. Otherwise the new rules replace the old ones for every
	 * evaluation that starts afterwards.
	 */
	public synchronized RuleLoad reload(Runnable trial) {
		return reload(files(), trial);
	}

	/**
	 * {@link #reload(Runnable)} with the given rule texts instead of the folder's: those of a release another node
	 * made ({@link RuleReleases}).
	 */
	synchronized RuleLoad reload(List<DataFile> sources, Runnable trial) {
		Compilation next = compile(sources);
		if (next.load().ok()) {
			TRIAL.set(next);
			try {
				trial.run();
			}
			catch (RuleFailedException ex) {
				RuleLoad refused = new RuleLoad(next.load().loadedAt(), next.load().files(), false,
						List.of(new RuleLoad.RuleError("(" + ex.rule() + ")", 0, ex.getMessage())));
				lastLoad = refused;
				log.warn("Rules not reloaded, they failed on sample questions; the previous rules stay in effect: {}",
						ex.getMessage());
				return refused;
			}
			finally {
				TRIAL.remove();
			}
		}
		return take(next);
	}

	/** The rule texts the rules in effect were compiled from. */
	List<DataFile> sourcesInEffect() {
		return inEffect.sources();
	}

	private Compilation compile(List<DataFile> files) {
		Instant at = clock.instant();
		List<String> names = files.stream().map(DataFile::name).toList();
		KieServices kie = KieServices.get();
		// a release id of its own per build, so that builds never replace each other in Kie's shared repository
		ReleaseId releaseId = kie.newReleaseId("com.nexustime", "rules", "1." + BUILDS.incrementAndGet());
		KieFileSystem sources = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
		Map<String, String> fileBySourcePath = new HashMap<>();
		for (DataFile file : files) {
			String sourcePath = sourcePath(file, fileBySourcePath.size());
			fileBySourcePath.put(sourcePath, file.name());
			sources.write(kie.getResources().newByteArrayResource(file.content())
				.setSourcePath(SOURCE_ROOT + sourcePath)
				.setResourceType(ResourceType.DRL));
		}
		ClassLoader classLoader = RuleBook.class.getClassLoader();
		KieBuilder builder = kie.newKieBuilder(sources, classLoader).buildAll();
		List<RuleLoad.RuleError> errors = withoutEchoes(builder.getResults().getMessages(Message.Level.ERROR).stream()
			.map(message -> toError(message, fileBySourcePath))
			.toList());
		if (!errors.isEmpty()) {
			kie.getRepository().removeKieModule(releaseId);
			return new Compilation(null, null, new RuleLoad(at, names, false, errors), files);
		}
		KieContainer container = kie.newKieContainer(releaseId, classLoader);
		KieBase kieBase = container.getKieBase();
		KieContainerSessionsPool sessions = container.newKieSessionsPool(POOLED_SESSIONS);
		kie.getRepository().removeKieModule(releaseId);
		return new Compilation(kieBase, sessions, new RuleLoad(at, names, true, List.of()), List.copyOf(files));
	}

	/**
	 * Where the file goes in the KieFileSystem: in the folder of its DRL package, as Drools expects (it warns
	 * otherwise), and numbered so that two files of the same name in different folders stay apart.
	 */
	private static String sourcePath(DataFile file, int index) {
		Matcher declared = PACKAGE.matcher(file.text());
		String folder = declared.find() ? declared.group(1).replace('.', '/') + "/" : "";
		String simpleName = file.name().substring(file.name().lastIndexOf('/') + 1);
		return folder + index + "-" + simpleName;
	}

	private static RuleLoad.RuleError toError(Message message, Map<String, String> fileBySourcePath) {
		String path = message.getPath() == null ? "" : message.getPath();
		// Drools names the file relative to src/main/resources
		String relative = path.startsWith(SOURCE_ROOT) ? path.substring(SOURCE_ROOT.length()) : path;
		String file = fileBySourcePath.getOrDefault(relative, relative);
		return new RuleLoad.RuleError(file, Math.max(message.getLine(), 0), message.getText().strip());
	}

	/** Drops the parser's "null Package" echo for a file whose real syntax error is already listed. */
	private static List<RuleLoad.RuleError> withoutEchoes(List<RuleLoad.RuleError> errors) {
		return errors.stream()
			.filter(e -> !(e.message().startsWith("Parser returned a null Package")
					&& errors.stream().anyMatch(other -> other != e && other.file().equals(e.file()))))
			.toList();
	}
}
