package com.nexustime.rules;

/**
 * An activity offered for booking time: its category ({@code DESIGN_CREATIVE}, {@code MANAGEMENT},
 * {@code PER_PIECE}, {@code FIXED_COST}, {@code BUDGET}), the corporation it is restricted to (null when
 * every client may use it) and whether it is active.
 */
public record ActivityOption(long id, String category, String corporation, boolean active) {

	public ActivityOption {
		corporation = RuleText.blankToNull(corporation);
	}
}
