package com.nexustime.workflow;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every diagram in processes/ is one that Modeler and Cockpit draw as its owner drew it: named elements,
 * a shape for every node and an edge for every flow, explicit start and end events, nothing dangling, and
 * a history time to live.
 */
class ProcessDiagramsTest {

	@TestFactory
	Stream<DynamicTest> everyDiagramIsNamedLaidOutAndConnected() throws Exception {
		List<Path> diagrams;
		try (Stream<Path> files = Files.walk(Path.of("processes"))) {
			diagrams = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
		}
		assertThat(diagrams).isNotEmpty();
		return diagrams.stream().map(path -> DynamicTest.dynamicTest(path.toString(), () -> check(path.toFile())));
	}

	private static void check(File file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file);
		Bpmn.validateModel(model);

		Collection<Process> processes = model.getModelElementsByType(Process.class);
		assertThat(processes).isNotEmpty();
		for (Process process : processes) {
			assertThat(process.getName()).as("name of process %s", process.getId()).isNotBlank();
			if (process.isExecutable()) {
				assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", process.getId())
					.isNotBlank();
			}
		}

		Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
		Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
			.map(BpmnShape::getBpmnElement).filter(e -> e != null).map(BaseElement::getId).collect(Collectors.toSet());
		for (FlowNode node : nodes) {
			assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
			assertThat(shapes).as("shapes").contains(node.getId());
			if (!(node instanceof StartEvent) && !(node instanceof BoundaryEvent)) {
				assertThat(node.getIncoming()).as("incoming flows of %s", node.getId()).isNotEmpty();
			}
			if (!(node instanceof EndEvent)) {
				assertThat(node.getOutgoing()).as("outgoing flows of %s", node.getId()).isNotEmpty();
			}
		}
		assertThat(model.getModelElementsByType(StartEvent.class)).as("start events").isNotEmpty();
		assertThat(model.getModelElementsByType(EndEvent.class)).as("end events").isNotEmpty();

		for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
			assertThat(edge.getWaypoints()).as("waypoints of %s", edge.getId()).hasSizeGreaterThanOrEqualTo(2);
		}
		Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
			.map(BpmnEdge::getBpmnElement).filter(e -> e != null).map(BaseElement::getId).collect(Collectors.toSet());
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			assertThat(edges).as("edges").contains(flow.getId());
		}
	}
}
