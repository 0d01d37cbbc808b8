package org.rapport.analytics.internal.churn;

/**
 * A column that pushes one row's risk of churn: what the row holds in it, and how far it pushes the score up
 * (positive) or down (negative), in the unit that the {@link Explanation} names.
 */
public record Factor(String column, String value, double effect) {
}
