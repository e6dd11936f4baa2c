package com.nexustime.documents;

import java.util.regex.Pattern;

/**
 * The workspace's brand colour as "#rrggbb" ("#rgb" is read too), falling back to the default when the setting is
 * not one, with what it takes to put text on it legibly (WCAG 2 contrast).
 */
public record BrandColor(int red, int green, int blue) {

	public static final String DEFAULT = "#1f6feb";

	/** WCAG 2 AA for normal text (1.4.3). */
	public static final double READABLE_CONTRAST = 4.5;

	private static final Pattern HEX = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

	private static final BrandColor WHITE = new BrandColor(255, 255, 255);

	private static final BrandColor BLACK = new BrandColor(0, 0, 0);

	public static BrandColor of(String setting) {
		String hex = setting != null && HEX.matcher(setting.trim()).matches() ? setting.trim() : DEFAULT;
		if (hex.length() == 4) {
			hex = "#" + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2) + hex.charAt(3) + hex.charAt(3);
		}
		return new BrandColor(Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
				Integer.parseInt(hex.substring(5, 7), 16));
	}

	/** Safe to put into a style attribute: always exactly "#rrggbb". */
	public String hex() {
		return String.format("#%02x%02x%02x", red, green, blue);
	}

	/**
	 * The text colour for this background: white where white reads at least as well as black, else black. One of
	 * the two always reaches 4.58:1, so text on any brand colour meets WCAG AA.
	 */
	public String foreground() {
		return contrastWith(WHITE) >= contrastWith(BLACK) ? WHITE.hex() : BLACK.hex();
	}

	/** Whether white text (the mails' and PDFs' headers and buttons) is legible on this colour. */
	public boolean readableUnderWhiteText() {
		return contrastWith(WHITE) >= READABLE_CONTRAST;
	}

	/** The WCAG 2 contrast ratio between the two colours, from 1 (same) to 21 (black on white). */
	public double contrastWith(BrandColor other) {
		double a = luminance();
		double b = other.luminance();
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	}

	/** WCAG 2 relative luminance. */
	double luminance() {
		return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue);
	}

	private static double channel(int value) {
		double c = value / 255.0;
		return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}
}
