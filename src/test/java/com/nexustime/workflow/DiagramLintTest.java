package com.nexustime.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped diagrams pass bpmn.io's lint with its recommended rules ({@code .bpmnlintrc}) without errors, as a
 * process owner's Camunda Modeler would show them. bpmnlint is an npm package: {@code .ci/run} installs it into
 * {@code tools/bpmnlint} (pinned by its package-lock.json); on a machine without it this test is skipped.
 */
class DiagramLintTest {

	private static final Path LINT = Path.of("tools", "bpmnlint", "node_modules", ".bin", "bpmnlint");

	@BeforeAll
	static void lintIsInstalled() {
		assumeTrue(Files.isExecutable(LINT),
				"bpmnlint is not installed: run `npm ci --prefix tools/bpmnlint` (.ci/run does)");
	}

	@Test
	void theShippedDiagramsHaveNoLintErrors() throws Exception {
		List<String> diagrams;
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			diagrams = files.filter(f -> f.toString().endsWith(".bpmn")).map(Path::toString).sorted().toList();
		}
		assertThat(diagrams).isNotEmpty();

		Lint result = lint(Path.of("."), diagrams);

		System.out.println("bpmnlint (recommended) over " + diagrams + ":\n" + result.output());
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("0 errors").doesNotContain(" error ");
	}

	/** Proves the check bites: the shape the client-approval diagram used to have (one gateway forking and joining). */
	@Test
	void aGatewayThatForksAndJoinsIsAnError(@TempDir Path folder) throws Exception {
		Files.copy(Path.of(".bpmnlintrc"), folder.resolve(".bpmnlintrc"));
		Files.writeString(folder.resolve("fork-join.bpmn"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
				  <bpmn:process id="p" isExecutable="true">
				    <bpmn:startEvent id="Start" name="Start"><bpmn:outgoing>f1</bpmn:outgoing><bpmn:outgoing>f2</bpmn:outgoing></bpmn:startEvent>
				    <bpmn:exclusiveGateway id="Both" name="Both?">
				      <bpmn:incoming>f1</bpmn:incoming><bpmn:incoming>f2</bpmn:incoming>
				      <bpmn:outgoing>f3</bpmn:outgoing><bpmn:outgoing>f4</bpmn:outgoing>
				    </bpmn:exclusiveGateway>
				    <bpmn:endEvent id="A" name="A"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
				    <bpmn:endEvent id="B" name="B"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
				    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Both" />
				    <bpmn:sequenceFlow id="f2" sourceRef="Start" targetRef="Both" />
				    <bpmn:sequenceFlow id="f3" sourceRef="Both" targetRef="A"><bpmn:conditionExpression>${a}</bpmn:conditionExpression></bpmn:sequenceFlow>
				    <bpmn:sequenceFlow id="f4" sourceRef="Both" targetRef="B"><bpmn:conditionExpression>${b}</bpmn:conditionExpression></bpmn:sequenceFlow>
				  </bpmn:process>
				</bpmn:definitions>
				""", StandardCharsets.UTF_8);

		Lint result = lint(folder, List.of("fork-join.bpmn"));

		assertThat(result.exitCode()).as(result.output()).isNotZero();
		assertThat(result.output()).contains("no-gateway-join-fork");
	}

	private record Lint(int exitCode, String output) {
	}

	private static Lint lint(Path workingDirectory, List<String> files) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(LINT.toAbsolutePath().toString());
		command.addAll(files);
		Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("bpmnlint finished").isTrue();
		return new Lint(process.exitValue(), output.replaceAll("\u001B\\[[;\\d]*m", ""));
	}
}
