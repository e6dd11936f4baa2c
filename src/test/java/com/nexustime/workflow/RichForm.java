package com.nexustime.workflow;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

import com.nexustime.support.EditedForms;

/**
 * Components of every kind Camunda Modeler 5 offers for Camunda 7 forms, as it writes them, for the tests that add
 * them to a copy of a shipped form. Also one kind Modeler has but this application does not render (filepicker).
 */
public final class RichForm {

	public static final String COMPONENTS = """
			[
			  { "id": "Text_rich", "type": "text", "text": "#### Rich request\\nEvery kind of field a process owner can add." },
			  { "id": "Field_name", "key": "name", "type": "textfield", "label": "Your name",
			    "description": "As on your badge.",
			    "validate": { "required": true, "minLength": 2, "maxLength": 40, "pattern": "^[A-Z]" } },
			  { "id": "Field_email", "key": "email", "type": "textfield", "label": "Email",
			    "validate": { "validationType": "email" } },
			  { "id": "Field_notes", "key": "notes", "type": "textarea", "label": "Notes",
			    "description": "Anything the reviewer should know.", "validate": { "maxLength": 20 } },
			  { "id": "Field_hours", "key": "hours", "type": "number", "label": "Hours",
			    "description": "Whole or half hours.", "decimalDigits": 1,
			    "validate": { "required": true, "min": 0, "max": 40 } },
			  { "id": "Field_people", "key": "people", "type": "number", "label": "People", "validate": { "min": 1 } },
			  { "id": "Field_urgent", "key": "urgent", "type": "checkbox", "label": "Urgent",
			    "description": "Tick when it cannot wait.", "defaultValue": false },
			  { "id": "Field_tools", "key": "tools", "type": "checklist", "label": "Tools",
			    "description": "All that apply.", "validate": { "required": true },
			    "values": [ { "label": "Hammer", "value": "hammer" }, { "label": "Saw", "value": "saw" },
			                { "label": "Drill", "value": "drill" } ] },
			  { "id": "Field_size", "key": "size", "type": "radio", "label": "Size", "defaultValue": "M",
			    "validate": { "required": true },
			    "values": [ { "label": "Small", "value": "S" }, { "label": "Medium", "value": "M" },
			                { "label": "Large", "value": "L" } ] },
			  { "id": "Field_colour", "key": "colour", "type": "select", "label": "Colour",
			    "values": [ { "label": "Red", "value": "red" }, { "label": "Green", "value": "green" } ] },
			  { "id": "Field_tags", "key": "tags", "type": "taglist", "label": "Tags",
			    "values": [ { "label": "Alpha", "value": "a" }, { "label": "Beta", "value": "b" },
			                { "label": "Gamma", "value": "c" } ] },
			  { "id": "Field_due", "key": "due", "type": "datetime", "subtype": "date", "dateLabel": "Due date",
			    "description": "The last day it is useful.", "validate": { "required": true } },
			  { "id": "Field_office", "key": "office", "type": "select", "label": "Office", "valuesKey": "offices" },
			  { "id": "Separator_1", "type": "separator" },
			  { "id": "Group_extra", "type": "group", "label": "Extra details", "components": [
			    { "id": "Field_reason", "key": "reason", "type": "textfield", "label": "Why urgent",
			      "description": "Only asked when urgent.", "validate": { "required": true },
			      "conditional": { "hide": "=not(urgent)" } },
			    { "id": "Field_bigjob", "key": "bigJob", "type": "checkbox", "label": "Needs a second reviewer",
			      "conditional": { "hide": "=hours < 30" } }
			  ] },
			  { "id": "Spacer_1", "type": "spacer", "height": 30 },
			  { "id": "Field_code", "key": "code", "type": "textfield", "label": "Cost code", "readonly": true,
			    "defaultValue": "CC-7" },
			  { "id": "Field_internal", "key": "internal", "type": "textfield", "label": "Internal note",
			    "disabled": true },
			  { "id": "Field_upload", "key": "upload", "type": "filepicker", "label": "Upload a scan" }
			]""";

	/** The form file the tests add to the forms folder's test copy. */
	public static final String FILE = "rich-request.form";

	private RichForm() {
	}

	/** A diagram whose first task names the rich form and whose second task waits, so the variables can be read. */
	static String diagram(String key) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="rich" targetNamespace="https://example.com/test">
				  <bpmn:process id="%s" name="Rich request" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="start" />
				    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="ask" />
				    <bpmn:userTask id="ask" name="Fill the rich request" camunda:candidateGroups="managers"
				        camunda:formKey="nexus:rich-request" />
				    <bpmn:sequenceFlow id="f2" sourceRef="ask" targetRef="after" />
				    <bpmn:userTask id="after" name="Look at the request" camunda:candidateGroups="admins" />
				    <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
				    <bpmn:endEvent id="end" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(key);
	}

	/**
	 * The rich components added to the test copy of po-follow-up.form (as {@link #FILE}), and a process instance
	 * waiting at the task that names it, with the {@code offices} variable a {@code valuesKey} select reads.
	 * Closing removes both.
	 */
	static class Deployed implements AutoCloseable {

		final EditedForms form = EditedForms.put(FILE, addedTo(EditedForms.read("po-follow-up.form"), "rich-request"));

		final String key = "rich-request-" + UUID.randomUUID().toString().substring(0, 8);

		final RepositoryService repository;

		final RuntimeService runtime;

		final String deployment;

		final String instance;

		final String taskId;

		Deployed(RepositoryService repository, RuntimeService runtime, TaskService tasks) {
			this.repository = repository;
			this.runtime = runtime;
			this.deployment = repository.createDeployment().name(key).addString(key + ".bpmn", diagram(key)).deploy()
				.getId();
			this.instance = runtime.startProcessInstanceByKey(key, "rich:" + key, Map.of("offices",
					List.of(Map.of("label", "Berlin", "value", "BER"), Map.of("label", "Lisbon", "value", "LIS"))))
				.getId();
			this.taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
		}

		@Override
		public void close() {
			repository.deleteDeployment(deployment, true);
			form.close();
		}
	}

	/** The shipped form's text with the rich components added after its own, under another id. */
	public static String addedTo(String shippedForm, String id) {
		try {
			ObjectMapper json = new ObjectMapper();
			ObjectNode form = (ObjectNode) json.readTree(shippedForm);
			form.put("id", id);
			JsonNode added = json.readTree(COMPONENTS);
			((ArrayNode) form.get("components")).addAll((ArrayNode) added);
			return json.writerWithDefaultPrettyPrinter().writeValueAsString(form);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Only the rich components, as a schema. */
	public static JsonNode schema() {
		try {
			ObjectMapper json = new ObjectMapper();
			ObjectNode form = json.createObjectNode();
			form.set("components", json.readTree(COMPONENTS));
			return form;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
