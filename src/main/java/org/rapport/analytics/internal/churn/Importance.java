package org.rapport.analytics.internal.churn;

/**
 * How much a feature counts in a model overall, as its share of the model's total importance.
 */
public record Importance(String feature, double share) {
}
