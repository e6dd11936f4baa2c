package com.nexustime.workflow;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-drawn diagram: one mark per shape of the layout, the instance's states on the right elements. */
class ProcessDiagramTest {

	@Test
	void drawsEveryShapeOfTheLayoutAndMarksDoneCurrentAndFailedSteps() throws Exception {
		BpmnModelInstance model = Bpmn.readModelFromStream(Files.newInputStream(Path.of("processes/client-approval.bpmn")));
		int shapes = model.getModelElementsByType(BpmnShape.class).size();

		String svg = ProcessDiagram.render(model, Set.of("ApprovalCreated", "SendToClient", "StillWaiting"),
				Set.of("WaitForDecision"), Set.of(), Set.of("ApprovalCreated", "SendToClient", "StillWaiting", "WaitForDecision"));

		Document doc = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		NodeList groups = doc.getElementsByTagName("g");
		assertThat(groups.getLength()).isEqualTo(shapes);
		assertThat(classOf(groups, "WaitForDecision")).isEqualTo("task current");
		assertThat(classOf(groups, "SendToClient")).isEqualTo("task done");
		assertThat(classOf(groups, "StillWaiting")).isEqualTo("gateway done");
		assertThat(classOf(groups, "ConvertToInvoice")).isEqualTo("task");
		NodeList flows = doc.getElementsByTagName("polyline");
		assertThat(flowClass(flows, "Flow_Send_Wait")).isEqualTo("flow taken");
		assertThat(flowClass(flows, "Flow_Approved")).isEqualTo("flow");
		assertThat(svg).contains(">client's decision</text>");
	}

	@Test
	void aStuckStepIsMarkedFailedOverCurrent() throws Exception {
		BpmnModelInstance model = Bpmn.readModelFromStream(Files.newInputStream(Path.of("processes/client-approval.bpmn")));
		String svg = ProcessDiagram.render(model, Set.of("ApprovalCreated"), Set.of("SendToClient"),
				Set.of("SendToClient"), Set.of("ApprovalCreated"));
		assertThat(svg).contains("class=\"task failed\" data-element-id=\"SendToClient\"");
	}

	@Test
	void longNamesWrapAtWordBoundaries() {
		assertThat(ProcessDiagram.wrap("Secure additional purchase order funds", 14))
			.containsExactly("Secure", "additional", "purchase order", "funds");
	}

	private static String classOf(NodeList groups, String id) {
		for (int i = 0; i < groups.getLength(); i++) {
			Element g = (Element) groups.item(i);
			if (id.equals(g.getAttribute("data-element-id"))) {
				return g.getAttribute("class");
			}
		}
		throw new AssertionError("no shape for " + id);
	}

	private static String flowClass(NodeList flows, String id) {
		return classOf(flows, id);
	}
}
