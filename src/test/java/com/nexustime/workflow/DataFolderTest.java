package com.nexustime.workflow;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nexustime.workflow.DataFolder.DataFile;

import static org.assertj.core.api.Assertions.assertThat;

class DataFolderTest {

	@TempDir
	Path folder;

	@Test
	void fileSystemFolderWinsAndNamesAreRelative() throws Exception {
		Files.createDirectories(folder.resolve("sub"));
		Files.writeString(folder.resolve("b.bpmn"), "b");
		Files.writeString(folder.resolve("sub/a.bpmn"), "a");
		Files.writeString(folder.resolve("notes.txt"), "not a diagram");

		DataFolder data = DataFolder.of(folder.toString(), "processes");

		assertThat(data.onFileSystem()).isTrue();
		assertThat(data.files(".bpmn")).extracting(DataFile::name).containsExactly("b.bpmn", "sub/a.bpmn");
		assertThat(data.file("sub/a.bpmn", ".bpmn")).get().extracting(DataFile::text).isEqualTo("a");
		assertThat(data.file("../b.bpmn", ".bpmn")).isEmpty();
		assertThat(data.file("notes.txt", ".bpmn")).isEmpty();
	}

	@Test
	void missingFolderFallsBackToThePackagedCopy() {
		DataFolder data = DataFolder.of(folder.resolve("absent").toString(), "processes");

		assertThat(data.onFileSystem()).isFalse();
		assertThat(data.location()).isEqualTo("classpath:processes/");
		assertThat(data.files(".bpmn")).extracting(DataFile::name).contains("weekly-timesheet.bpmn");
		assertThat(data.file("weekly-timesheet.bpmn", ".bpmn")).get().extracting(DataFile::text).asString()
			.contains("id=\"weekly-timesheet\"");
	}
}
