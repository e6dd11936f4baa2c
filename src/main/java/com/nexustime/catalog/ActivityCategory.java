package com.nexustime.catalog;

/**
 * Decides how time on an activity is billed: DESIGN_CREATIVE as D/C dollars, MANAGEMENT as hourly dollars,
 * PER_PIECE as per-piece dollars, FIXED_COST as a money amount, BUDGET against the project's budget.
 */
public enum ActivityCategory {
	DESIGN_CREATIVE, MANAGEMENT, PER_PIECE, FIXED_COST, BUDGET
}
