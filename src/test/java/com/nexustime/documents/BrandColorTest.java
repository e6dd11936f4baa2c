package com.nexustime.documents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BrandColorTest {

	private static final BrandColor WHITE = BrandColor.of("#ffffff");

	private static final BrandColor BLACK = BrandColor.of("#000000");

	@Test
	void contrastFollowsWcag() {
		assertThat(BLACK.contrastWith(WHITE)).isCloseTo(21.0, within(0.001));
		assertThat(WHITE.contrastWith(WHITE)).isCloseTo(1.0, within(0.001));
		// Bootstrap's secondary grey on white, as axe-core reports it
		assertThat(BrandColor.of("#6c757d").contrastWith(WHITE)).isCloseTo(4.69, within(0.01));
	}

	@Test
	void theDefaultKeepsWhiteTextAndALightColourGetsBlack() {
		assertThat(BrandColor.of(BrandColor.DEFAULT).foreground()).isEqualTo("#ffffff");
		assertThat(BrandColor.of("#ffd33d").foreground()).isEqualTo("#000000");
		assertThat(BrandColor.of("#ffffff").foreground()).isEqualTo("#000000");
		assertThat(BrandColor.of("#0a7d32").foreground()).isEqualTo("#ffffff");
	}

	/** Whatever an admin picks, the text put on it reaches WCAG AA. */
	@ParameterizedTest
	@ValueSource(strings = { "#1f6feb", "#ffd33d", "#777777", "#808080", "#ff0000", "#00ff00", "#0000ff", "#ffffff",
			"#000000", "#7f7f7f", "#e5534b", "#2da44e" })
	void textOnAnyBrandColourIsReadable(String hex) {
		BrandColor brand = BrandColor.of(hex);
		assertThat(brand.contrastWith(BrandColor.of(brand.foreground()))).isGreaterThanOrEqualTo(BrandColor.READABLE_CONTRAST);
	}

	@Test
	void everyGreyHasAReadableForeground() {
		for (int v = 0; v < 256; v++) {
			BrandColor grey = new BrandColor(v, v, v);
			assertThat(grey.contrastWith(BrandColor.of(grey.foreground()))).as(grey.hex())
				.isGreaterThanOrEqualTo(BrandColor.READABLE_CONTRAST);
		}
	}

	@Test
	void shortHexIsReadAndAnythingElseFallsBack() {
		assertThat(BrandColor.of("#fc0").hex()).isEqualTo("#ffcc00");
		assertThat(BrandColor.of("red; background:url(x)").hex()).isEqualTo(BrandColor.DEFAULT);
		assertThat(BrandColor.of(null).hex()).isEqualTo(BrandColor.DEFAULT);
	}

	@Test
	void whiteTextNeedsADarkEnoughColour() {
		assertThat(BrandColor.of(BrandColor.DEFAULT).readableUnderWhiteText()).isTrue();
		assertThat(BrandColor.of("#ffd33d").readableUnderWhiteText()).isFalse();
		assertThat(BrandColor.of("#58a6ff").readableUnderWhiteText()).isFalse();
	}
}
