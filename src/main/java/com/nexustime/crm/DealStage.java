package com.nexustime.crm;

/** Where a sales opportunity stands. */
public enum DealStage {
	OPEN, WON, LOST
}
