package org.rapport.analytics.internal.churn;

/**
 * A point of a ROC curve: the share of retained rows and of churned rows that score at or above some threshold.
 */
public record RocPoint(double falsePositiveRate, double truePositiveRate) {
}
