package org.rapport.analytics.internal;

/** The models that run on the CRM's data. */
public enum AnalyticsModel {
	CUSTOMER_VALUE,
	SEGMENTS,
	CHURN,
	RECOMMENDATIONS
}
