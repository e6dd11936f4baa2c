package com.nexustime.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates and page scripts carry no emoji or pictographic glyphs used as icons: stock Linux systems often lack
 * a font for them (the bell showed as an empty box). Icons come from the bootstrap-icons WebJar instead.
 */
class TemplateIconsTest {

	/**
	 * Emoji and pictographs, arrows, dingbats, geometric shapes (the sort triangles), miscellaneous symbols and
	 * technical signs, the variation selector that asks for emoji style, and their numeric character references.
	 */
	static final Pattern ICON_GLYPH = Pattern.compile(
			"[\\x{1F000}-\\x{1FAFF}\\x{2190}-\\x{21FF}\\x{2300}-\\x{23FF}\\x{25A0}-\\x{25FF}\\x{2600}-\\x{27BF}"
					+ "\\x{2B00}-\\x{2BFF}\\x{FE0F}]|&#(1[0-9]{5}|x1[0-9a-fA-F]{4});|&#(8[5-9][0-9]{2}|9[0-9]{3}|10[0-9]{3});");

	/** "before → after" in a column heading is prose, not an icon. */
	private static final Pattern PROSE_ARROW = Pattern.compile("before → after");

	@Test
	void noTemplateOrScriptUsesAnEmojiAsAnIcon() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path root : List.of(Path.of("src/main/resources/templates"), Path.of("src/main/resources/static/js"))) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					List<String> lines = Files.readAllLines(file);
					for (int i = 0; i < lines.size(); i++) {
						Matcher glyph = ICON_GLYPH.matcher(PROSE_ARROW.matcher(lines.get(i)).replaceAll(""));
						while (glyph.find()) {
							found.add(file + ":" + (i + 1) + " " + glyph.group());
						}
					}
				}
			}
		}
		assertThat(found).as("emoji or pictographic glyphs in templates").isEmpty();
	}

	@Test
	void thePatternCatchesTheBellTheSortArrowsAndTheirReferences() {
		assertThat(ICON_GLYPH.matcher("\uD83D\uDD14").find()).isTrue();
		assertThat(ICON_GLYPH.matcher("&#128276;").find()).isTrue();
		assertThat(ICON_GLYPH.matcher("Billed ▲").find()).isTrue();
		assertThat(ICON_GLYPH.matcher("← Previous week").find()).isTrue();
		assertThat(ICON_GLYPH.matcher("Total 1.00 h × 100.00 · 2 € — ok").find()).isFalse();
	}
}
