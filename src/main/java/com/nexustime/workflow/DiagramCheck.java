package com.nexustime.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.parsers.SAXParserFactory;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.util.xml.Parser;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;

/**
 * Refuses a diagram that would run code chosen by whoever deployed it. The engine runs this check (as a
 * deployer before its own, and again as a parse listener) for every BPMN resource of every deployment — the processes folder, Camunda Modeler through
 * {@code /engine-rest/deployment/create}, or {@code RepositoryService} — before anything is stored, so a
 * refusal rolls the whole deployment back. The engine reports it as a parse error naming the element, which
 * {@code /engine-rest} answers with 400.
 */
final class DiagramCheck extends AbstractBpmnParseListener {

	/** A refused construct: the element it belongs to (the nearest one with an id) and why. */
	record Refusal(String elementId, String reason) {

		@Override
		public String toString() {
			return "element '" + elementId + "': " + reason;
		}
	}

	private static final Set<String> CAMUNDA = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");

	/** Texts the engine never evaluates. */
	private static final Set<String> PROSE = Set.of("documentation", "text");

	private final ExpressionCheck expressions;

	DiagramCheck(ProcessBeans beans) {
		this.expressions = new ExpressionCheck(beans);
	}

	@Override
	public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
		List<Refusal> refusals = new ArrayList<>();
		List<Element> owners = new ArrayList<>();
		walk(rootElement, rootElement, refusals, owners);
		if (!refusals.isEmpty()) {
			throw new BpmnParseException("Diagram refused: " + refusals.stream().map(Refusal::toString)
				.collect(Collectors.joining("; ")), owners.get(0));
		}
	}

	/**
	 * Runs before the engine's own deployers, so that nothing of a refused diagram is even compiled (the engine
	 * resolves functions such as {@code T(...)} while it parses): reads every BPMN resource with the engine's
	 * XML parser and refuses the deployment naming every refused element; refuses decision and case models,
	 * whose expressions this check does not read.
	 */
	Deployer beforeEngine() {
		return deployment -> {
			if (!deployment.isNew()) {
				return; // read back into the cache, checked when it was deployed
			}
			deployment.getResources().forEach((name, resource) -> checkResource(name, resource.getBytes()));
		};
	}

	void checkResource(String name, byte[] bytes) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (REFUSED_SUFFIXES.stream().anyMatch(lower::endsWith)) {
			String reason = "decision and case models are not accepted here; deploy BPMN diagrams only";
			throw new ParseException("Resource refused: " + name + ": " + reason, name,
					List.of(new ProblemImpl(reason, null)), List.of());
		}
		if (!lower.endsWith(".bpmn") && !lower.endsWith(".bpmn20.xml")) {
			// anything else would be stored and served back from the engine API on the app's own origin
			String reason = "only BPMN diagrams (.bpmn) are accepted here";
			throw new ParseException("Resource refused: " + name + ": " + reason, name,
					List.of(new ProblemImpl(reason, null)), List.of());
		}
		Parse parse = XML.createParse().name(name).sourceInputStream(new ByteArrayInputStream(bytes)).execute();
		if (parse.getRootElement() == null || parse.hasErrors()) {
			return; // not well-formed: the engine's parser reports it
		}
		List<Refusal> refusals = new ArrayList<>();
		List<Element> owners = new ArrayList<>();
		walk(parse.getRootElement(), parse.getRootElement(), refusals, owners);
		if (refusals.isEmpty()) {
			return;
		}
		List<Problem> problems = new ArrayList<>();
		for (int i = 0; i < refusals.size(); i++) {
			problems.add(new ProblemImpl(refusals.get(i).toString(), owners.get(i)));
		}
		throw new ParseException("Diagram refused: " + name + ": " + refusals.stream().map(Refusal::toString)
			.collect(Collectors.joining("; ")), name, problems, List.of());
	}

	/** The engine's plain XML reader, without BPMN semantics: elements and attributes with their lines. */
	private static final Parser XML = new Parser() {

		@Override
		public Parse createParse() {
			return new Parse(this) {
			};
		}

		@Override
		protected SAXParserFactory getSaxParserFactoryLazily() {
			// a factory of our own: the engine's per-thread one is namespace-aware only once it parsed BPMN
			SAXParserFactory factory = SAXParserFactory.newInstance();
			factory.setNamespaceAware(true);
			return factory;
		}
	};

	private static final List<String> REFUSED_SUFFIXES = List.of(".dmn", ".dmn11.xml", ".cmmn", ".cmmn10.xml",
			".cmmn11.xml");

	/** Every refusal of a diagram, for tests and the README; empty when the diagram may be deployed. */
	List<Refusal> check(Element root) {
		List<Refusal> refusals = new ArrayList<>();
		walk(root, root, refusals, new ArrayList<>());
		return refusals;
	}

	private void walk(Element element, Element owner, List<Refusal> refusals, List<Element> owners) {
		Element current = element.attribute("id") != null ? element : owner;
		String id = current.attribute("id") == null ? element.getTagName() : current.attribute("id");
		elementRefusal(element).ifPresent(reason -> add(refusals, owners, current, id, reason));
		boolean camundaElement = CAMUNDA.contains(element.getUri());
		for (String key : element.attributes()) {
			attributeRefusal(key, element.attribute(key), camundaElement).ifPresent(reason -> add(refusals, owners, current, id, reason));
		}
		if (!PROSE.contains(element.getTagName()) && isExpression(element.getText())) {
			expressions.expression(element.getText().trim())
				.ifPresent(reason -> add(refusals, owners, current, id, reason));
		}
		for (Element child : element.elements()) {
			walk(child, current, refusals, owners);
		}
	}

	private static void add(List<Refusal> refusals, List<Element> owners, Element owner, String id, String reason) {
		refusals.add(new Refusal(id, reason));
		owners.add(owner);
	}

	private static Optional<String> elementRefusal(Element element) {
		String tag = element.getTagName();
		boolean camunda = CAMUNDA.contains(element.getUri());
		if ("scriptTask".equals(tag)) {
			return Optional.of("script tasks run code on the server; use a service task with a delegate");
		}
		if ("script".equals(tag)) {
			return Optional.of((camunda ? "camunda:script" : "a script") + " runs code on the server; use a delegate");
		}
		if (camunda && "connector".equals(tag)) {
			return Optional.of("camunda:connector calls other systems from the engine; use a delegate");
		}
		if (camunda && "constraint".equals(tag) && "validator".equals(element.attribute("name"))) {
			return Optional.of("a custom form field validator runs a class chosen by the diagram");
		}
		return Optional.empty();
	}

	private Optional<String> attributeRefusal(String key, String value, boolean camundaElement) {
		int colon = key.lastIndexOf(':');
		String uri = colon < 0 ? "" : key.substring(0, colon);
		String name = colon < 0 ? key : key.substring(colon + 1);
		// camunda:class on a BPMN element, or class on a camunda: element such as a listener
		boolean camunda = CAMUNDA.contains(uri) || (uri.isEmpty() && camundaElement);
		if (camunda && (name.equals("class") || name.endsWith("Class"))) {
			return Optional.of("camunda:" + name + " runs a Java class chosen by the diagram; use "
					+ "camunda:delegateExpression=\"${beanName}\" with one of the application's delegates");
		}
		if (camunda && (name.equals("resource") || name.equals("scriptFormat"))) {
			return Optional.of("camunda:" + name + " loads a script; scripts are not allowed");
		}
		if (name.equals("language") && (uri.isEmpty() || camunda)) {
			return Optional.of("a condition or script in the language '" + value + "' runs code on the server; "
					+ "write the condition as an expression over process variables");
		}
		if (camunda && name.endsWith("elegateExpression")) {
			return expressions.delegate(value);
		}
		if (isExpression(value)) {
			return expressions.expression(value);
		}
		return Optional.empty();
	}

	private static boolean isExpression(String text) {
		return text != null && (text.contains("${") || text.contains("#{"));
	}
}
