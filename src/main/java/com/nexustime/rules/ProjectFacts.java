package com.nexustime.rules;

/**
 * What the rules know about a project: its type ({@code STANDARD}, {@code PER_PIECE}, {@code ELECTRONIC}),
 * its status ({@code ACTIVE}, {@code ARTWORK_COMPLETE}, {@code OBSOLETE}, {@code CLOSED}) and the corporation
 * it belongs to, if any. Values are the catalog's stored names; a blank corporation means none.
 */
public record ProjectFacts(long id, String type, String status, String corporation) {

	public ProjectFacts {
		corporation = RuleText.blankToNull(corporation);
	}
}
