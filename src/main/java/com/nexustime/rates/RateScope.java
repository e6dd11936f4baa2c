package com.nexustime.rates;

/** What a rate applies to: the whole workspace (the default), one person, or one project. */
public enum RateScope {
	WORKSPACE, USER, PROJECT
}
