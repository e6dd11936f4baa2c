package com.nexustime.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.nexustime.catalog.ActivityCategory;
import com.nexustime.system.web.Labels;

/** Activity categories in words (from {@link Labels}) for pages, CSV and charts; JSON keeps the code. */
public final class ActivityCategoryNames {

	/** The row of entries without an activity (adjustments). */
	public static final String NO_ACTIVITY = "No activity (adjustments)";

	private static final Map<ActivityCategory, String> NAMES = new LinkedHashMap<>();

	static {
		// the words come from the one naming place the pages use
		for (ActivityCategory category : ActivityCategory.values()) {
			NAMES.put(category, Labels.words(category));
		}
	}

	private ActivityCategoryNames() {
	}

	/** The words for a category code; the code itself if it is unknown, {@link #NO_ACTIVITY} for none. */
	public static String of(String code) {
		if (code == null) {
			return NO_ACTIVITY;
		}
		for (Map.Entry<ActivityCategory, String> entry : NAMES.entrySet()) {
			if (entry.getKey().name().equals(code)) {
				return entry.getValue();
			}
		}
		return code;
	}

	/** The code a parameter names, case-insensitively. */
	static Optional<String> code(String text) {
		String wanted = text.trim().toUpperCase(Locale.ROOT);
		return NAMES.keySet().stream().map(Enum::name).filter(wanted::equals).findFirst();
	}

	static List<String> codes() {
		return NAMES.keySet().stream().map(Enum::name).toList();
	}
}
