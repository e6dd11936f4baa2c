package com.nexustime.catalog;

/** HOURLY bills the time worked; INVOICE_BUDGET bills the agreed budget and tracks time only for cost. */
public enum BillingMode {
	HOURLY, INVOICE_BUDGET
}
