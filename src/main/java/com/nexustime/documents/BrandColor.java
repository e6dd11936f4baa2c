package com.nexustime.documents;

import java.util.regex.Pattern;

/** The workspace's brand colour as "#rrggbb", falling back to the default when the setting is not one. */
public record BrandColor(int red, int green, int blue) {

	public static final String DEFAULT = "#1f6feb";

	private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

	public static BrandColor of(String setting) {
		String hex = setting != null && HEX.matcher(setting.trim()).matches() ? setting.trim() : DEFAULT;
		return new BrandColor(Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
				Integer.parseInt(hex.substring(5, 7), 16));
	}

	/** Safe to put into a style attribute: always exactly "#rrggbb". */
	public String hex() {
		return String.format("#%02x%02x%02x", red, green, blue);
	}
}
