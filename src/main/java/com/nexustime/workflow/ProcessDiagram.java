package com.nexustime.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Draws a deployed BPMN diagram as SVG from its own layout (the BPMNDI shapes and edges the modeler saved),
 * marking the steps an instance has done, the ones it waits in now and the ones stuck on an incident. Drawn on
 * the server so the pages need no script, and the picture is the very version the instance runs.
 */
public final class ProcessDiagram {

	/** Room around the layout for labels that the modeler saved without bounds. */
	private static final int MARGIN = 40;

	private ProcessDiagram() {
	}

	/**
	 * The diagram as an {@code <svg>} element; elements are given the classes {@code done}, {@code current} and
	 * {@code failed}, and a flow between two visited elements {@code taken}.
	 */
	public static String render(BpmnModelInstance model, Set<String> done, Set<String> current, Set<String> failed,
			Set<String> visited) {
		Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
		Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
		double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = 0, maxY = 0;
		for (BpmnShape shape : shapes) {
			Bounds b = shape.getBounds();
			minX = Math.min(minX, b.getX());
			minY = Math.min(minY, b.getY());
			maxX = Math.max(maxX, b.getX() + b.getWidth());
			maxY = Math.max(maxY, b.getY() + b.getHeight() + (shape.getBpmnLabel() != null ? 0 : 30));
			if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
				Bounds l = shape.getBpmnLabel().getBounds();
				minX = Math.min(minX, l.getX());
				maxX = Math.max(maxX, l.getX() + l.getWidth());
				minY = Math.min(minY, l.getY());
				maxY = Math.max(maxY, l.getY() + l.getHeight());
			}
		}
		if (shapes.isEmpty()) {
			return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"process-diagram\" width=\"0\" height=\"0\"></svg>";
		}
		double x0 = minX - MARGIN, y0 = minY - MARGIN;
		double width = maxX - minX + 2 * MARGIN, height = maxY - minY + 2 * MARGIN;
		StringBuilder svg = new StringBuilder(8192);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"process-diagram\" role=\"img\" "
				+ "aria-label=\"Process diagram: done steps in green, the current step in blue, stuck steps in red\" viewBox=\"")
			.append(num(x0)).append(' ').append(num(y0)).append(' ').append(num(width)).append(' ').append(num(height))
			.append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height)).append("\">")
			.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
					+ "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>");
		for (BpmnEdge edge : edges) {
			BaseElement element = edge.getBpmnElement();
			List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
			if (points.size() < 2) {
				continue;
			}
			String css = "flow";
			if (element instanceof SequenceFlow flow && visited.contains(flow.getSource().getId())
					&& visited.contains(flow.getTarget().getId())) {
				css += " taken";
			}
			svg.append("<polyline class=\"").append(css).append("\" data-element-id=\"")
				.append(escape(element == null ? "" : element.getId())).append("\" marker-end=\"url(#arrow)\" points=\"");
			for (Waypoint p : points) {
				svg.append(num(p.getX())).append(',').append(num(p.getY())).append(' ');
			}
			svg.append("\"/>");
			String name = element instanceof FlowElement f ? f.getName() : null;
			if (name != null && !name.isBlank() && element instanceof SequenceFlow) {
				Waypoint mid = points.get(points.size() / 2 - (points.size() % 2 == 0 ? 1 : 0));
				svg.append("<text class=\"flow-label\" x=\"").append(num(mid.getX() + 4)).append("\" y=\"")
					.append(num(mid.getY() - 4)).append("\">").append(escape(name)).append("</text>");
			}
		}
		for (BpmnShape shape : shapes) {
			BaseElement element = shape.getBpmnElement();
			if (element == null) {
				continue;
			}
			String id = element.getId();
			String state = failed.contains(id) ? " failed" : current.contains(id) ? " current" : done.contains(id)
					? " done" : "";
			Bounds b = shape.getBounds();
			String name = element instanceof FlowElement f && f.getName() != null ? f.getName()
					: element instanceof TextAnnotation note && note.getText() != null
							? note.getText().getTextContent().strip() : "";
			svg.append("<g class=\"").append(kind(element)).append(state).append("\" data-element-id=\"")
				.append(escape(id)).append("\"><title>").append(escape(name.isEmpty() ? id : name)).append("</title>");
			double cx = b.getX() + b.getWidth() / 2, cy = b.getY() + b.getHeight() / 2;
			if (element instanceof Event) {
				double r = Math.min(b.getWidth(), b.getHeight()) / 2;
				svg.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
					.append(num(r)).append("\"/>");
				if (element instanceof BoundaryEvent) {
					svg.append("<circle class=\"inner\" cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
						.append("\" r=\"").append(num(r - 3)).append("\"/>");
				}
				label(svg, shape, name, cx, b.getY() + b.getHeight() + 14);
			}
			else if (element instanceof Gateway) {
				svg.append("<polygon points=\"").append(num(cx)).append(',').append(num(b.getY())).append(' ')
					.append(num(b.getX() + b.getWidth())).append(',').append(num(cy)).append(' ').append(num(cx))
					.append(',').append(num(b.getY() + b.getHeight())).append(' ').append(num(b.getX())).append(',')
					.append(num(cy)).append("\"/>");
				label(svg, shape, name, cx, b.getY() - 8);
			}
			else {
				svg.append("<rect x=\"").append(num(b.getX())).append("\" y=\"").append(num(b.getY()))
					.append("\" width=\"").append(num(b.getWidth())).append("\" height=\"").append(num(b.getHeight()))
					.append("\" rx=\"10\"/>");
				List<String> lines = wrap(name, Math.max(8, (int) (b.getWidth() / 7)));
				double first = cy - (lines.size() - 1) * 7;
				for (int i = 0; i < lines.size(); i++) {
					svg.append("<text x=\"").append(num(cx)).append("\" y=\"").append(num(first + i * 14 + 4))
						.append("\" text-anchor=\"middle\">").append(escape(lines.get(i))).append("</text>");
				}
			}
			svg.append("</g>");
		}
		return svg.append("</svg>").toString();
	}

	private static void label(StringBuilder svg, BpmnShape shape, String name, double x, double y) {
		if (name.isEmpty()) {
			return;
		}
		if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
			Bounds l = shape.getBpmnLabel().getBounds();
			x = l.getX() + l.getWidth() / 2;
			y = l.getY() + 11;
		}
		svg.append("<text class=\"label\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
			.append("\" text-anchor=\"middle\">").append(escape(name)).append("</text>");
	}

	private static String kind(BaseElement element) {
		if (element instanceof Gateway) {
			return "gateway";
		}
		if (element instanceof EndEvent) {
			return "event end-event";
		}
		if (element instanceof Event) {
			return "event";
		}
		if (element instanceof Activity) {
			return "task";
		}
		return "shape";
	}

	static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split("\\s+")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > width) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(word);
		}
		if (line.length() > 0) {
			lines.add(line.toString());
		}
		return lines;
	}

	private static String num(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
