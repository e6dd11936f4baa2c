package com.nexustime.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What a person sees, checked in the browser: axe-core (WCAG 2.0/2.1 A and AA) over the whole page, and the
 * decisive controls visible, on screen, enabled and legible. axe-core comes from its WebJar on the test
 * classpath and is injected into the page as a script tag, so nothing is fetched at run time.
 */
public final class Accessibility {

	/** The rule sets checked: WCAG 2.0 and 2.1, levels A and AA. */
	public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	/** Impacts that fail a test; minor and moderate findings are left to review. */
	static final List<String> FAILING_IMPACTS = List.of("serious", "critical");

	/** WCAG 1.4.3: normal text 4.5:1, large text (24 px, or 18.66 px bold) 3:1. */
	static final double NORMAL_TEXT_CONTRAST = 4.5;

	static final double LARGE_TEXT_CONTRAST = 3.0;

	private static final String AXE_SCRIPT = loadAxe();

	private static final String RUN_AXE = """
			async ({tags, impacts}) => {
			  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
			  return result.violations.filter(v => impacts.includes(v.impact)).map(v => ({
			    id: v.id, impact: v.impact, help: v.help,
			    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary || ''}))
			  }));
			}""";

	/**
	 * The element's text as a person reads it, its size and weight, its colour and the colour behind it (the first
	 * ancestor with an opaque background, blended over white), and whether it is the topmost element at its centre.
	 */
	private static final String LOOK = """
			el => {
			  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return [255, 255, 255, 1];
			    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
			  const layers = [];
			  for (let n = el; n; n = n.parentElement) {
			    const bg = parse(getComputedStyle(n).backgroundColor);
			    if (bg[3] > 0) { layers.push(bg); if (bg[3] >= 1) break; }
			  }
			  let back = [255, 255, 255];
			  for (const l of layers.reverse()) back = [0, 1, 2].map(i => l[i] * l[3] + back[i] * (1 - l[3]));
			  const style = getComputedStyle(el);
			  const fg = parse(style.color);
			  const front = [0, 1, 2].map(i => fg[i] * fg[3] + back[i] * (1 - fg[3]));
			  const lum = c => { const s = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
			    return 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2]; };
			  const [a, b] = [lum(front), lum(back)];
			  const r = el.getBoundingClientRect();
			  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
			  const label = el.labels && el.labels.length ? el.labels[0].innerText : '';
			  const text = (el.innerText || el.value || el.getAttribute('aria-label') || label || '').trim();
			  return {text, contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
			    fontSize: parseFloat(style.fontSize), bold: Number(style.fontWeight) >= 700,
			    color: style.color, background: 'rgb(' + back.map(Math.round).join(', ') + ')',
			    onTop: !!top && (top === el || el.contains(top)),
			    top: top ? top.tagName.toLowerCase() + (top.id ? '#' + top.id : '') + (top.className && top.className.baseVal === undefined ? '.' + top.className.trim().replace(/\s+/g, '.') : '') : 'nothing',
			    at: [r.left + r.width / 2, r.top + r.height / 2, innerWidth, innerHeight, document.documentElement.scrollWidth]};
			}""";

	private Accessibility() {
	}

	/** Runs axe-core over the page and fails listing every serious or critical WCAG 2 A/AA violation. */
	public static void assertNoSeriousViolations(Page page) {
		if (Boolean.FALSE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
			// evaluated by the test browser itself, not as a script tag: the pages' CSP forbids inline scripts
			page.evaluate("() => { " + AXE_SCRIPT + "\n}");
		}
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate(RUN_AXE,
				Map.of("tags", WCAG_TAGS, "impacts", FAILING_IMPACTS));
		if (!violations.isEmpty()) {
			fail(violations.size() + " serious/critical accessibility violation(s) on " + page.url() + ":\n"
					+ violations.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
		}
	}

	@SuppressWarnings("unchecked")
	private static String describe(Map<String, Object> violation) {
		List<Map<String, Object>> nodes = (List<Map<String, Object>>) violation.get("nodes");
		return "- " + violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help")
				+ nodes.stream()
					.map(n -> "\n    at " + n.get("target") + ": "
							+ String.valueOf(n.get("summary")).replace("\n", " ").replaceAll("\\s+", " "))
					.collect(Collectors.joining());
	}

	/**
	 * The control a person must use: after scrolling it into view it is visible, entirely inside the viewport, not
	 * covered by another element, enabled, and has text in a legible size with enough contrast to what is behind it.
	 */
	public static Locator assertUsable(Locator control) {
		String what = control.toString();
		assertThat(control.count()).as("exactly one %s", what).isEqualTo(1);
		control.scrollIntoViewIfNeeded();
		assertThat(control.isVisible()).as("%s is visible", what).isTrue();
		assertThat(control.isEnabled()).as("%s is enabled", what).isTrue();
		BoundingBox box = control.boundingBox();
		var viewport = control.page().viewportSize();
		assertThat(box).as("%s has a box", what).isNotNull();
		assertThat(box.width).as("%s width", what).isGreaterThan(0);
		assertThat(box.height).as("%s height", what).isGreaterThan(0);
		assertThat(box.x).as("%s left edge inside the %d px viewport", what, viewport.width).isGreaterThanOrEqualTo(0);
		assertThat(box.y).as("%s top edge inside the viewport", what).isGreaterThanOrEqualTo(0);
		assertThat(box.x + box.width).as("%s right edge inside the %d px viewport", what, viewport.width)
			.isLessThanOrEqualTo(viewport.width + 0.5);
		assertThat(box.y + box.height).as("%s bottom edge inside the %d px high viewport", what, viewport.height)
			.isLessThanOrEqualTo(viewport.height + 0.5);
		@SuppressWarnings("unchecked")
		Map<String, Object> look = (Map<String, Object>) control.evaluate(LOOK);
		assertThat((Boolean) look.get("onTop"))
			.as("%s is not covered by another element (%s is on top at x, y, viewport, page width %s)", what,
					look.get("top"), look.get("at"))
			.isTrue();
		assertThat((String) look.get("text")).as("%s has text", what).isNotBlank();
		double fontSize = ((Number) look.get("fontSize")).doubleValue();
		assertThat(fontSize).as("%s font size", what).isGreaterThanOrEqualTo(12);
		boolean large = fontSize >= 24 || (fontSize >= 18.66 && (Boolean) look.get("bold"));
		double contrast = ((Number) look.get("contrast")).doubleValue();
		assertThat(contrast)
			.as("%s text %s on %s: contrast %.2f:1", what, look.get("color"), look.get("background"), contrast)
			.isGreaterThanOrEqualTo(large ? LARGE_TEXT_CONTRAST : NORMAL_TEXT_CONTRAST);
		return control;
	}

	private static String loadAxe() {
		ClassLoader loader = Accessibility.class.getClassLoader();
		Properties pom = new Properties();
		try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
			if (in == null) {
				throw new IllegalStateException("axe-core WebJar (org.webjars.npm:axe-core) is not on the test classpath");
			}
			pom.load(in);
			String path = "META-INF/resources/webjars/axe-core/" + pom.getProperty("version") + "/axe.min.js";
			try (InputStream script = loader.getResourceAsStream(path)) {
				if (script == null) {
					throw new IllegalStateException("no " + path + " in the axe-core WebJar");
				}
				return new String(script.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
